package dev.sightline.store.duckdb;

import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.ScrollMap;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * The scroll map from the page views' deepest scroll: DuckDB counts page views per depth (in
 * thousandths, at most 1001 groups), and the reach per percent is summed up from the deepest down.
 */
final class HeatmapScroll {

    private HeatmapScroll() {
    }

    static ScrollMap map(DuckDBConnection connection, HeatmapQuery query) throws SQLException {
        long[] reachingPermille = new long[1001];
        long views = 0;
        long viewportHeights = 0;
        long documentHeights = 0;
        try (PreparedStatement select = new HeatmapSql()
                .add("SELECT least(1000, greatest(0, max_scroll_permille)) AS depth, count(*), sum(viewport_h),"
                        + " sum(document_height) FROM page_views")
                .add(HeatmapFilter.pageViews(query, HeatmapFilter.resolve(connection, query)))
                .add(" AND document_height > 0 GROUP BY depth").prepare(connection);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                reachingPermille[rows.getInt(1)] += rows.getLong(2);
                views += rows.getLong(2);
                viewportHeights += rows.getLong(3);
                documentHeights += rows.getLong(4);
            }
        }
        List<Long> reached = new ArrayList<>(101);
        long atLeast = 0;
        int depth = 1000;
        long[] byPercent = new long[101];
        for (int percent = 100; percent >= 0; percent--) {
            while (depth >= percent * 10) {
                atLeast += reachingPermille[depth--];
            }
            byPercent[percent] = atLeast;
        }
        for (long count : byPercent) {
            reached.add(count);
        }
        return new ScrollMap(views, reached, views == 0 ? 0 : (int) (viewportHeights / views),
                views == 0 ? 0 : (int) (documentHeights / views));
    }
}
