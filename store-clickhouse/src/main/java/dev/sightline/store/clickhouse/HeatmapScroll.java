package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.ScrollMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The scroll map from the page views' deepest scroll: ClickHouse counts page views per depth (in
 * thousandths, at most 1001 groups), and the reach per percent is summed up from the deepest down.
 */
final class HeatmapScroll {

    private HeatmapScroll() {
    }

    static ScrollMap map(ClickHouseDatabase database, HeatmapQuery query) {
        long[] reachingPermille = new long[1001];
        long views = 0;
        long viewportHeights = 0;
        long documentHeights = 0;
        for (JsonNode row : database.query("""
                SELECT least(1000, greatest(0, view_scroll)) AS depth, count() AS views,
                       sum(view_viewport_h) AS viewport_heights, sum(view_document_height) AS document_heights
                FROM (%s) WHERE view_document_height > 0 GROUP BY depth""".formatted(HeatmapFilter.pageViews(query)))) {
            long count = row.get("views").asLong();
            reachingPermille[row.get("depth").asInt()] += count;
            views += count;
            viewportHeights += row.get("viewport_heights").asLong();
            documentHeights += row.get("document_heights").asLong();
        }
        long[] byPercent = new long[101];
        long atLeast = 0;
        int depth = 1000;
        for (int percent = 100; percent >= 0; percent--) {
            while (depth >= percent * 10) {
                atLeast += reachingPermille[depth--];
            }
            byPercent[percent] = atLeast;
        }
        List<Long> reached = new ArrayList<>(101);
        for (long count : byPercent) {
            reached.add(count);
        }
        return new ScrollMap(views, reached, views == 0 ? 0 : (int) (viewportHeights / views),
                views == 0 ? 0 : (int) (documentHeights / views));
    }
}
