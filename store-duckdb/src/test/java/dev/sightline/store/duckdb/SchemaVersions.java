package dev.sightline.store.duckdb;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.duckdb.DuckDBConnection;

/** Test helper: reads a closed database file's schema version with a connection of its own. */
final class SchemaVersions {

    private SchemaVersions() {
    }

    static int of(Path file) throws Exception {
        try (DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + file.toAbsolutePath())) {
            return SchemaMigrator.currentVersion(connection);
        }
    }
}
