package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.store.PageViewSummary;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.SessionSummary;
import dev.sightline.contract.store.StoredClick;
import dev.sightline.contract.store.TimelineMarker;
import dev.sightline.contract.store.TimelineMarker.Kind;
import dev.sightline.contract.wire.WireLimits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One session with its pages, timeline markers and tags; and its clicks. */
final class SessionDetailQuery {

    /**
     * How far outside the session's span its events can lie: a page lives at most a day (the wire
     * limit). Event reads are bounded by it, so ClickHouse skips the other months' partitions.
     */
    private static final long EVENT_REACH_MICROS = WireLimits.MAX_PAGE_AGE_MS * 1_000L;

    /** Markers at the same instant are ordered by kind, then page, then label. */
    private static final Comparator<TimelineMarker> MARKER_ORDER = Comparator.comparing(TimelineMarker::at)
            .thenComparing(TimelineMarker::kind).thenComparingInt(TimelineMarker::pageNumber)
            .thenComparing(TimelineMarker::label);

    private SessionDetailQuery() {
    }

    /** The session's facts are filtered by project, session and this time span. */
    private record Span(String projectId, String sessionId, long fromMicros, long toMicros) {
        String events() {
            return "project_id = " + Sql.quote(projectId) + " AND session_id = " + Sql.quote(sessionId)
                    + " AND ts BETWEEN " + fromMicros + " AND " + toMicros;
        }

        String batches() {
            return "project_id = " + Sql.quote(projectId) + " AND session_id = " + Sql.quote(sessionId);
        }
    }

    private record Found(SessionSummary summary, Span span) {
    }

    static Optional<SessionDetail> run(ClickHouseDatabase database, String projectId, String sessionId) {
        return find(database, projectId, sessionId).map(found -> new SessionDetail(found.summary(),
                pages(database, found.span()), markers(database, found.span()), tags(database, found.span())));
    }

    static List<StoredClick> clicks(ClickHouseDatabase database, String projectId, String sessionId) {
        Optional<Found> found = find(database, projectId, sessionId);
        if (found.isEmpty()) {
            return List.of();
        }
        return database.query("""
                        SELECT page_number, ts, x, y, selector, rel_x, rel_y, tag, text, flags, width, height
                        FROM clicks FINAL WHERE %s
                        ORDER BY ts, page_number, sequence, event_index""".formatted(found.get().span().events()))
                .stream()
                .map(row -> new StoredClick(row.get("page_number").asInt(), Sql.instant(row.get("ts").asLong()),
                        row.get("x").asInt(), row.get("y").asInt(), row.get("selector").asText(),
                        row.get("rel_x").asInt(), row.get("rel_y").asInt(), row.get("tag").asText(),
                        row.get("text").asText(), row.get("flags").asInt(), row.get("width").asInt(),
                        row.get("height").asInt()))
                .toList();
    }

    private static Optional<Found> find(ClickHouseDatabase database, String projectId, String sessionId) {
        List<JsonNode> rows = database.query(SessionSummaries.matching(projectId,
                "session_id = " + Sql.quote(sessionId)));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        SessionSummary summary = SessionSummaries.read(rows.get(0));
        return Optional.of(new Found(summary, new Span(projectId, sessionId,
                Sql.micros(summary.startedAt()) - EVENT_REACH_MICROS,
                Sql.micros(summary.endedAt()) + EVENT_REACH_MICROS)));
    }

    private static List<PageViewSummary> pages(ClickHouseDatabase database, Span span) {
        return database.query("""
                        SELECT page_number,
                               argMin(url, sequence) AS first_url, argMin(page_key, sequence) AS first_page_key,
                               argMin(title, title_sequence) AS first_title,
                               argMin(page_referrer, referrer_sequence) AS first_referrer,
                               min(started_at) AS page_start, max(last_seen_at) AS page_last_seen,
                               sum(active_ms) AS active_total, max(max_scroll_permille) AS deepest_scroll,
                               argMin(viewport_w, sequence) AS first_viewport_w,
                               argMin(viewport_h, sequence) AS first_viewport_h,
                               max(document_height) AS tallest_document
                        FROM batches FINAL WHERE %s
                        GROUP BY page_number ORDER BY page_number""".formatted(span.batches()))
                .stream()
                .map(row -> new PageViewSummary(row.get("page_number").asInt(), row.get("first_url").asText(),
                        row.get("first_page_key").asText(), row.get("first_title").asText(),
                        row.get("first_referrer").asText(), Sql.instant(row.get("page_start").asLong()),
                        Sql.instant(row.get("page_last_seen").asLong()), row.get("active_total").asLong(),
                        row.get("deepest_scroll").asInt(), row.get("first_viewport_w").asInt(),
                        row.get("first_viewport_h").asInt(), row.get("tallest_document").asInt()))
                .toList();
    }

    private static List<TimelineMarker> markers(ClickHouseDatabase database, Span span) {
        List<TimelineMarker> markers = new ArrayList<>();
        add(markers, Kind.PAGE, database.query("""
                SELECT page_number, min(started_at) AS at, argMin(url, sequence) AS label
                FROM batches FINAL WHERE %s GROUP BY page_number""".formatted(span.batches())));
        add(markers, Kind.CLICK, database.query("""
                SELECT page_number, ts AS at, if(selector != '', selector, text) AS label
                FROM clicks FINAL WHERE %s""".formatted(span.events())));
        add(markers, Kind.ERROR, database.query("""
                SELECT page_number, ts AS at, message AS label FROM errors FINAL WHERE %s""".formatted(span.events())));
        add(markers, Kind.EVENT, database.query("""
                SELECT page_number, ts AS at, name AS label FROM custom_events FINAL WHERE %s"""
                .formatted(span.events())));
        markers.addAll(InsightEventQuery.markers(database, span.projectId(), span.sessionId()));
        markers.sort(MARKER_ORDER);
        return markers;
    }

    private static void add(List<TimelineMarker> markers, Kind kind, List<JsonNode> rows) {
        for (JsonNode row : rows) {
            markers.add(new TimelineMarker(kind, row.get("page_number").asInt(), Sql.instant(row.get("at").asLong()),
                    row.get("label").asText()));
        }
    }

    private static Map<String, String> tags(ClickHouseDatabase database, Span span) {
        Map<String, String> tags = new HashMap<>();
        for (JsonNode row : database.query("""
                SELECT tag_key AS tag_name, argMax(tag_value, ts) AS latest FROM tags FINAL WHERE %s
                GROUP BY tag_key""".formatted(span.events()))) {
            tags.put(row.get("tag_name").asText(), row.get("latest").asText());
        }
        return tags;
    }
}
