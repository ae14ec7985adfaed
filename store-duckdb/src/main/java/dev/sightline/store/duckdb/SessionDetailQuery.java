package dev.sightline.store.duckdb;

import dev.sightline.contract.store.PageViewSummary;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.SessionSummary;
import dev.sightline.contract.store.StoredClick;
import dev.sightline.contract.store.TimelineMarker;
import dev.sightline.contract.wire.WireLimits;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/** One session with its pages, timeline markers and tags, read in one snapshot. */
final class SessionDetailQuery {

    /**
     * How far outside the session's span its events can lie: a page lives at most a day (the wire
     * limit), so an event is never further than that from the session's start and end.
     */
    private static final long EVENT_REACH_MICROS = WireLimits.MAX_PAGE_AGE_MS * 1_000L;

    /** By the single-column key, which DuckDB finds through its index. */
    private static final String SESSION = "SELECT " + SessionSummaries.COLUMNS
            + ", epoch_us(first_received_at) FROM sessions WHERE session_key = ?";

    /**
     * After project and session, every part of the statements below is bounded by where the session's
     * rows can be, so DuckDB's zone maps skip the row groups of other days: page views by the session's
     * first receipt (one parameter), events by {@link #EVENT_TIMES} (two).
     */
    private static final String EVENT_TIMES = "ts BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)";

    private static final String PAGES = """
            SELECT page_number, url, page_key, title, referrer, epoch_us(started_at), epoch_us(last_seen_at),
                   active_ms, max_scroll_permille, viewport_w, viewport_h, document_height
            FROM page_views
            WHERE project_id = ? AND session_id = ? AND first_received_at >= make_timestamp(?::BIGINT)
            ORDER BY page_number""";

    /** Kinds are numbered in {@link TimelineMarker.Kind} order, which also orders markers at the same instant. */
    private static final String MARKERS = """
            SELECT 0 AS marker_kind, page_number, epoch_us(started_at) AS marker_at, url AS label
            FROM page_views
            WHERE project_id = ? AND session_id = ? AND first_received_at >= make_timestamp(?::BIGINT)
            UNION ALL
            SELECT 1, page_number, epoch_us(ts), CASE WHEN selector <> '' THEN selector ELSE text END
            FROM clicks WHERE project_id = ? AND session_id = ? AND %1$s
            UNION ALL
            SELECT 2, page_number, epoch_us(ts), message FROM errors WHERE project_id = ? AND session_id = ? AND %1$s
            UNION ALL
            SELECT 3, page_number, epoch_us(ts), name FROM custom_events
            WHERE project_id = ? AND session_id = ? AND %1$s
            ORDER BY marker_at, marker_kind, page_number, label""".formatted(EVENT_TIMES);

    private static final String CLICKS = """
            SELECT page_number, epoch_us(ts), x, y, selector, rel_x, rel_y, tag, text, flags, width, height
            FROM clicks WHERE project_id = ? AND session_id = ? AND %s
            ORDER BY ts, page_number""".formatted(EVENT_TIMES);

    private static final String TAGS = """
            SELECT tag_key, arg_max(tag_value, ts) FROM tags WHERE project_id = ? AND session_id = ? AND %s
            GROUP BY tag_key""".formatted(EVENT_TIMES);

    /** Where the session's rows can be, as bound after project and session. */
    private record Span(long firstReceivedMicros, long fromMicros, long toMicros) {
    }

    private static final TimelineMarker.Kind[] KINDS = TimelineMarker.Kind.values();

    /** The order of {@link #MARKERS}, kept when the insight markers join them. */
    private static final java.util.Comparator<TimelineMarker> MARKER_ORDER = java.util.Comparator
            .comparing(TimelineMarker::at).thenComparing(TimelineMarker::kind)
            .thenComparingInt(TimelineMarker::pageNumber).thenComparing(TimelineMarker::label);

    private SessionDetailQuery() {
    }

    private record Found(SessionSummary summary, Span span) {
    }

