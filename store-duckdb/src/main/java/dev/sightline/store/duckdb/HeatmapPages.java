package dev.sightline.store.duckdb;

import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageListQuery;
import dev.sightline.contract.heatmap.PageTraffic;
import dev.sightline.contract.heatmap.Traffic;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/** The heatmaps index (pages by traffic) and the traffic of one page or page group. */
final class HeatmapPages {

    /** Page views, sessions, average deepest scroll and the latest title, over page views. */
    private static final String TRAFFIC = "count(*), count(DISTINCT session_id), coalesce(avg(max_scroll_permille), 0),"
            + " coalesce(arg_max(title, started_at) FILTER (WHERE title <> ''), '')";

    private HeatmapPages() {
    }

    static List<PageTraffic> list(DuckDBConnection connection, PageListQuery query) throws SQLException {
        record Row(String pageKey, String url, String title, long views, long sessions, int scroll) {
        }
        HeatmapFilter.LeftOut leftOut = HeatmapFilter.sessionsLeftOut(connection, query.projectId(), query.from(),
                query.to(), query.includeBots());
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = new HeatmapSql()
                .add("SELECT page_key, arg_max(url, started_at), " + TRAFFIC + " FROM page_views")
                .add(HeatmapFilter.project(query.projectId(), "started_at", query.from(), query.to(), query.device(),
                        leftOut, query.keyContains(), query.sessions()))
                .add(" GROUP BY page_key ORDER BY count(*) DESC, page_key LIMIT ?", query.limit())
                .prepare(connection);
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getString(2), result.getString(6), result.getLong(3),
                        result.getLong(4), (int) Math.round(result.getDouble(5))));
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Long> clicks = new HashMap<>();
        try (PreparedStatement select = new HeatmapSql().add("SELECT page_key, count(*) FROM clicks")
                .add(HeatmapFilter.project(query.projectId(), "ts", query.from(), query.to(), query.device(),
                        leftOut, "", query.sessions()))
                .add(" AND page_key IN (SELECT unnest(?::VARCHAR[])) GROUP BY page_key",
                        (Object) rows.stream().map(Row::pageKey).toArray(String[]::new))
                .prepare(connection);
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                clicks.put(result.getString(1), result.getLong(2));
            }
        }
        return rows.stream().map(r -> new PageTraffic(r.pageKey(), r.url(),
                new Traffic(r.views(), r.sessions(), clicks.getOrDefault(r.pageKey(), 0L), r.scroll(), r.title()))).toList();
    }

    static Traffic traffic(DuckDBConnection connection, HeatmapQuery query) throws SQLException {
        HeatmapFilter.Resolved resolved = HeatmapFilter.resolve(connection, query);
        long views;
        long sessions;
        int scroll;
        String title;
        try (PreparedStatement select = new HeatmapSql().add("SELECT " + TRAFFIC + " FROM page_views")
                .add(HeatmapFilter.pageViews(query, resolved)).prepare(connection);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            views = rows.getLong(1);
            sessions = rows.getLong(2);
            scroll = (int) Math.round(rows.getDouble(3));
            title = rows.getString(4);
        }
        try (PreparedStatement select = new HeatmapSql().add("SELECT count(*) FROM clicks")
                .add(HeatmapFilter.facts(query, resolved)).prepare(connection);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return new Traffic(views, sessions, rows.getLong(1), scroll, title);
        }
    }
}
