package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.PendingPageView;
import dev.sightline.contract.insights.ScrollNorm;
import dev.sightline.contract.insights.VisitedPage;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.FieldInteraction;
import dev.sightline.contract.wire.FormSubmit;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.ScriptError;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.contract.wire.Visibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the detectors need for a set of page views: one statement per table for all of them
 * (bounded by project, sessions and time), distributed to the page views in Java. These are the
 * detectors' inputs, so they are rows, not aggregates. Event times become milliseconds since their
 * page view's start.
 */
final class InsightActivityQuery {

    /** A page view's events lie between its start and its last sign of life; a minute of slack either side. */
    private static final long SLACK_MICROS = 60_000_000L;

    private record PageRow(int pageNumber, String url, String pageKey, DeviceClass deviceClass, long startMicros,
                           long lastSeenMicros, boolean ended, int viewportHeight) {
    }

    private record PageId(String sessionId, int pageNumber) {
    }

    /** The facts gathered for one page view. */
    private static final class Gathered {
        final PendingPageView pending;
        final PageRow row;
        final List<PageRow> earlier;
        final PageRow next;
        final List<Click> clicks = new ArrayList<>();
        final List<Scroll> scrolls = new ArrayList<>();
        final List<ScriptError> errors = new ArrayList<>();
        final List<FieldInteraction> fields = new ArrayList<>();
        final List<FormSubmit> submits = new ArrayList<>();
        final List<Request> requests = new ArrayList<>();
        final List<Visibility> visibility = new ArrayList<>();
        final List<PageChangeRun> changes = new ArrayList<>();

        Gathered(PendingPageView pending, PageRow row, List<PageRow> earlier, PageRow next) {
            this.pending = pending;
            this.row = row;
            this.earlier = earlier;
            this.next = next;
        }
    }

    /** A fact row of a wanted page view, with its time relative to the page view's start. */
    private interface FactReader {
        void read(PageId page, long t, JsonNode row);
    }

    private InsightActivityQuery() {
    }

    static List<PageActivity> read(ClickHouseDatabase database, List<PendingPageView> pages, Duration normWindow) {
        Map<String, List<PendingPageView>> byProject = new LinkedHashMap<>();
        for (PendingPageView page : pages) {
            byProject.computeIfAbsent(page.projectId(), p -> new ArrayList<>()).add(page);
        }
        Map<PendingPageView, PageActivity> found = new HashMap<>();
        byProject.forEach((projectId, ofProject) -> readProject(database, projectId, ofProject, normWindow, found));
        List<PageActivity> result = new ArrayList<>();
        for (PendingPageView page : pages) {
            PageActivity activity = found.get(page);
            if (activity != null) {
                result.add(activity);
            }
        }
        return result;
    }

