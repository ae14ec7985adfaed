package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.InsightOverview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Rates and hotspots of every insight among a project's sessions that started in a window, bots left out. */
final class InsightOverviewQuery {

    private static final int HOTSPOTS = 5;

    private InsightOverviewQuery() {
    }

    /** The ids of the project's sessions that started in the window, bots left out. */
    static String sessionsStartedIn(String projectId, Instant from, Instant to) {
        return """
                SELECT session_id FROM session_summaries FINAL WHERE project_id = %s AND %s AND first_bot = 0"""
                .formatted(Sql.quote(projectId), SessionSummaries.startedIn(Sql.micros(from), Sql.micros(to)));
    }

    static InsightOverview run(ClickHouseDatabase database, String projectId, Instant from, Instant to) {
        String sessions = sessionsStartedIn(projectId, from, to);
        long all = database.query("SELECT count() AS sessions FROM (" + sessions + ")").get(0).get("sessions").asLong();
        String events = "SELECT * FROM insight_events WHERE project_id = " + Sql.quote(projectId) + " AND bot = 0 AND "
                + InsightVersions.latest(projectId, "source_page") + " AND session_id IN (" + sessions + ")";
        Map<InsightKind, long[]> totals = new EnumMap<>(InsightKind.class);
        for (JsonNode row : database.query("SELECT kind, uniqExact(session_id) AS sessions, count() AS events FROM ("
                + events + ") GROUP BY kind")) {
            totals.put(InsightKind.valueOf(row.get("kind").asText()),
                    new long[] {row.get("sessions").asLong(), row.get("events").asLong()});
        }
        Map<InsightKind, List<InsightOverview.Hotspot>> hotspots = new EnumMap<>(InsightKind.class);
        for (JsonNode row : database.query("""
                SELECT kind, page_key, selector, count() AS events, uniqExact(session_id) AS sessions FROM (%s)
                GROUP BY kind, page_key, selector
                ORDER BY kind, events DESC, page_key, selector
                LIMIT %d BY kind""".formatted(events, HOTSPOTS))) {
            hotspots.computeIfAbsent(InsightKind.valueOf(row.get("kind").asText()), k -> new ArrayList<>())
                    .add(new InsightOverview.Hotspot(row.get("page_key").asText(), row.get("selector").asText(),
                            row.get("events").asLong(), row.get("sessions").asLong()));
        }
        List<InsightOverview.KindSummary> kinds = new ArrayList<>();
        for (InsightKind kind : InsightKind.values()) {
            long[] total = totals.getOrDefault(kind, new long[2]);
            kinds.add(new InsightOverview.KindSummary(kind, total[0], total[1], hotspots.getOrDefault(kind, List.of())));
        }
        return new InsightOverview(all, kinds);
    }
}
