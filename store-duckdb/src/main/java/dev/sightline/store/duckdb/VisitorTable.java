package dev.sightline.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The {@code visitors} table, read and written by key. Lookups use {@code visitor_key IN (?, …)},
 * which DuckDB answers from the key's ART index however many visitors are stored.
 */
final class VisitorTable {

    /** A visitor as stored or about to be. */
    record Visitor(String key, String projectId, String visitorId, FirstSession first) {
    }

    private static final int LOOKUP_CHUNK = 64;

    private static final String LOOKUP = "SELECT visitor_key, first_session_id, epoch_us(first_seen) FROM visitors"
            + " WHERE visitor_key IN (" + String.join(", ", java.util.Collections.nCopies(LOOKUP_CHUNK, "?")) + ")";

    /** By the primary key's index, like the lookups: one statement for all of a write's changed visitors. */
    private static final String UPDATE = """
            INSERT INTO visitors SELECT * FROM temp.stage_visitors
            ON CONFLICT (visitor_key) DO UPDATE SET first_session_id = excluded.first_session_id,
                first_seen = excluded.first_seen""";

    private VisitorTable() {
    }

    /** The stored first session of each of the visitors that has one. */
    static Map<String, FirstSession> firstSessions(DuckDBConnection connection, Collection<String> keys)
            throws SQLException {
        Map<String, FirstSession> found = new HashMap<>();
        List<String> all = new ArrayList<>(keys);
        if (all.isEmpty()) {
            return found;
        }
        try (PreparedStatement lookup = connection.prepareStatement(LOOKUP)) {
            for (int start = 0; start < all.size(); start += LOOKUP_CHUNK) {
                for (int i = 0; i < LOOKUP_CHUNK; i++) {
                    // A short last chunk repeats its last key; IN ignores the repeats.
                    lookup.setString(i + 1, all.get(Math.min(start + i, all.size() - 1)));
                }
                try (ResultSet rows = lookup.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getString(1), new FirstSession(rows.getString(2), rows.getLong(3)));
                    }
                }
            }
        }
        return found;
    }

    static void insert(DuckDBConnection connection, Collection<Visitor> visitors) throws SQLException {
        if (visitors.isEmpty()) {
            return;
        }
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "visitors")) {
            for (Visitor visitor : visitors) {
                appender.beginRow().append(visitor.key()).append(visitor.projectId()).append(visitor.visitorId())
                        .append(visitor.first().sessionId()).appendEpochMicros(visitor.first().startMicros())
                        .endRow();
            }
            appender.flush();
        }
    }

    /** Visitors that are stored already get their new first session; the writer's stage tables must exist. */
    static void update(DuckDBConnection connection, Collection<Visitor> visitors) throws SQLException {
        if (visitors.isEmpty()) {
            return;
        }
        try (DuckDBAppender appender = StageTables.appender(connection, StageTables.VISITORS)) {
            for (Visitor visitor : visitors) {
                appender.beginRow().append(visitor.key()).append(visitor.projectId()).append(visitor.visitorId())
                        .append(visitor.first().sessionId()).appendEpochMicros(visitor.first().startMicros())
                        .endRow();
            }
            appender.flush();
        }
        Statements.execute(connection, UPDATE);
    }
}
