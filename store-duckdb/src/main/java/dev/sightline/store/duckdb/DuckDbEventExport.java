package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.export.EventExport;
import dev.sightline.contract.export.ExportedAnalysis;
import dev.sightline.contract.export.ExportedSession;
import dev.sightline.contract.export.SessionDay;
import dev.sightline.contract.store.Acquisition;
import dev.sightline.contract.store.BatchKey;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.Channel;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.store.PageViewFacts;
import dev.sightline.contract.store.Visit;
import dev.sightline.contract.wire.AnalyticsEvent;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * {@code events.duckdb} of a data folder no server runs on, opened read-only and read back as the
 * uploads that wrote it ({@link EventExport}). The file keeps sessions and page views merged, the keys
 * of every upload in {@code batches}, and facts without their upload: each stored upload becomes one
 * {@link BatchRows} under its own key, the first of each page view carrying the merged page-view facts
 * (its active time, the others none) and the page's events and page-change runs, later ones only the
 * events of another viewport width (clicks and moves take theirs from their upload). Merged again by any
 * store, they give the same sessions, page views and facts. Insight results come with the analysed page
 * views ({@link ExportInsights}).
 */
public final class DuckDbEventExport implements EventExport {

    private static final String SESSION_COLUMNS = """
            session_id, visitor_id, device_class, browser, browser_version, os, country, bot, acquisition_order,
            entry_url, referrer, referrer_host, channel, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
            user_order, user_hash""";

    private static final String PAGE_VIEW_COLUMNS = """
            session_id, page_number, url, page_key, device_class, viewport_w, viewport_h, title, referrer,
            epoch_us(started_at), epoch_us(last_seen_at), active_ms, max_scroll_permille, document_height, ended,
            first_sequence, epoch_us(first_received_at)""";

    /** The sessions of one call: a parameter holding the ids as a list. */
    static final String IN_SESSIONS = "project_id = ? AND session_id IN (SELECT unnest(?::VARCHAR[]))";

    private final DuckDbDatabase database;

    /** Fails with {@link DatabaseInUseException} while a server runs on the folder. */
    public DuckDbEventExport(Path dataDir) {
        requireNonNull(dataDir, "dataDir is null");
        this.database = DuckDbDatabase.openReadOnly(dataDir.resolve(DuckDbEventStore.FILE_NAME), EventSchema.MIGRATIONS);
    }

    @Override
    public List<SessionDay> days() {
        return database.inTransaction("listing the days of sessions", c -> {
            List<SessionDay> days = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT project_id, strftime(started_at, '%Y-%m-%d') AS day, count(*) FROM sessions
                    GROUP BY project_id, day ORDER BY day, project_id""");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    days.add(new SessionDay(rows.getString(1), LocalDate.parse(rows.getString(2)), rows.getInt(3)));
                }
            }
            return List.copyOf(days);
        });
    }

    @Override
    public List<String> sessionIds(String projectId, LocalDate day) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(day, "day is null");
        long from = Micros.of(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        long to = Micros.of(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        return database.inTransaction("listing the sessions of " + day, c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT session_id FROM sessions WHERE project_id = ?
                      AND started_at >= make_timestamp(?::BIGINT) AND started_at < make_timestamp(?::BIGINT)
                    ORDER BY session_id""")) {
                select.setString(1, projectId);
                select.setLong(2, from);
                select.setLong(3, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return List.copyOf(ids);
        });
    }

