package dev.sightline.bench.queries;

import dev.sightline.bench.report.Target;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The queries the bench times, in table order. A feature's query class is timed by a {@link
 * QueryCase.StoreCase} that calls it through the store (as the heatmap rows do); a stand-in is plain
 * SQL for a query class still being built, to be deleted when its store case replaces it.
 */
final class QueryCases {
    static final Target HEATMAP_TARGET = Target.below(1000, "< 1 s");
    static final Target DASHBOARD_TARGET = Target.below(1000, "< 1 s");

    private QueryCases() {
    }

    static List<QueryCase> storeCases() {
        return List.of(
                new QueryCase.StoreCase("recordings list, newest first, 30 days (EventStore.sessions)", Target.none(),
                        (store, data) -> store.sessions(month(data, SessionSort.START_TIME, 0)).sessions()),
                new QueryCase.StoreCase("recordings list, longest first, 30 days", Target.none(),
                        (store, data) -> store.sessions(month(data, SessionSort.DURATION, 0)).sessions()),
                new QueryCase.StoreCase("recordings list, newest first, page 201 (offset 10,000)", Target.none(),
                        (store, data) -> store.sessions(month(data, SessionSort.START_TIME, 10_000)).sessions()),
                new QueryCase.StoreCase("recordings list, last 24 h, most clicks first", Target.none(),
                        (store, data) -> store.sessions(new SessionQuery(data.project(), data.end().minus(Duration.ofDays(1)),
                                data.end(), false, SessionSort.CLICKS, 50, 0)).sessions()),
                new QueryCase.StoreCase("session detail: pages, markers (EventStore.session)", Target.none(),
                        (store, data) -> store.session(data.project(), data.sessionId(data.sessions() / 2)).orElseThrow()),
                new QueryCase.StoreCase("session clicks (EventStore.clicks)", Target.none(),
                        (store, data) -> store.clicks(data.project(), data.sessionId(data.sessions() / 2))),
                new QueryCase.StoreCase("click heatmap: home page, desktop, 30 days (HeatmapQueries.points)", HEATMAP_TARGET,
                        (store, data) -> store.heatmaps().points(homeOnDesktop(data), HeatmapLayer.CLICKS)),
                new QueryCase.StoreCase("scroll map: home page, desktop, 30 days (HeatmapQueries.scroll)", Target.none(),
                        (store, data) -> store.heatmaps().scroll(homeOnDesktop(data))));
    }

    static List<QueryCase> standIns() {
        return List.of(
                new QueryCase.SqlStandIn("dashboard: 30 days of sessions, daily series + device/channel/country/page "
                        + "tiles [stand-in SQL]", DASHBOARD_TARGET, QueryCases::dashboard),
                new QueryCase.SqlStandIn("recordings list filtered: phone, DE, >= 3 pages, newest first [stand-in SQL]",
                        Target.none(), (connection, data) -> count(connection, """
                        SELECT session_id FROM sessions
                        WHERE project_id = ? AND device_class = 'MOBILE' AND country = 'DE' AND pages >= 3 AND NOT bot
                          AND started_at BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)
                        ORDER BY started_at DESC LIMIT 50""", data)));
    }

    private static HeatmapQuery homeOnDesktop(QueryData data) {
        return new HeatmapQuery(data.project(), new PageScope.Page(QueryData.HOME), Optional.of(DeviceClass.DESKTOP),
                data.start(), data.end(), false);
    }

    private static SessionQuery month(QueryData data, SessionSort sort, int offset) {
        return new SessionQuery(data.project(), data.start(), data.end(), false, sort, 50, offset);
    }

    /** The dashboard's tiles, each one statement, as a page of the dashboard would issue them. */
    private static Object dashboard(Connection connection, QueryData data) throws Exception {
        long rows = count(connection, """
                SELECT date_trunc('day', started_at) AS day, count(*), count(DISTINCT visitor_id),
                       avg(epoch_ms(ended_at) - epoch_ms(started_at)), avg(pages), avg((pages = 1)::INT), sum(clicks)
                FROM sessions
                WHERE project_id = ? AND NOT bot
                  AND started_at BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)
                GROUP BY day ORDER BY day""", data);
        for (String dimension : List.of("device_class", "channel", "country")) {
            rows += count(connection, """
                    SELECT %s, count(*) FROM sessions
                    WHERE project_id = ? AND NOT bot
                      AND started_at BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)
                    GROUP BY ALL ORDER BY 2 DESC LIMIT 10""".formatted(dimension), data);
        }
        rows += count(connection, """
                SELECT page_key, count(*), avg(max_scroll_permille) FROM page_views
                WHERE project_id = ?
                  AND started_at BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)
                GROUP BY ALL ORDER BY 2 DESC LIMIT 10""", data);
        return rows;
    }

    /** Runs a statement bound to (project, window start, window end); returns its row count. */
    private static long count(Connection connection, String sql, QueryData data) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setString(i++, data.project());
            statement.setLong(i++, data.start().toEpochMilli() * 1000);
            statement.setLong(i, data.end().toEpochMilli() * 1000);
            long rows = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
