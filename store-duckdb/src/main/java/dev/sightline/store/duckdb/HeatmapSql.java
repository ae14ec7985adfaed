package dev.sightline.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * A statement assembled from parts, each part with its own parameters, so the heatmap queries can add
 * the conditions a query asks for and bind them in the same order. Values always travel as parameters.
 */
final class HeatmapSql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** Appends SQL text and the values of its {@code ?} placeholders: strings, longs, ints, booleans, or string arrays. */
    HeatmapSql add(String sql, Object... values) {
        text.append(sql);
        parameters.addAll(List.of(values));
        return this;
    }

    /** Appends another statement's text and parameters. */
    HeatmapSql add(HeatmapSql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    PreparedStatement prepare(DuckDBConnection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        try {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof String s) {
                    statement.setString(i + 1, s);
                } else if (value instanceof Long l) {
                    statement.setLong(i + 1, l);
                } else if (value instanceof Integer n) {
                    statement.setInt(i + 1, n);
                } else if (value instanceof Boolean b) {
                    statement.setBoolean(i + 1, b);
                } else if (value instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("VARCHAR", array));
                } else {
                    throw new IllegalArgumentException("cannot bind a " + value.getClass().getSimpleName());
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
