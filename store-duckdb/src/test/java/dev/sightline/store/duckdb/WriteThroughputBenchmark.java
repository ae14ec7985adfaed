package dev.sightline.store.duckdb;

import dev.sightline.contract.store.Acquisition;
import dev.sightline.contract.store.BatchKey;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.Channel;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.PageViewFacts;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.Visit;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.Move;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.contract.wire.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.duckdb.DuckDBConnection;

/**
 * Not a test: measures {@link DuckDbEventStore#write} throughput and the heatmap, session-detail and
 * sessions-list query times on this machine; see the module README for the command and the figures.
 * Arguments: batches to write, extra clicks to load for the heatmap, sessions of history to start from
 * (written straight into the tables once, kept in the temp folder and copied for every run).
 * Traffic shape: 200 sessions live at once, each batch one page's upload of 10 events (3 clicks, 4
 * moves, 2 scrolls, 1 request), 4 batches per page, 3 pages per session; lists of 500 batches.
 */
public final class WriteThroughputBenchmark {

    private static final int LIST_SIZE = 500;
    private static final int LIVE_SESSIONS = 200;
    private static final int BATCHES_PER_PAGE = 4;
    private static final int PAGES = 3;

    private WriteThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int totalBatches = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        long extraClicks = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000L;
        long history = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path dir = Files.createTempDirectory("sightline-bench");
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        if (history > 0) {
            // The history takes minutes to build: keep one copy per size and start every run from it.
            Path kept = Path.of(System.getProperty("java.io.tmpdir"), "sightline-history-" + history);
            if (!Files.exists(kept.resolve(DuckDbEventStore.FILE_NAME))) {
                prefill(kept, history, start);
            }
            Files.copy(kept.resolve(DuckDbEventStore.FILE_NAME), dir.resolve(DuckDbEventStore.FILE_NAME));
        }
        Random random = new Random(42);

        List<List<BatchRows>> lists = new ArrayList<>();
        int[] progress = new int[LIVE_SESSIONS];
        int[] sessionNumber = new int[LIVE_SESSIONS];
        for (int i = 0; i < LIVE_SESSIONS; i++) {
            sessionNumber[i] = i;
        }
        int nextSession = LIVE_SESSIONS;
        List<BatchRows> list = new ArrayList<>();
        for (int n = 0; n < totalBatches; n++) {
            int slot = random.nextInt(LIVE_SESSIONS);
            int step = progress[slot]++;
            int page = step / BATCHES_PER_PAGE + 1;
            int sequence = step % BATCHES_PER_PAGE;
            Instant sessionStart = start.plusMillis(sessionNumber[slot] * 900L);
            list.add(batch(random, "s" + sessionNumber[slot], "v" + (sessionNumber[slot] % 5_000), sessionStart, page,
                    sequence));
            if (progress[slot] == PAGES * BATCHES_PER_PAGE) {
                progress[slot] = 0;
                sessionNumber[slot] = nextSession++;
            }
            if (list.size() == LIST_SIZE) {
                lists.add(list);
                list = new ArrayList<>();
            }
        }
        if (!list.isEmpty()) {
            lists.add(list);
        }

