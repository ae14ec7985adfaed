package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.dashboard.BreakdownRow;
import dev.sightline.contract.dashboard.Dimension;
import dev.sightline.contract.dashboard.SessionFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** An export's rows: the filter's sessions grouped by up to three dimensions, by ClickHouse. */
final class BreakdownQuery {

    private BreakdownQuery() {
    }

    static List<BreakdownRow> run(ClickHouseDatabase database, SessionFilter filter, List<Dimension> dimensions,
                                  int limit) {
        String columns = IntStream.range(0, dimensions.size())
                .mapToObj(i -> column(dimensions.get(i)) + " AS dimension" + (i + 1)).collect(Collectors.joining(", "));
        String names = IntStream.rangeClosed(1, dimensions.size()).mapToObj(i -> "dimension" + i)
                .collect(Collectors.joining(", "));
        String source = "(" + DashboardFilter.sessions(filter) + ")";
        if (dimensions.contains(Dimension.URL)) {
            // A session counts under every page key it visited.
            source += " ALL INNER JOIN (SELECT DISTINCT session_id, view_key AS url_key FROM ("
                    + DashboardFilter.pageViews(filter) + ")) USING session_id";
        }
        List<BreakdownRow> rows = new ArrayList<>();
        for (JsonNode row : database.query("""
                SELECT %s, count() AS sessions, uniqExact(session_visitor) AS visitors, sum(page_count) AS page_views,
                       avg(duration_ms) AS avg_duration, avg(active_total) AS avg_active
                FROM %s
                GROUP BY %s
                ORDER BY sessions DESC, %s
                LIMIT %d""".formatted(columns, source, names, names, limit))) {
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= dimensions.size(); i++) {
                values.add(row.get("dimension" + i).asText());
            }
            rows.add(new BreakdownRow(values, row.get("sessions").asLong(), row.get("visitors").asLong(),
                    row.get("page_views").asLong(), row.get("avg_duration").asDouble(),
                    row.get("avg_active").asDouble()));
        }
        return rows;
    }

    private static String column(Dimension dimension) {
        return switch (dimension) {
            case DEVICE -> "first_device";
            case BROWSER -> "first_browser";
            case OS -> "first_os";
            case COUNTRY -> "first_country";
            case CHANNEL -> "landing_channel";
            case SOURCE -> "landing_utm_source";
            case MEDIUM -> "landing_utm_medium";
            case CAMPAIGN -> "landing_utm_campaign";
            case URL -> "url_key";
        };
    }
}
