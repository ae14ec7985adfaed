package dev.sightline.store.duckdb;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * Reads what the detectors need for a set of page views: one statement per table for all of them
 * (bounded by project, session and time, so zone maps skip other days), distributed to the page
 * views in Java. Event times become milliseconds since their page view's start.
 */
final class InsightActivityQuery {

    /** A page view's events lie between its start and its last sign of life; a minute of slack either side. */
    private static final long SLACK_MICROS = 60_000_000L;

    private record PageRow(int pageNumber, String url, String pageKey, DeviceClass deviceClass, long startMicros,
                           long lastSeenMicros, boolean ended, int viewportHeight) {
    }

    private record PageId(String sessionId, int pageNumber) {
    }

    /** A row of a fact table: which page view, the event's time relative to it, and the result set at its own columns. */
    @FunctionalInterface
    private interface FactReader {
        void read(PageId page, long t, ResultSet row) throws SQLException;
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

    private InsightActivityQuery() {
    }

    static List<PageActivity> read(DuckDBConnection connection, List<PendingPageView> pages, Duration normWindow)
            throws SQLException {
        Map<String, List<PendingPageView>> byProject = new LinkedHashMap<>();
        for (PendingPageView page : pages) {
            byProject.computeIfAbsent(page.projectId(), p -> new ArrayList<>()).add(page);
        }
        Map<PendingPageView, PageActivity> found = new HashMap<>();
        for (Map.Entry<String, List<PendingPageView>> project : byProject.entrySet()) {
            readProject(connection, project.getKey(), project.getValue(), normWindow, found);
        }
        List<PageActivity> result = new ArrayList<>();
        for (PendingPageView page : pages) {
            PageActivity activity = found.get(page);
            if (activity != null) {
                result.add(activity);
            }
        }
        return result;
    }

