package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.store.TimelineMarker;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/** One session's insight events, its timeline markers, and per-session counts. */
final class InsightEventQuery {

    /** An event is never further than a day from its session's span (a page lives at most a day). */
    private static final long REACH_MICROS = 86_400_000_000L;

    private static final String SPAN = "SELECT epoch_us(started_at), epoch_us(ended_at) FROM sessions WHERE session_key = ?";

    private static final String EVENTS = """
            SELECT kind, page_number, epoch_us(ts), selector, page_key, value, detail, x, y, rel_x, rel_y
            FROM insight_events
            WHERE project_id = ? AND session_id = ?
              AND ts BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)
            ORDER BY ts, kind, page_number, selector""";

    private static final String COUNTS = "SELECT session_id, " + Arrays.stream(InsightKind.values())
            .map(InsightSchema::countColumn).collect(Collectors.joining(", "))
            + " FROM session_insights WHERE session_key IN (%s)";

    private InsightEventQuery() {
    }

    static List<InsightEvent> events(DuckDBConnection connection, String projectId, String sessionId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SPAN)) {
            select.setString(1, Keys.session(projectId, sessionId));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return List.of();
                }
                return events(connection, projectId, sessionId, rows.getLong(1) - REACH_MICROS,
                        rows.getLong(2) + REACH_MICROS);
            }
        }
    }

    /** The session's events between two times (epoch microseconds), in time order. */
    static List<InsightEvent> events(DuckDBConnection connection, String projectId, String sessionId, long fromMicros,
                                     long toMicros) throws SQLException {
        List<InsightEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(EVENTS)) {
            select.setString(1, projectId);
            select.setString(2, sessionId);
            select.setLong(3, fromMicros);
            select.setLong(4, toMicros);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new InsightEvent(InsightKind.valueOf(rows.getString(1)), rows.getInt(2),
                            Micros.toInstant(rows.getLong(3)), rows.getString(4), rows.getString(5), rows.getInt(6),
                            rows.getString(7), rows.getInt(8), rows.getInt(9), rows.getInt(10), rows.getInt(11)));
                }
            }
        }
        return events;
    }

    /**
     * The session's insights as timeline markers. JavaScript errors are left out: the timeline has
     * them already as {@link TimelineMarker.Kind#ERROR}.
     */
    static List<TimelineMarker> markers(DuckDBConnection connection, String projectId, String sessionId,
                                        long fromMicros, long toMicros) throws SQLException {
        List<TimelineMarker> markers = new ArrayList<>();
        for (InsightEvent event : events(connection, projectId, sessionId, fromMicros, toMicros)) {
            if (event.kind() != InsightKind.JS_ERROR) {
                markers.add(new TimelineMarker(TimelineMarker.Kind.valueOf(event.kind().name()), event.pageNumber(),
                        event.at(), event.detail()));
            }
        }
        return markers;
    }

    static Map<String, Map<InsightKind, Integer>> counts(DuckDBConnection connection, String projectId,
                                                         Collection<String> sessionIds) throws SQLException {
        Map<String, Map<InsightKind, Integer>> counts = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) {
            return counts;
        }
        List<String> keys = sessionIds.stream().distinct().map(id -> Keys.session(projectId, id)).toList();
        try (PreparedStatement select = connection.prepareStatement(
                COUNTS.formatted(InsightActivityQuery.placeholders(keys.size())))) {
            InsightActivityQuery.bindStrings(select, 1, keys);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Map<InsightKind, Integer> session = new EnumMap<>(InsightKind.class);
                    for (InsightKind kind : InsightKind.values()) {
                        int count = rows.getInt(2 + kind.ordinal());
                        if (count > 0) {
                            session.put(kind, count);
                        }
                    }
                    if (!session.isEmpty()) {
                        counts.put(rows.getString(1), Collections.unmodifiableMap(session));
                    }
                }
            }
        }
        return counts;
    }

    /** The recordings list's condition for "sessions with this insight"; empty for any session. */
    static String listCondition(Optional<InsightKind> insight) {
        return insight.map(kind -> " AND session_key IN (SELECT session_key FROM session_insights WHERE "
                + InsightSchema.countColumn(kind) + " > 0)").orElse("");
    }
}