    private static void readProject(ClickHouseDatabase database, String projectId, List<PendingPageView> pages,
                                    Duration normWindow, Map<PendingPageView, PageActivity> found) {
        List<String> sessionIds = List.copyOf(new LinkedHashSet<>(pages.stream().map(PendingPageView::sessionId).toList()));
        String sessions = "project_id = " + Sql.quote(projectId) + " AND session_id IN " + Sql.list(sessionIds);
        Map<String, Map<Integer, PageRow>> rows = pageRows(database, sessions);
        Map<String, Boolean> bots = new HashMap<>();
        for (JsonNode row : database.query("SELECT session_id, argMin(bot, batch_order) AS session_bot FROM batches"
                + " FINAL WHERE " + sessions + " GROUP BY session_id")) {
            bots.put(row.get("session_id").asText(), row.get("session_bot").asInt() == 1);
        }

        Map<PageId, Gathered> gathered = new LinkedHashMap<>();
        Map<PageId, Click[]> lastClicks = new HashMap<>();
        long from = Long.MAX_VALUE;
        long earliest = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (PendingPageView pending : pages) {
            Map<Integer, PageRow> session = rows.getOrDefault(pending.sessionId(), Map.of());
            PageRow row = session.get(pending.pageNumber());
            if (row == null) {
                continue;
            }
            List<PageRow> earlier = new ArrayList<>(2);
            for (int back = 1; back <= 2; back++) {
                PageRow previous = session.get(pending.pageNumber() - back);
                if (previous == null) {
                    break;
                }
                earlier.add(previous);
                lastClicks.put(new PageId(pending.sessionId(), previous.pageNumber()), new Click[1]);
                earliest = Math.min(earliest, previous.startMicros());
            }
            PageId id = new PageId(pending.sessionId(), pending.pageNumber());
            gathered.put(id, new Gathered(pending, row, earlier, session.get(pending.pageNumber() + 1)));
            lastClicks.put(id, new Click[1]);
            from = Math.min(from, row.startMicros());
            to = Math.max(to, row.lastSeenMicros());
        }
        if (gathered.isEmpty()) {
            return;
        }
        from -= SLACK_MICROS;
        to += SLACK_MICROS;
        earliest = Math.min(earliest - SLACK_MICROS, from);

        Map<PageId, PageRow> allRows = new HashMap<>();
        rows.forEach((session, ofSession) -> ofSession.forEach((number, row) -> allRows.put(new PageId(session, number), row)));
        Map<PageId, PageRow> pendingRows = new HashMap<>();
        gathered.forEach((id, g) -> pendingRows.put(id, g.row));

        facts(database, "clicks", "x, y, selector, rel_x, rel_y, tag, text, flags, width, height", sessions, earliest,
                to, allRows, (page, t, r) -> {
                    Click click = new Click(t, r.get("x").asInt(), r.get("y").asInt(), r.get("selector").asText(),
                            r.get("rel_x").asInt(), r.get("rel_y").asInt(), r.get("tag").asText(),
                            r.get("text").asText(), r.get("flags").asInt(), r.get("width").asInt(),
                            r.get("height").asInt());
                    Click[] last = lastClicks.get(page);
                    if (last != null) {
                        last[0] = click;
                    }
                    Gathered g = gathered.get(page);
                    if (g != null) {
                        g.clicks.add(click);
                    }
                });
        facts(database, "scrolls", "x, y, document_height, viewport_height", sessions, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).scrolls.add(new Scroll(t, r.get("x").asInt(), r.get("y").asInt(),
                        r.get("document_height").asInt(), r.get("viewport_height").asInt())));
        facts(database, "errors", "message, source, line, col, kind", sessions, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).errors.add(new ScriptError(t, r.get("message").asText(),
                        r.get("source").asText(), r.get("line").asInt(), r.get("col").asInt(), r.get("kind").asInt())));
        facts(database, "fields", "action, selector, form, field_type", sessions, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).fields.add(new FieldInteraction(t, r.get("action").asInt(),
                        r.get("selector").asText(), r.get("form").asText(), r.get("field_type").asText())));
        facts(database, "form_submits", "form", sessions, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).submits.add(new FormSubmit(t, r.get("form").asText())));
        facts(database, "requests", "1 AS request", sessions, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).requests.add(new Request(t)));
        facts(database, "visibility", "visible", sessions, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).visibility.add(new Visibility(t, r.get("visible").asInt())));
        facts(database, "page_changes", "end_ts, changes", sessions, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).changes.add(new PageChangeRun(t,
                        Math.max(t, Math.floorDiv(r.get("end_ts").asLong() - pendingRows.get(page).startMicros(), 1_000L)),
                        r.get("changes").asInt())));

        Map<String, ScrollNorm> norms = norms(database, projectId, gathered.values(), normWindow);
        for (Map.Entry<PageId, Gathered> entry : gathered.entrySet()) {
            Gathered g = entry.getValue();
            String sessionId = entry.getKey().sessionId();
            List<VisitedPage> earlier = g.earlier.stream()
                    .map(row -> visited(row, lastClicks.get(new PageId(sessionId, row.pageNumber()))[0])).toList();
            found.put(g.pending, new PageActivity(g.pending, visited(g.row, lastClicks.get(entry.getKey())[0]),
                    g.row.deviceClass(), bots.getOrDefault(sessionId, false), earlier,
                    Optional.ofNullable(g.next).map(row -> visited(row, null)), g.clicks, g.scrolls, g.errors,
                    g.fields, g.submits, g.requests, g.visibility, g.changes,
                    norms.getOrDefault(normKey(g.row.pageKey(), g.row.deviceClass()), ScrollNorm.NONE)));
        }
    }

    private static VisitedPage visited(PageRow row, Click lastClick) {
        return new VisitedPage(row.pageNumber(), row.url(), row.pageKey(), Sql.instant(row.startMicros()),
                Sql.instant(row.lastSeenMicros()), row.ended(), row.viewportHeight(), Optional.ofNullable(lastClick));
    }

    /** The sessions' page views, merged from their batch rows like the session detail merges them. */
    private static Map<String, Map<Integer, PageRow>> pageRows(ClickHouseDatabase database, String sessions) {
        Map<String, Map<Integer, PageRow>> rows = new HashMap<>();
        for (JsonNode r : database.query("""
                SELECT session_id, page_number, argMin(url, sequence) AS first_url,
                       argMin(page_key, sequence) AS first_page_key,
                       toString(argMin(device_class, sequence)) AS first_device, min(started_at) AS page_start,
                       max(last_seen_at) AS page_last_seen, max(ended) AS page_ended,
                       argMin(viewport_h, sequence) AS first_viewport_h
                FROM batches FINAL WHERE %s
                GROUP BY session_id, page_number""".formatted(sessions))) {
            int pageNumber = r.get("page_number").asInt();
            rows.computeIfAbsent(r.get("session_id").asText(), s -> new HashMap<>()).put(pageNumber,
                    new PageRow(pageNumber, r.get("first_url").asText(), r.get("first_page_key").asText(),
                            DeviceClass.valueOf(r.get("first_device").asText()), r.get("page_start").asLong(),
                            r.get("page_last_seen").asLong(), r.get("page_ended").asInt() == 1,
                            r.get("first_viewport_h").asInt()));
        }
        return rows;
    }

    /** Reads one table for the sessions in {@code [from, to]} and hands each row of a wanted page view to the reader. */
    private static void facts(ClickHouseDatabase database, String table, String columns, String sessions, long from,
                              long to, Map<PageId, PageRow> wanted, FactReader reader) {
        for (JsonNode row : database.query("""
                SELECT session_id, page_number, ts, %s FROM %s FINAL
                WHERE %s AND ts BETWEEN %d AND %d
                ORDER BY session_id, page_number, ts, sequence""".formatted(columns, table, sessions, from, to))) {
            PageId page = new PageId(row.get("session_id").asText(), row.get("page_number").asInt());
            PageRow pageRow = wanted.get(page);
            if (pageRow != null) {
                reader.read(page, Math.floorDiv(row.get("ts").asLong() - pageRow.startMicros(), 1_000L), row);
            }
        }
    }

    /**
     * The median scroll reversals of the analysed page views of the same page key and device class, in
     * the window before, bots and the page views being analysed left out. The median of an even count
     * is the mean of the two middle values.
     */
    private static Map<String, ScrollNorm> norms(ClickHouseDatabase database, String projectId,
                                                 Collection<Gathered> pages, Duration window) {
        Set<String> pageKeys = new LinkedHashSet<>();
        List<String> own = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (Gathered g : pages) {
            pageKeys.add(g.row.pageKey());
            own.add("(" + Sql.quote(g.pending.sessionId()) + ", " + g.pending.pageNumber() + ")");
            earliest = Math.min(earliest, g.row.startMicros());
            latest = Math.max(latest, g.row.startMicros());
        }
        Map<String, ScrollNorm> norms = new HashMap<>();
        for (JsonNode row : database.query("""
                SELECT page_key, toString(device_class) AS device, count() AS views,
                       arraySort(groupArray(scroll_reversals)) AS sorted,
                       (sorted[intDiv(views + 1, 2)] + sorted[intDiv(views, 2) + 1]) / 2 AS median_reversals
                FROM insight_page_views FINAL
                WHERE project_id = %s AND bot = 0 AND started_at >= %d AND started_at < %d
                  AND page_key IN %s AND (session_id, page_number) NOT IN (%s)
                GROUP BY page_key, device_class""".formatted(Sql.quote(projectId),
                earliest - window.toNanos() / 1_000L, latest, Sql.list(pageKeys), String.join(", ", own)))) {
            norms.put(normKey(row.get("page_key").asText(), DeviceClass.valueOf(row.get("device").asText())),
                    new ScrollNorm(row.get("views").asLong(), row.get("median_reversals").asDouble()));
        }
        return norms;
    }

    private static String normKey(String pageKey, DeviceClass deviceClass) {
        return deviceClass.name() + " " + pageKey;
    }
}
