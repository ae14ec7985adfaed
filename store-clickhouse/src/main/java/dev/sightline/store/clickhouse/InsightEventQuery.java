package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.store.TimelineMarker;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One session's insight events, its timeline markers, per-session counts, and the conditions that select by them. */
final class InsightEventQuery {

    private InsightEventQuery() {
    }

    /** The session's current insight events, in time order. */
    static List<InsightEvent> events(ClickHouseDatabase database, String projectId, String sessionId) {
        return database.query("""
                        SELECT kind, page_number, ts, selector, page_key, value, detail, x, y, rel_x, rel_y
                        FROM insight_events
                        WHERE project_id = %s AND session_id = %s AND %s
                        ORDER BY ts, kind, page_number, selector""".formatted(Sql.quote(projectId),
                        Sql.quote(sessionId), InsightVersions.latest(projectId, "source_page")))
                .stream()
                .map(row -> new InsightEvent(InsightKind.valueOf(row.get("kind").asText()),
                        row.get("page_number").asInt(), Sql.instant(row.get("ts").asLong()),
                        row.get("selector").asText(), row.get("page_key").asText(), row.get("value").asInt(),
                        row.get("detail").asText(), row.get("x").asInt(), row.get("y").asInt(),
                        row.get("rel_x").asInt(), row.get("rel_y").asInt()))
                .toList();
    }

    /**
     * The session's insights as timeline markers. JavaScript errors are left out: the timeline has
     * them already as {@link TimelineMarker.Kind#ERROR}.
     */
    static List<TimelineMarker> markers(ClickHouseDatabase database, String projectId, String sessionId) {
        return events(database, projectId, sessionId).stream()
                .filter(event -> event.kind() != InsightKind.JS_ERROR)
                .map(event -> new TimelineMarker(TimelineMarker.Kind.valueOf(event.kind().name()), event.pageNumber(),
                        event.at(), event.detail()))
                .toList();
    }

    /** How many of each insight the sessions hold; sessions without any are left out. */
    static Map<String, Map<InsightKind, Integer>> counts(ClickHouseDatabase database, String projectId,
                                                         Collection<String> sessionIds) {
        Map<String, Map<InsightKind, Integer>> counts = new LinkedHashMap<>();
        if (sessionIds.isEmpty()) {
            return counts;
        }
        Map<String, Map<InsightKind, Integer>> building = new LinkedHashMap<>();
        for (JsonNode row : database.query("""
                SELECT session_id, kind, count() AS events FROM insight_events
                WHERE project_id = %s AND session_id IN %s AND %s
                GROUP BY session_id, kind""".formatted(Sql.quote(projectId), Sql.list(List.copyOf(sessionIds)),
                InsightVersions.latest(projectId, "source_page")))) {
            building.computeIfAbsent(row.get("session_id").asText(), s -> new EnumMap<>(InsightKind.class))
                    .put(InsightKind.valueOf(row.get("kind").asText()), row.get("events").asInt());
        }
        building.forEach((session, kinds) -> counts.put(session, Collections.unmodifiableMap(kinds)));
        return counts;
    }

    /** The recordings list's condition for "sessions with this insight" (after {@code AND}); empty for any session. */
    static String listCondition(String projectId, Optional<InsightKind> insight) {
        return insight.map(kind -> " AND session_id IN (SELECT session_id FROM insight_events WHERE project_id = "
                + Sql.quote(projectId) + " AND kind = " + Sql.quote(kind.name()) + " AND "
                + InsightVersions.latest(projectId, "source_page") + ")").orElse("");
    }

    /** A condition on {@code clicks}: the click is one that detection marked with this insight. */
    static String clickMarked(String projectId, InsightKind kind) {
        return "(session_id, page_number, ts, selector) IN (SELECT session_id, page_number, ts, selector"
                + " FROM insight_events WHERE project_id = " + Sql.quote(projectId) + " AND kind = "
                + Sql.quote(kind.name()) + " AND " + InsightVersions.latest(projectId, "source_page") + ")";
    }
}
