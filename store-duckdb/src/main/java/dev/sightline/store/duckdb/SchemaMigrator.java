package dev.sightline.store.duckdb;

import dev.sightline.contract.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * Keeps a database's schema at the version this build knows. The version lives in a one-row table
 * {@code schema_version}; each missing {@link Migration} runs in its own transaction, so a crash
 * mid-way leaves a consistent earlier version. A file written by a newer build is refused.
 */
final class SchemaMigrator {

    private SchemaMigrator() {
    }

    static void migrate(DuckDBConnection connection, List<Migration> migrations) throws SQLException {
        Statements.execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        int current = currentVersion(connection);
        int latest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
        if (current > latest) {
            throw new StoreException("the database has schema version " + current + " but this build knows only up to "
                    + latest + "; it was written by a newer Sightline", null);
        }
        for (Migration migration : migrations) {
            if (migration.version() > current) {
                Transactions.run(connection, "schema migration to version " + migration.version(), c -> {
                    for (String statement : migration.statements()) {
                        Statements.execute(c, statement);
                    }
                    Statements.execute(c, "DELETE FROM schema_version");
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO schema_version VALUES (?)")) {
                        insert.setInt(1, migration.version());
                        insert.execute();
                    }
                    return null;
                });
            }
        }
    }

    static int currentVersion(DuckDBConnection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT max(version) FROM schema_version");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