        try (DuckDbEventStore store = new DuckDbEventStore(dir)) {
            // Warm up the JIT and DuckDB on the first 10 lists, then time the rest.
            for (List<BatchRows> warm : lists.subList(0, 10)) {
                store.write(warm);
            }
            long timedBatches = 0;
            long timedEvents = 0;
            long cpu0 = processCpuMillis();
            long t0 = System.nanoTime();
            for (List<BatchRows> timed : lists.subList(10, lists.size())) {
                store.write(timed);
                timedBatches += timed.size();
                for (BatchRows b : timed) {
                    timedEvents += b.events().size();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuMillis() - cpu0) / 1e3;
            System.out.printf("write: %,d batches (%,d events, %,d sessions) in %.2f s = %,.0f batches/s, "
                            + "%,.0f event rows/s; %.2f CPU-s (all threads) = %,.0f batches per CPU-second%n",
                    timedBatches, timedEvents, nextSession, seconds, timedBatches / seconds, timedEvents / seconds,
                    cpuSeconds, timedBatches / cpuSeconds);

            long q0 = System.nanoTime();
            var page = store.sessions(new SessionQuery("p1", start, start.plus(Duration.ofDays(30)), false,
                    SessionSort.DURATION, 50, 0));
            System.out.printf("sessions list (sorted by duration, %,d in window): %.1f ms%n", page.total(),
                    (System.nanoTime() - q0) / 1e6);
        }

        try (DuckDbDatabase database = DuckDbDatabase.open(dir.resolve(DuckDbEventStore.FILE_NAME),
                EventSchema.MIGRATIONS); DuckDBConnection c = database.connect()) {
            long l0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                // Extra clicks in time order, as ingestion appends them: 40 pages x 3 device classes, 20 days.
                s.execute("""
                        INSERT INTO clicks
                        SELECT 'p1', 'bulk' || (i // 30), 1,
                               TIMESTAMP '2026-03-02' + to_microseconds((i::HUGEINT * 86400000000 * 20 // %d)::BIGINT),
                               'https://shop.example/page-' || (hash(i) %% 40),
                               (['DESKTOP', 'MOBILE', 'TABLET'])[1 + (hash(i * 7) %% 3)::BIGINT]::device_class,
                               1440, (hash(i * 3) %% 1440)::INT, (hash(i * 5) %% 4000)::INT, 'div > button', 5000,
                               5000, 'button', 'Buy', 0, 120, 40
                        FROM range(%d) t(i)""".formatted(extraClicks, extraClicks));
                s.execute("CHECKPOINT");
            }
            System.out.printf("loaded %,d extra clicks in %.1f s%n", extraClicks, (System.nanoTime() - l0) / 1e9);
            String heatmap = """
                    SELECT x // 10 AS bx, y // 10 AS by, count(*) FROM clicks
                    WHERE project_id = ? AND page_key = ? AND device_class = ?
                      AND ts BETWEEN make_timestamp(?::BIGINT) AND make_timestamp(?::BIGINT)
                    GROUP BY ALL""";
            for (int days : new int[] {1, 7, 20}) {
                for (int run = 0; run < 3; run++) {
                    long h0 = System.nanoTime();
                    long bins = 0;
                    try (PreparedStatement ps = c.prepareStatement(heatmap)) {
                        ps.setString(1, "p1");
                        ps.setString(2, "https://shop.example/page-7");
                        ps.setString(3, "DESKTOP");
                        ps.setLong(4, Micros.of(start.plus(Duration.ofDays(20 - days))));
                        ps.setLong(5, Micros.of(start.plus(Duration.ofDays(20))));
                        try (ResultSet rows = ps.executeQuery()) {
                            while (rows.next()) {
                                bins++;
                            }
                        }
                    }
                    System.out.printf("heatmap over the last %d days: %,d bins in %.1f ms%n", days, bins,
                            (System.nanoTime() - h0) / 1e6);
                }
            }
        }
        try (DuckDbEventStore store = new DuckDbEventStore(dir)) {
            for (int run = 0; run < 3; run++) {
                long d0 = System.nanoTime();
                var detail = store.session("p1", "s" + 1_000).orElseThrow();
                System.out.printf("session detail (%d markers) with the big fact tables: %.1f ms%n",
                        detail.markers().size(), (System.nanoTime() - d0) / 1e6);
            }
        }
        System.out.printf("file: %,d bytes%n", Files.size(dir.resolve(DuckDbEventStore.FILE_NAME)));
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    /** User plus system CPU time of this process, DuckDB's native threads included (Linux only). */
    private static long processCpuMillis() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /**
     * Writes {@code sessions} older sessions straight into the tables, as months of traffic would have:
     * random 32-character ids, 3 page views and 12 batches each, received during the 60 days before
     * {@code start}.
     */
    private static void prefill(Path dir, long sessions, Instant start) throws Exception {
        long t0 = System.nanoTime();
        try (DuckDbDatabase database = DuckDbDatabase.open(dir.resolve(DuckDbEventStore.FILE_NAME),
                EventSchema.MIGRATIONS); DuckDBConnection c = database.connect(); Statement s = c.createStatement()) {
            String at = "(TIMESTAMP '%s' - INTERVAL 60 DAY + to_microseconds((i::HUGEINT * 5184000000000 // %d)::BIGINT))"
                    .formatted(start.toString().replace("T", " ").replace("Z", ""), sessions);
            s.execute("""
                    INSERT INTO sessions
                    SELECT '2:p1/' || md5(i::VARCHAR), 'p1', md5(i::VARCHAR), md5((i // 3)::VARCHAR), %1$s, %1$s,
                           %1$s + INTERVAL 5 MINUTE, 3, 4, 0, 60000, 12, 0, 'DESKTOP', 'Chrome', '156', 'Linux', 'DE',
                           false, 0, 'https://shop.example/', '', '', 'DIRECT', '', '', '', '', '', 3,
                           'https://shop.example/exit', -1, NULL, i %% 3 = 0
                    FROM range(%2$d) t(i)""".formatted(at, sessions));
            s.execute("""
                    INSERT INTO visitors
                    SELECT '2:p1/' || md5(i::VARCHAR), 'p1', md5(i::VARCHAR), md5((i * 3)::VARCHAR), %1$s
                    FROM range(%2$d) t(i)""".formatted(at.replace("i * ", "i * 3 * "), sessions / 3));
            s.execute("""
                    INSERT INTO page_views
                    SELECT 'p1', md5(i::VARCHAR), p, %1$s, 0, 'https://shop.example/p' || p, 'https://shop.example/p' || p,
                           'DESKTOP', 1440, 900, 0, 'Title', 2147483647, '', %1$s, %1$s + INTERVAL 1 MINUTE, 20000,
                           500, 4000, true, 4
                    FROM range(%2$d) t(i), range(1, 4) pages(p)
                    ORDER BY i""".formatted(at, sessions));
            s.execute("""
                    INSERT INTO batches
                    SELECT 'p1', md5(i::VARCHAR), p, q, %1$s
                    FROM range(%2$d) t(i), range(1, 4) pages(p), range(4) seqs(q)
                    ORDER BY i""".formatted(at, sessions));
            s.execute("CHECKPOINT");
        }
        System.out.printf("history: %,d sessions, %,d page views, %,d batches written in %.1f s%n", sessions,
                sessions * 3, sessions * 12, (System.nanoTime() - t0) / 1e9);
    }

