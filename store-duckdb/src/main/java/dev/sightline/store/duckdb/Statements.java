package dev.sightline.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/** Running one statement that returns no rows. Values always travel as parameters, never in the SQL text. */
final class Statements {

    private Statements() {
    }

    /** A statement without parameters: DDL, transaction control, fixed SQL. */
    static void execute(DuckDBConnection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A prepared statement whose parameters are all strings, bound in order. */
    static void execute(DuckDBConnection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }
}
