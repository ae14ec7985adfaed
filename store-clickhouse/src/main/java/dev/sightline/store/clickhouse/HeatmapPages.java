package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageListQuery;
import dev.sightline.contract.heatmap.PageTraffic;
import dev.sightline.contract.heatmap.Traffic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The heatmaps index (pages by traffic) and the traffic of one page or page group. */
final class HeatmapPages {

    /** Page views, sessions, average deepest scroll and the latest non-empty title, over page views. */
    private static final String TRAFFIC = "count() AS views, uniqExact(session_id) AS sessions,"
            + " if(count() = 0, 0, avg(view_scroll)) AS scroll,"
            + " argMaxIf(view_title, view_start, view_title != '') AS latest_title";

    private HeatmapPages() {
    }

    static List<PageTraffic> list(ClickHouseDatabase database, PageListQuery query) {
        List<JsonNode> rows = database.query("SELECT view_key, argMax(view_url, view_start) AS latest_url, " + TRAFFIC
                + " FROM (" + HeatmapFilter.pageViews(query.projectId(), query.from(), query.to(), query.device(),
                query.includeBots(), query.keyContains(), query.sessions())
                + ") GROUP BY view_key ORDER BY views DESC, view_key LIMIT " + query.limit());
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Long> clicks = new HashMap<>();
        for (JsonNode row : database.query("SELECT page_key, count() AS clicks FROM clicks WHERE "
                + HeatmapFilter.project(query.projectId(), "ts", query.from(), query.to(), query.device(),
                query.includeBots(), query.sessions())
                + " AND page_key IN " + Sql.list(rows.stream().map(r -> r.get("view_key").asText()).toList())
                + " GROUP BY page_key")) {
            clicks.put(row.get("page_key").asText(), row.get("clicks").asLong());
        }
        return rows.stream().map(row -> new PageTraffic(row.get("view_key").asText(), row.get("latest_url").asText(),
                traffic(row, clicks.getOrDefault(row.get("view_key").asText(), 0L)))).toList();
    }

    static Traffic traffic(ClickHouseDatabase database, HeatmapQuery query) {
        JsonNode views = database.query("SELECT " + TRAFFIC + " FROM (" + HeatmapFilter.pageViews(query) + ")").get(0);
        long clicks = database.query("SELECT count() AS clicks FROM clicks WHERE " + HeatmapFilter.facts(query))
                .get(0).get("clicks").asLong();
        return traffic(views, clicks);
    }

    private static Traffic traffic(JsonNode row, long clicks) {
        return new Traffic(row.get("views").asLong(), row.get("sessions").asLong(), clicks,
                (int) Math.round(row.get("scroll").asDouble()), row.get("latest_title").asText());
    }
}
