package dev.sightline.store.duckdb;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.duckdb.DuckDBConnection;

/** Test helper: a connection of its own to a closed store's database file, to look at or tamper with its tables. */
final class RawDatabase {

    private RawDatabase() {
    }

    static DuckDBConnection connect(Path file) throws Exception {
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    }

    static void execute(Path file, String sql) throws Exception {
        try (DuckDBConnection connection = connect(file)) {
            Statements.execute(connection, sql);
        }
    }

    static long count(Path file, String sql) throws Exception {
        try (DuckDBConnection connection = connect(file); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static int schemaVersion(Path file) throws Exception {
        try (DuckDBConnection connection = connect(file)) {
            return SchemaMigrator.currentVersion(connection);
        }
    }
}
