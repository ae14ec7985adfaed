package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.InsightOverview;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/** Rates and hotspots of every insight among a project's sessions in a window, read in one snapshot. */
final class InsightOverviewQuery {

    private static final int HOTSPOTS = 5;

    private static final String SESSION_WINDOW = """
            s.project_id = ? AND NOT s.bot
            AND s.started_at >= make_timestamp(?::BIGINT) AND s.started_at < make_timestamp(?::BIGINT)""";

    /** All sessions, then per kind the sessions with it and its occurrences. */
    private static final String RATES = """
            SELECT count(*), %s
            FROM sessions s LEFT JOIN session_insights i ON i.session_key = s.session_key
            WHERE %s""".formatted(Arrays.stream(InsightKind.values())
            .map(k -> "count(*) FILTER (WHERE i.%1$s > 0), coalesce(sum(i.%1$s), 0)".formatted(InsightSchema.countColumn(k)))
            .collect(Collectors.joining(", ")), SESSION_WINDOW);

    /** Where each kind happened most, among the window's sessions. */
    private static final String HOTSPOTS_SQL = """
            SELECT kind, page_key, selector, count(*) AS events, count(DISTINCT session_id)
            FROM insight_events
            WHERE project_id = ? AND NOT bot AND ts >= make_timestamp(?::BIGINT)
              AND session_id IN (SELECT s.session_id FROM sessions s WHERE %s)
            GROUP BY kind, page_key, selector
            QUALIFY row_number() OVER (PARTITION BY kind ORDER BY count(*) DESC, page_key, selector) <= %d
            ORDER BY kind, events DESC, page_key, selector""".formatted(SESSION_WINDOW, HOTSPOTS);

    private InsightOverviewQuery() {
    }

    static InsightOverview run(DuckDBConnection connection, String projectId, Instant from, Instant to)
            throws SQLException {
        long sessions;
        long[] kindSessions = new long[InsightKind.values().length];
        long[] kindEvents = new long[InsightKind.values().length];
        try (PreparedStatement select = connection.prepareStatement(RATES)) {
            bindWindow(select, 1, projectId, from, to);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                sessions = rows.getLong(1);
                for (InsightKind kind : InsightKind.values()) {
                    kindSessions[kind.ordinal()] = rows.getLong(2 + 2 * kind.ordinal());
                    kindEvents[kind.ordinal()] = rows.getLong(3 + 2 * kind.ordinal());
                }
            }
        }
        Map<InsightKind, List<InsightOverview.Hotspot>> hotspots = new EnumMap<>(InsightKind.class);
        try (PreparedStatement select = connection.prepareStatement(HOTSPOTS_SQL)) {
            select.setString(1, projectId);
            // Events are never earlier than a day before their session started.
            select.setLong(2, Micros.of(from) - 86_400_000_000L);
            bindWindow(select, 3, projectId, from, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    hotspots.computeIfAbsent(InsightKind.valueOf(rows.getString(1)), k -> new ArrayList<>())
                            .add(new InsightOverview.Hotspot(rows.getString(2), rows.getString(3), rows.getLong(4),
                                    rows.getLong(5)));
                }
            }
        }
        List<InsightOverview.KindSummary> kinds = new ArrayList<>();
        for (InsightKind kind : InsightKind.values()) {
            kinds.add(new InsightOverview.KindSummary(kind, kindSessions[kind.ordinal()], kindEvents[kind.ordinal()],
                    hotspots.getOrDefault(kind, List.of())));
        }
        return new InsightOverview(sessions, kinds);
    }

    private static void bindWindow(PreparedStatement statement, int first, String projectId, Instant from, Instant to)
            throws SQLException {
        statement.setString(first, projectId);
        statement.setLong(first + 1, Micros.of(from));
        statement.setLong(first + 2, Micros.of(to));
    }
}