    private static void readProject(DuckDBConnection connection, String projectId, List<PendingPageView> pages,
                                    Duration normWindow, Map<PendingPageView, PageActivity> found) throws SQLException {
        List<String> sessionIds = List.copyOf(new LinkedHashSet<>(pages.stream().map(PendingPageView::sessionId).toList()));
        long oldestReceipt = pages.stream().mapToLong(p -> Micros.of(p.lastReceivedAt())).min().orElseThrow();
        Map<String, Map<Integer, PageRow>> rows = pageRows(connection, projectId, sessionIds,
                oldestReceipt - WriteBound.REACH.toMillis() * 1_000L);
        Map<String, Boolean> bots = bots(connection, projectId, sessionIds);

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
        rows.forEach((session, pagesOfSession) -> pagesOfSession.forEach(
                (number, row) -> allRows.put(new PageId(session, number), row)));

        facts(connection, "clicks", "x, y, selector, rel_x, rel_y, tag, text, flags, width, height", projectId,
                sessionIds, earliest, to, allRows, (page, t, r) -> {
                    Click click = new Click(t, r.getInt(4), r.getInt(5), r.getString(6), r.getInt(7), r.getInt(8),
                            r.getString(9), r.getString(10), r.getInt(11), r.getInt(12), r.getInt(13));
                    Click[] last = lastClicks.get(page);
                    if (last != null) {
                        last[0] = click;
                    }
                    Gathered g = gathered.get(page);
                    if (g != null) {
                        g.clicks.add(click);
                    }
                });
        Map<PageId, PageRow> pendingRows = new HashMap<>();
        gathered.forEach((id, g) -> pendingRows.put(id, g.row));
        facts(connection, "scrolls", "x, y, document_height, viewport_height", projectId, sessionIds, from, to,
                pendingRows, (page, t, r) -> gathered.get(page).scrolls
                        .add(new Scroll(t, r.getInt(4), r.getInt(5), r.getInt(6), r.getInt(7))));
        facts(connection, "errors", "message, source, line, col, kind", projectId, sessionIds, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).errors
                        .add(new ScriptError(t, r.getString(4), r.getString(5), r.getInt(6), r.getInt(7), r.getInt(8))));
        facts(connection, "fields", "action, selector, form, field_type", projectId, sessionIds, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).fields
                        .add(new FieldInteraction(t, r.getInt(4), r.getString(5), r.getString(6), r.getString(7))));
        facts(connection, "form_submits", "form", projectId, sessionIds, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).submits.add(new FormSubmit(t, r.getString(4))));
        facts(connection, "requests", "1", projectId, sessionIds, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).requests.add(new Request(t)));
        facts(connection, "visibility", "visible", projectId, sessionIds, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).visibility.add(new Visibility(t, r.getInt(4))));
        facts(connection, "page_changes", "epoch_us(end_ts), changes", projectId, sessionIds, from, to, pendingRows,
                (page, t, r) -> gathered.get(page).changes.add(new PageChangeRun(t,
                        Math.max(t, Math.floorDiv(r.getLong(4) - pendingRows.get(page).startMicros(), 1_000L)),
                        r.getInt(5))));

        Map<String, ScrollNorm> norms = norms(connection, projectId, gathered.values(), normWindow);
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
        return new VisitedPage(row.pageNumber(), row.url(), row.pageKey(), Micros.toInstant(row.startMicros()),
                Micros.toInstant(row.lastSeenMicros()), row.ended(), row.viewportHeight(), Optional.ofNullable(lastClick));
    }

    private static Map<String, Map<Integer, PageRow>> pageRows(DuckDBConnection connection, String projectId,
                                                               List<String> sessionIds, long receivedSince)
            throws SQLException {
        String sql = """
                SELECT session_id, page_number, url, page_key, device_class::VARCHAR, epoch_us(started_at),
                       epoch_us(last_seen_at), ended, viewport_h
                FROM page_views
                WHERE project_id = ? AND first_received_at >= make_timestamp(?::BIGINT) AND session_id IN (%s)"""
                .formatted(placeholders(sessionIds.size()));
        Map<String, Map<Integer, PageRow>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, projectId);
            select.setLong(2, receivedSince);
            bindStrings(select, 3, sessionIds);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.computeIfAbsent(r.getString(1), s -> new HashMap<>()).put(r.getInt(2), new PageRow(r.getInt(2),
                            r.getString(3), r.getString(4), DeviceClass.valueOf(r.getString(5)), r.getLong(6),
                            r.getLong(7), r.getBoolean(8), r.getInt(9)));
                }
            }
        }
        return rows;
    }

    /** By the sessions' single-column key. */
    private static Map<String, Boolean> bots(DuckDBConnection connection, String projectId, List<String> sessionIds)
            throws SQLException {
        Map<String, Boolean> bots = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT session_id, bot FROM sessions WHERE session_key IN ("
                + placeholders(sessionIds.size()) + ")")) {
            bindStrings(select, 1, sessionIds.stream().map(id -> Keys.session(projectId, id)).toList());
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    bots.put(r.getString(1), r.getBoolean(2));
                }
            }
        }
        return bots;
    }

    /**
     * Reads one fact table for the sessions in {@code [from, to]} and hands each row of a wanted page
     * view to the reader; the table's own columns start at index 4. The sessions are one array
     * parameter, joined as a set: a list of hundreds of placeholders cost more to plan and to test on
     * every row than the scan itself.
     */
    private static void facts(DuckDBConnection connection, String table, String columns, String projectId,
                              List<String> sessionIds, long from, long to, Map<PageId, PageRow> wanted,
                              FactReader reader) throws SQLException {
        String sql = """
                SELECT session_id, page_number, epoch_us(ts), %s FROM %s
                WHERE project_id = ? AND ts BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)
                  AND session_id IN (SELECT unnest(?::VARCHAR[]))
                ORDER BY session_id, page_number, ts""".formatted(columns, table);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, projectId);
            select.setLong(2, from);
            select.setLong(3, to);
            select.setArray(4, connection.createArrayOf("VARCHAR", sessionIds.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    PageId page = new PageId(r.getString(1), r.getInt(2));
                    PageRow row = wanted.get(page);
                    if (row != null) {
                        reader.read(page, Math.floorDiv(r.getLong(3) - row.startMicros(), 1_000L), r);
                    }
                }
            }
        }
    }

    private static Map<String, ScrollNorm> norms(DuckDBConnection connection, String projectId,
                                                 Collection<Gathered> pages, Duration window) throws SQLException {
        Set<String> pageKeys = new LinkedHashSet<>();
        List<String> ownKeys = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (Gathered g : pages) {
            pageKeys.add(g.row.pageKey());
            ownKeys.add(InsightSchema.pageViewKey(projectId, g.pending.sessionId(), g.pending.pageNumber()));
            earliest = Math.min(earliest, g.row.startMicros());
            latest = Math.max(latest, g.row.startMicros());
        }
        String sql = """
                SELECT page_key, device_class::VARCHAR, count(*), median(scroll_reversals)
                FROM insight_page_views
                WHERE project_id = ? AND NOT bot
                  AND started_at >= make_timestamp(?::BIGINT) AND started_at < make_timestamp(?::BIGINT)
                  AND page_key IN (SELECT unnest(?::VARCHAR[])) AND page_view_key NOT IN (SELECT unnest(?::VARCHAR[]))
                GROUP BY page_key, device_class""";
        Map<String, ScrollNorm> norms = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, projectId);
            select.setLong(2, earliest - window.toNanos() / 1_000L);
            select.setLong(3, latest);
            select.setArray(4, connection.createArrayOf("VARCHAR", pageKeys.toArray()));
            select.setArray(5, connection.createArrayOf("VARCHAR", ownKeys.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    norms.put(normKey(r.getString(1), DeviceClass.valueOf(r.getString(2))),
                            new ScrollNorm(r.getLong(3), r.getDouble(4)));
                }
            }
        }
        return norms;
    }

    private static String normKey(String pageKey, DeviceClass deviceClass) {
        return deviceClass.name() + " " + pageKey;
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds the values from {@code first} on; returns the next parameter index. */
    static int bindStrings(PreparedStatement statement, int first, List<String> values) throws SQLException {
        int next = first;
        for (String value : values) {
            statement.setString(next++, value);
        }
        return next;
    }
}