    private static BatchRows batch(Random random, String sessionId, String visitorId, Instant sessionStart, int page,
                                   int sequence) {
        Instant pageStart = sessionStart.plusSeconds(60L * (page - 1));
        long t0 = sequence * 10_000L;
        List<AnalyticsEvent> events = new ArrayList<>(10);
        for (int i = 0; i < 3; i++) {
            events.add(new Click(t0 + i * 1_000L, random.nextInt(1440), random.nextInt(4000), "main > div.cta > button",
                    random.nextInt(10_000), random.nextInt(10_000), "button", "Add to cart", 0, 120, 40));
        }
        for (int i = 0; i < 4; i++) {
            events.add(new Move(t0 + 300 + i * 700L, random.nextInt(1440), random.nextInt(4000), "main > section",
                    random.nextInt(10_000), random.nextInt(10_000)));
        }
        events.add(new Scroll(t0 + 2_000, 0, random.nextInt(3000), 4000, 900));
        events.add(new Scroll(t0 + 4_000, 0, random.nextInt(3000), 4000, 900));
        events.add(new Request(t0 + 5_000));
        String url = "https://shop.example/page-" + (page * 7 % 40);
        PageViewFacts facts = new PageViewFacts(page, url, url, sequence == 0 ? "Page " + page : "", "", pageStart,
                pageStart.plusMillis(t0 + 9_000), 6_000, 100 * sequence, 1440, 900, 4000, sequence == 3);
        Optional<Acquisition> acquisition = page == 1 && sequence == 0
                ? Optional.of(new Acquisition(url, "https://www.google.com/", "www.google.com",
                Channel.ORGANIC_SEARCH, "", "", "", "", ""))
                : Optional.empty();
        return new BatchRows(new BatchKey("p1", sessionId, page, sequence), visitorId, pageStart.plusMillis(t0),
                new Visit(DeviceClass.DESKTOP, "Chrome", "156", "Linux", "DE", false), acquisition, facts,
                Optional.empty(), events);
    }
}