    static Optional<SessionDetail> run(DuckDBConnection connection, String projectId, String sessionId)
            throws SQLException {
        Optional<Found> found = find(connection, projectId, sessionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Span span = found.get().span();
        return Optional.of(new SessionDetail(found.get().summary(), pages(connection, projectId, sessionId, span),
                markers(connection, projectId, sessionId, span), tags(connection, projectId, sessionId, span)));
    }

    /** The session's clicks in time order; empty when the session does not exist. */
    static List<StoredClick> clicks(DuckDBConnection connection, String projectId, String sessionId)
            throws SQLException {
        Optional<Found> found = find(connection, projectId, sessionId);
        if (found.isEmpty()) {
            return List.of();
        }
        List<StoredClick> clicks = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, CLICKS, projectId, sessionId, found.get().span());
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                clicks.add(new StoredClick(rows.getInt(1), Micros.toInstant(rows.getLong(2)), rows.getInt(3),
                        rows.getInt(4), rows.getString(5), rows.getInt(6), rows.getInt(7), rows.getString(8),
                        rows.getString(9), rows.getInt(10), rows.getInt(11), rows.getInt(12)));
            }
        }
        return clicks;
    }

    private static Optional<Found> find(DuckDBConnection connection, String projectId, String sessionId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SESSION)) {
            select.setString(1, Keys.session(projectId, sessionId));
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                SessionSummary summary = SessionSummaries.read(rows);
                return Optional.of(new Found(summary, new Span(rows.getLong(SessionSummaries.COLUMN_COUNT + 1),
                        Micros.of(summary.startedAt()) - EVENT_REACH_MICROS,
                        Micros.of(summary.endedAt()) + EVENT_REACH_MICROS)));
            }
        }
    }

    private static List<PageViewSummary> pages(DuckDBConnection connection, String projectId,
                                                String sessionId, Span span) throws SQLException {
        List<PageViewSummary> pages = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, PAGES, projectId, sessionId, span);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                pages.add(new PageViewSummary(rows.getInt(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5), Micros.toInstant(rows.getLong(6)),
                        Micros.toInstant(rows.getLong(7)), rows.getLong(8), rows.getInt(9), rows.getInt(10),
                        rows.getInt(11), rows.getInt(12)));
            }
        }
        return pages;
    }

    private static List<TimelineMarker> markers(DuckDBConnection connection, String projectId,
                                                String sessionId, Span span) throws SQLException {
        List<TimelineMarker> markers = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, MARKERS, projectId, sessionId, span);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                markers.add(new TimelineMarker(KINDS[rows.getInt(1)], rows.getInt(2),
                        Micros.toInstant(rows.getLong(3)), rows.getString(4)));
            }
        }
        markers.addAll(InsightEventQuery.markers(connection, projectId, sessionId, span.fromMicros(), span.toMicros()));
        markers.sort(MARKER_ORDER);
        return markers;
    }

    private static Map<String, String> tags(DuckDBConnection connection, String projectId,
                                                String sessionId, Span span) throws SQLException {
        Map<String, String> tags = new HashMap<>();
        try (PreparedStatement select = prepare(connection, TAGS, projectId, sessionId, span);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tags.put(rows.getString(1), rows.getString(2));
            }
        }
        return tags;
    }

    /**
     * Prepares a statement made of parts that each filter by project, session and then either
     * {@code first_received_at} (one parameter) or {@link #EVENT_TIMES} (two), and binds them all.
     */
    private static PreparedStatement prepare(DuckDBConnection connection, String sql, String projectId,
                                             String sessionId, Span span) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            int parameters = statement.getParameterMetaData().getParameterCount();
            int next = 1;
            for (String part : sql.split("UNION ALL")) {
                statement.setString(next++, projectId);
                statement.setString(next++, sessionId);
                if (part.contains("first_received_at")) {
                    statement.setLong(next++, span.firstReceivedMicros());
                } else {
                    statement.setLong(next++, span.fromMicros());
                    statement.setLong(next++, span.toMicros());
                }
            }
            if (next != parameters + 1) {
                throw new IllegalStateException("bound " + (next - 1) + " of " + parameters + " parameters");
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
