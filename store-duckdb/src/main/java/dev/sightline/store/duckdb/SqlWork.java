package dev.sightline.store.duckdb;

import java.sql.SQLException;

/** Work against a DuckDB connection that may fail with an {@link SQLException}. */
@FunctionalInterface
interface SqlWork<T> {
    T run(org.duckdb.DuckDBConnection connection) throws SQLException;
}