    @Override
    public List<ExportedSession> sessions(String projectId, List<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.inTransaction("exporting " + ids.size() + " sessions", c -> {
            Map<String, SessionRow> sessions = new LinkedHashMap<>();
            select(c, "SELECT " + SESSION_COLUMNS + " FROM sessions WHERE " + IN_SESSIONS, projectId, ids,
                    row -> sessions.put(row.getString(1), SessionRow.of(row)));
            Map<String, List<PageRow>> pages = new HashMap<>();
            select(c, "SELECT " + PAGE_VIEW_COLUMNS + " FROM page_views WHERE " + IN_SESSIONS
                    + " ORDER BY session_id, page_number", projectId, ids,
                    row -> pages.computeIfAbsent(row.getString(1), s -> new ArrayList<>()).add(PageRow.of(row)));
            Map<String, List<long[]>> batches = new HashMap<>();
            select(c, "SELECT session_id, page_number, sequence, epoch_us(received_at) FROM batches WHERE " + IN_SESSIONS
                    + " ORDER BY session_id, page_number, sequence", projectId, ids,
                    row -> batches.computeIfAbsent(row.getString(1) + "#" + row.getInt(2), k -> new ArrayList<>())
                            .add(new long[] {row.getInt(3), row.getLong(4)}));
            Map<String, Long> starts = new HashMap<>();
            pages.forEach((session, rows) -> rows.forEach(page -> starts.put(session + "#" + page.pageNumber(),
                    page.startedMicros())));
            Map<String, List<Fact>> facts = new HashMap<>();
            for (ExportFacts.Table table : ExportFacts.ALL) {
                select(c, "SELECT session_id, page_number, epoch_us(ts)" + (table.columns().isEmpty() ? "" : ", " + table.columns())
                        + " FROM " + table.name() + " WHERE " + IN_SESSIONS + " ORDER BY session_id, page_number, ts, rowid",
                        projectId, ids, row -> {
                            String page = row.getString(1) + "#" + row.getInt(2);
                            long micros = row.getLong(3);
                            long t = Math.floorDiv(micros - starts.getOrDefault(page, micros), 1000);
                            facts.computeIfAbsent(page, k -> new ArrayList<>()).add(new Fact(micros,
                                    table.viewportColumn() ? row.getInt(4) : -1, table.reader().read(row, t)));
                        });
            }
            Map<String, List<long[]>> changes = new HashMap<>();
            select(c, "SELECT session_id, page_number, epoch_us(ts), epoch_us(end_ts), changes FROM page_changes WHERE "
                    + IN_SESSIONS + " ORDER BY session_id, page_number, ts, rowid", projectId, ids,
                    row -> changes.computeIfAbsent(row.getString(1) + "#" + row.getInt(2), k -> new ArrayList<>())
                            .add(new long[] {row.getLong(3), row.getLong(4), row.getInt(5)}));
            Map<String, Instant> kept = new HashMap<>();
            select(c, "SELECT session_id, epoch_us(kept_until) FROM kept_sessions WHERE " + IN_SESSIONS, projectId, ids,
                    row -> kept.put(row.getString(1), Micros.toInstant(row.getLong(2))));
            List<ExportedSession> exported = new ArrayList<>();
            for (String id : ids) {
                SessionRow session = sessions.get(id);
                if (session != null) {
                    exported.add(session(projectId, id, session, pages.getOrDefault(id, List.of()), batches, facts, changes,
                            Optional.ofNullable(kept.get(id))));
                }
            }
            return List.copyOf(exported);
        });
    }

    @Override
    public Map<String, Set<LocalDate>> recordingDays(String projectId, List<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return database.inTransaction("reading the recording days of " + ids.size() + " sessions", c -> {
            Map<String, Set<LocalDate>> days = new LinkedHashMap<>();
            select(c, "SELECT DISTINCT session_id, strftime(started_at, '%Y-%m-%d') FROM page_views WHERE " + IN_SESSIONS,
                    projectId, ids, row -> days.computeIfAbsent(row.getString(1), s -> new java.util.TreeSet<>())
                            .add(LocalDate.parse(row.getString(2))));
            return days;
        });
    }

