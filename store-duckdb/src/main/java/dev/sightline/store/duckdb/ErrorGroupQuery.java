package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.ErrorGroup;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * JavaScript errors grouped by message and source location, straight from the {@code errors} fact
 * table (so the view is complete even before analysis ran), with the most recent sessions of each.
 */
final class ErrorGroupQuery {

    static final int RECORDINGS_PER_GROUP = 5;

    private static final String GROUPS = """
            WITH e AS (
                SELECT message, source, line, col, session_id, ts FROM errors
                WHERE project_id = ? AND ts >= make_timestamp(?::BIGINT) AND ts < make_timestamp(?::BIGINT)
                  AND session_id NOT IN (SELECT session_id FROM sessions WHERE project_id = ? AND bot)),
            top AS (
                SELECT message, source, line, col, count(*) AS occurrences, count(DISTINCT session_id) AS sessions,
                       epoch_us(min(ts)) AS first_seen, epoch_us(max(ts)) AS last_seen
                FROM e GROUP BY message, source, line, col
                ORDER BY occurrences DESC, message, source, line, col LIMIT ?),
            firsts AS (
                SELECT e.message, e.source, e.line, e.col, e.session_id, min(e.ts) AS first_ts
                FROM e JOIN top USING (message, source, line, col)
                GROUP BY e.message, e.source, e.line, e.col, e.session_id
                QUALIFY row_number() OVER (PARTITION BY e.message, e.source, e.line, e.col
                                           ORDER BY first_ts DESC, e.session_id) <= %d)
            SELECT t.message, t.source, t.line, t.col, t.occurrences, t.sessions, t.first_seen, t.last_seen,
                   f.session_id, epoch_us(f.first_ts), epoch_us(s.started_at)
            FROM top t
            LEFT JOIN firsts f USING (message, source, line, col)
            LEFT JOIN sessions s ON s.project_id = ? AND s.session_id = f.session_id
            ORDER BY t.occurrences DESC, t.message, t.source, t.line, t.col, f.first_ts DESC""".formatted(RECORDINGS_PER_GROUP);

    private record Key(String message, String source, int line, int column) {
    }

    private ErrorGroupQuery() {
    }

    static List<ErrorGroup> run(DuckDBConnection connection, String projectId, Instant from, Instant to, int limit)
            throws SQLException {
        Map<Key, ErrorGroup> groups = new LinkedHashMap<>();
        Map<Key, List<ErrorGroup.Recording>> recordings = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(GROUPS)) {
            select.setString(1, projectId);
            select.setLong(2, Micros.of(from));
            select.setLong(3, Micros.of(to));
            select.setString(4, projectId);
            select.setInt(5, limit);
            select.setString(6, projectId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Key key = new Key(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4));
                    if (!groups.containsKey(key)) {
                        groups.put(key, new ErrorGroup(key.message(), key.source(), key.line(), key.column(),
                                rows.getLong(5), rows.getLong(6), Micros.toInstant(rows.getLong(7)),
                                Micros.toInstant(rows.getLong(8)), List.of()));
                        recordings.put(key, new ArrayList<>());
                    }
                    String sessionId = rows.getString(9);
                    long sessionStart = rows.getLong(11);
                    if (sessionId != null && !rows.wasNull()) {
                        recordings.get(key).add(new ErrorGroup.Recording(sessionId, Micros.toInstant(sessionStart),
                                Micros.toInstant(rows.getLong(10))));
                    }
                }
            }
        }
        List<ErrorGroup> result = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> result.add(new ErrorGroup(group.message(), group.source(), group.line(),
                group.column(), group.occurrences(), group.sessions(), group.firstSeen(), group.lastSeen(),
                recordings.get(key))));
        return result;
    }
}
