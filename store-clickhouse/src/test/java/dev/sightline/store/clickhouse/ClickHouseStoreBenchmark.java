package dev.sightline.store.clickhouse;

import dev.sightline.contract.dashboard.Dimension;
import dev.sightline.contract.dashboard.FunnelStep;
import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.dashboard.TextMatch;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.store.BatchKey;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.PageViewFacts;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.Visit;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.Move;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.Scroll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Not a test: measures {@link ClickHouseEventStore#write} throughput and the sessions-list,
 * session-detail, heatmap, pending-analysis and dashboard query times against the test fixture's clickhouse-server
 * on this machine; see the module README for the command and the figures. Argument: sessions to write.
 * Traffic shape: sessions of 3 pages, 2 uploads per page, uploads of 10 events (3 clicks, 4 moves,
 * 2 scrolls, 1 request) over 20 page keys, started over one day; lists of 500 batches.
 */
public final class ClickHouseStoreBenchmark {

    private static final String PROJECT = "bench";
    private static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final int LIST_SIZE = 500;
    private static final int RUNS = 7;

    private ClickHouseStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args[0]);
        Path dataDir = Files.createTempDirectory("sightline-clickhouse-bench");
        ClickHouseSettings settings = ClickHouseServer.shared().settings(ClickHouseStoreBenchmark.class, dataDir);
        try (ClickHouseEventStore store = new ClickHouseEventStore(settings)) {
            Random random = new Random(42);
            List<BatchRows> list = new ArrayList<>(LIST_SIZE);
            long batches = 0;
            long started = System.nanoTime();
            for (int s = 0; s < sessions; s++) {
                Instant start = DAY.plusMillis(random.nextInt(86_000_000));
                for (int page = 1; page <= 3; page++) {
                    for (int sequence = 0; sequence < 2; sequence++) {
                        list.add(batch(random, "s" + s, page, sequence, start.plusSeconds(60L * (page - 1))));
                        if (list.size() == LIST_SIZE) {
                            store.write(list);
                            batches += list.size();
                            list.clear();
                        }
                    }
                }
            }
            store.write(list);
            batches += list.size();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("wrote %,d batches (%,d events) in %.1f s: %,.0f batches/s, %,.0f events/s%n", batches,
                    batches * 10, seconds, batches / seconds, batches * 10 / seconds);

            SessionQuery list50 = new SessionQuery(PROJECT, DAY, DAY.plus(Duration.ofDays(1)), false,
                    SessionSort.START_TIME, 50, 0);
            time("sessions list, first 50 by start", () -> store.sessions(list50).total());
            time("sessions list, first 50 by clicks", () -> store.sessions(new SessionQuery(PROJECT, DAY,
                    DAY.plus(Duration.ofDays(1)), false, SessionSort.CLICKS, 50, 0)).total());
            time("session detail", () -> store.session(PROJECT, "s" + sessions / 2).orElseThrow().markers().size());
            HeatmapQuery heatmap = new HeatmapQuery(PROJECT, new PageScope.Page("shop.example/page/3"),
                    Optional.of(DeviceClass.DESKTOP), DAY, DAY.plus(Duration.ofDays(1)), false);
            time("click heatmap of one page (points)", () -> store.heatmaps().points(heatmap, HeatmapLayer.CLICKS).points());
            time("scroll map of one page", () -> store.heatmaps().scroll(heatmap).pageViews());
            time("pending page views (100)", () -> store.insights()
                    .pending(DAY.plus(Duration.ofDays(2)), DAY.plus(Duration.ofDays(2)), 100).size());
            SessionFilter day = SessionFilter.of(PROJECT, DAY, DAY.plus(Duration.ofDays(1)));
            time("dashboard figures of the day", () -> store.dashboard().figures(day).sessions());
            SessionFilter filtered = day.with(new SessionCondition.PageUrl(SessionCondition.UrlScope.VISITED,
                    new TextMatch(TextMatch.Operator.CONTAINS, "/page/3"))).with(new SessionCondition.Range(
                    SessionCondition.Measure.CLICKS, 10, 100));
            time("dashboard figures, 2 conditions", () -> store.dashboard().figures(filtered).sessions());
            time("filtered recordings, first 50", () -> store.dashboard()
                    .sessions(filtered, SessionSort.START_TIME, 50, 0).total());
            time("funnel of 3 page steps", () -> store.dashboard().funnel(day, List.of(
                    new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.ENDS_WITH, "/page/3")),
                    new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.ENDS_WITH, "/page/5")),
                    new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.REGEX, "/page/1[0-9]$"))))
                    .steps().get(2).reached());
            time("breakdown by device and URL", () -> store.dashboard()
                    .breakdown(day, List.of(Dimension.DEVICE, Dimension.URL), 100).size());
        } finally {
            ClickHouseServer.shared().drop(settings);
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void time(String what, Supplier<Object> query) {
        long[] millis = new long[RUNS];
        Object result = null;
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            result = query.get();
            millis[i] = (System.nanoTime() - started) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-40s median %4d ms, fastest %4d ms (result %s)%n", what, millis[RUNS / 2], millis[0],
                result);
    }

    private static BatchRows batch(Random random, String sessionId, int page, int sequence, Instant pageStart) {
        String pageKey = "shop.example/page/" + random.nextInt(20);
        List<AnalyticsEvent> events = new ArrayList<>();
        long t = sequence * 10_000L;
        for (int i = 0; i < 3; i++) {
            events.add(new Click(t + i * 1_000, random.nextInt(1440), random.nextInt(3000), "#e" + random.nextInt(40),
                    random.nextInt(10_000), random.nextInt(10_000), "button", "Buy", 0, 120, 40));
        }
        for (int i = 0; i < 4; i++) {
            events.add(new Move(t + 3_000 + i * 500, random.nextInt(1440), random.nextInt(3000),
                    "#e" + random.nextInt(40), random.nextInt(10_000), random.nextInt(10_000)));
        }
        events.add(new Scroll(t + 6_000, 0, random.nextInt(2000), 3000, 900));
        events.add(new Scroll(t + 7_000, 0, random.nextInt(2000), 3000, 900));
        events.add(new Request(t + 8_000));
        Instant lastSeen = pageStart.plusMillis(t + 9_000);
        PageViewFacts facts = new PageViewFacts(page, "https://" + pageKey, pageKey, "Page", "", pageStart, lastSeen,
                5_000, random.nextInt(1000), 1440, 900, 3000, sequence == 1);
        return new BatchRows(new BatchKey(PROJECT, sessionId, page, sequence), "v-" + sessionId, lastSeen,
                new Visit(DeviceClass.DESKTOP, "Chrome", "156", "Linux", "DE", false), Optional.empty(), facts,
                Optional.empty(), events);
    }
}