    @Override
    public List<ExportedAnalysis> analyses(String projectId, List<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return List.of();
        }
        return database.inTransaction("exporting the insights of " + ids.size() + " sessions",
                c -> ExportInsights.read(c, projectId, ids));
    }

    @Override
    public Map<String, Long> counts() {
        return database.inTransaction("counting rows", c -> {
            Map<String, String> queries = new LinkedHashMap<>();
            queries.put("sessions", "SELECT count(*) FROM sessions");
            queries.put("page_views", "SELECT count(*) FROM page_views");
            queries.put("batches", "SELECT count(*) FROM batches");
            queries.put("visitors", "SELECT count(*) FROM (SELECT DISTINCT project_id, visitor_id FROM sessions)");
            for (String table : EventSchema.FACT_TABLES) {
                queries.put(table, "SELECT count(*) FROM " + table);
            }
            for (String table : List.of("page_changes", "insight_page_views", "insight_events", "insight_forms",
                    "insight_form_fields", "kept_sessions")) {
                queries.put(table, "SELECT count(*) FROM " + table);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<String, String> query : queries.entrySet()) {
                try (PreparedStatement select = c.prepareStatement(query.getValue());
                     ResultSet rows = select.executeQuery()) {
                    rows.next();
                    counts.put(query.getKey(), rows.getLong(1));
                }
            }
            return counts;
        });
    }

    @Override
    public void close() {
        database.close();
    }

    @FunctionalInterface
    interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    /** Runs a query of {@link #IN_SESSIONS} form and hands each row over. */
    static void select(DuckDBConnection c, String sql, String projectId, List<String> ids, RowHandler handler)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, projectId);
            select.setArray(2, c.createArrayOf("VARCHAR", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    handler.handle(rows);
                }
            }
        }
    }

    /** An event as stored: its absolute time, the viewport width it came with (-1: none), and the event. */
    private record Fact(long micros, int viewportWidth, AnalyticsEvent event) {
    }

    private record SessionRow(String visitorId, String browser, String browserVersion, String os, String country,
                              boolean bot, long acquisitionOrder, Acquisition acquisition, long userOrder,
                              String userHash) {
        static SessionRow of(ResultSet r) throws SQLException {
            return new SessionRow(r.getString(2), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                    r.getBoolean(8), r.getLong(9), new Acquisition(r.getString(10), r.getString(11), r.getString(12),
                    Channel.valueOf(r.getString(13)), r.getString(14), r.getString(15), r.getString(16), r.getString(17),
                    r.getString(18)), r.getLong(19), r.getString(20));
        }
    }

    private record PageRow(int pageNumber, String url, String pageKey, DeviceClass device, int viewportWidth,
                           int viewportHeight, String title, String referrer, long startedMicros, long lastSeenMicros,
                           long activeMs, int maxScrollPermille, int documentHeight, boolean ended, int firstSequence,
                           long firstReceivedMicros) {
        static PageRow of(ResultSet r) throws SQLException {
            return new PageRow(r.getInt(2), r.getString(3), r.getString(4), DeviceClass.valueOf(r.getString(5)),
                    r.getInt(6), r.getInt(7), r.getString(8), r.getString(9), r.getLong(10), r.getLong(11), r.getLong(12),
                    r.getInt(13), r.getInt(14), r.getBoolean(15), r.getInt(16), r.getLong(17));
        }
    }

    private static ExportedSession session(String projectId, String sessionId, SessionRow session, List<PageRow> pages,
                                           Map<String, List<long[]>> batchesByPage, Map<String, List<Fact>> factsByPage,
                                           Map<String, List<long[]>> changesByPage, Optional<Instant> keptUntil) {
        Set<LocalDate> days = new LinkedHashSet<>();
        Map<Integer, List<long[]>> keysOfPage = new HashMap<>();
        List<Long> orders = new ArrayList<>();
        for (PageRow page : pages) {
            days.add(Micros.toInstant(page.startedMicros()).atZone(ZoneOffset.UTC).toLocalDate());
            List<long[]> keys = batchesByPage.getOrDefault(sessionId + "#" + page.pageNumber(),
                    List.of(new long[] {page.firstSequence(), page.firstReceivedMicros()}));
            keysOfPage.put(page.pageNumber(), keys);
            keys.forEach(key -> orders.add(order(page.pageNumber(), (int) key[0])));
        }
        long lowest = orders.stream().mapToLong(Long::longValue).min().orElse(0);
        long highest = orders.stream().mapToLong(Long::longValue).max().orElse(0);
        // The acquisition and the user hash go on the upload that carried them (the lowest and the highest when unknown).
        long acquisitionAt = session.acquisitionOrder() == BatchStage.NONE_LOW ? BatchStage.NONE_LOW
                : orders.contains(session.acquisitionOrder()) ? session.acquisitionOrder() : lowest;
        long userAt = session.userHash() == null ? BatchStage.NONE_HIGH
                : orders.contains(session.userOrder()) ? session.userOrder() : highest;
        List<BatchRows> batches = new ArrayList<>();
        for (PageRow page : pages) {
            String pageKey = sessionId + "#" + page.pageNumber();
            batches.addAll(pageBatches(new BatchKey(projectId, sessionId, page.pageNumber(), 0), session, page,
                    keysOfPage.get(page.pageNumber()), factsByPage.getOrDefault(pageKey, List.of()),
                    changesByPage.getOrDefault(pageKey, List.of()), acquisitionAt, userAt));
        }
        return new ExportedSession(projectId, sessionId, days, batches, keptUntil);
    }

    /**
     * The uploads of one page view. Events go to the first, except those that came with another viewport
     * width: each such width gets the next upload (an upload has one width, so there are enough).
     */
    private static List<BatchRows> pageBatches(BatchKey pageKey, SessionRow session, PageRow page, List<long[]> keys,
                                               List<Fact> facts, List<long[]> changes, long acquisitionAt, long userAt) {
        long start = page.startedMicros();
        Map<Integer, Integer> batchOfWidth = new HashMap<>();
        batchOfWidth.put(page.viewportWidth(), 0);
        List<List<AnalyticsEvent>> events = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            events.add(new ArrayList<>());
            widths.add(page.viewportWidth());
        }
        List<Fact> inTimeOrder = new ArrayList<>(facts);
        inTimeOrder.sort(Comparator.comparingLong(Fact::micros));
        for (Fact fact : inTimeOrder) {
            int batch = 0;
            if (fact.viewportWidth() >= 0) {
                batch = batchOfWidth.computeIfAbsent(fact.viewportWidth(), w -> Math.min(batchOfWidth.size(), keys.size() - 1));
                widths.set(batch, fact.viewportWidth());
            }
            events.get(batch).add(fact.event());
        }
        List<PageChangeRun> runs = changes.stream()
                .map(c -> new PageChangeRun(Math.floorDiv(c[0] - start, 1000), Math.floorDiv(c[1] - start, 1000), (int) c[2]))
                .toList();
        Visit visit = new Visit(page.device(), session.browser(), session.browserVersion(), session.os(), session.country(),
                session.bot());
        List<BatchRows> batches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int sequence = (int) keys.get(i)[0];
            long order = order(page.pageNumber(), sequence);
            PageViewFacts facts0 = new PageViewFacts(page.pageNumber(), page.url(), page.pageKey(), page.title(),
                    page.referrer(), Micros.toInstant(start), Micros.toInstant(page.lastSeenMicros()),
                    i == 0 ? page.activeMs() : 0, page.maxScrollPermille(), i == 0 ? page.viewportWidth() : widths.get(i),
                    page.viewportHeight(), page.documentHeight(), page.ended());
            batches.add(new BatchRows(new BatchKey(pageKey.projectId(), pageKey.sessionId(), page.pageNumber(), sequence),
                    session.visitorId(), Micros.toInstant(keys.get(i)[1]), visit,
                    order == acquisitionAt ? Optional.of(session.acquisition()) : Optional.empty(), facts0,
                    order == userAt ? Optional.of(session.userHash()) : Optional.empty(), events.get(i),
                    i == 0 ? runs : List.of()));
        }
        return batches;
    }

    private static long order(int pageNumber, int sequence) {
        return ((long) pageNumber << 32) | (sequence & 0xFFFF_FFFFL);
    }
}
