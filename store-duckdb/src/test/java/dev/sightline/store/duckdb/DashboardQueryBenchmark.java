package dev.sightline.store.duckdb;

import dev.sightline.contract.dashboard.FunnelStep;
import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.dashboard.TextMatch;
import dev.sightline.contract.store.SessionSort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;

/**
 * Not a test: how long the dashboard, a filtered recordings list and a funnel take over a project of
 * {@code args[0]} sessions (default 1,000,000) spread over 30 days, each with 3 page views, a tenth
 * with a custom event, a twentieth with insights. The history is written straight into the tables
 * once and kept in the temp folder. Prints the median of 5 runs of each query, after one warm-up.
 */
public final class DashboardQueryBenchmark {

    private DashboardQueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long sessions = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Instant end = Instant.parse("2026-03-31T00:00:00Z");
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "sightline-dashboard-" + sessions);
        if (!Files.exists(dir.resolve(DuckDbEventStore.FILE_NAME))) {
            Files.createDirectories(dir);
            prefill(dir, sessions, end);
        }
        try (DuckDbEventStore store = new DuckDbEventStore(dir)) {
            SessionFilter month = SessionFilter.of("p1", end.minus(Duration.ofDays(30)), end);
            SessionFilter mobileOnPage7 = month
                    .with(new SessionCondition.Text(SessionCondition.Attribute.DEVICE, TextMatch.equalTo("mobile")))
                    .with(new SessionCondition.PageUrl(SessionCondition.UrlScope.VISITED,
                            new TextMatch(TextMatch.Operator.CONTAINS, "/p7")));
            SessionFilter buyersFromPaid = month
                    .with(new SessionCondition.Text(SessionCondition.Attribute.CHANNEL, TextMatch.equalTo("paid")))
                    .with(new SessionCondition.CustomEvent("purchase", true));
            List<FunnelStep> steps = List.of(
                    new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.ENDS_WITH, "/p1")),
                    new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.ENDS_WITH, "/p2")),
                    new FunnelStep(FunnelStep.Kind.EVENT, TextMatch.equalTo("purchase")));
            time("dashboard, 30 days, no filter", () -> store.dashboard().figures(month).sessions());
            time("dashboard, mobile + visited contains /p7", () -> store.dashboard().figures(mobileOnPage7).sessions());
            time("recordings list, 30 days, newest 50", () -> store.dashboard().sessions(month, SessionSort.START_TIME,
                    50, 0).total());
            time("recordings list, mobile + visited /p7, newest 50", () -> store.dashboard().sessions(mobileOnPage7,
                    SessionSort.START_TIME, 50, 0).total());
            time("recordings list, paid + did purchase, by frustration", () -> store.dashboard().sessions(
                    buyersFromPaid, SessionSort.FRUSTRATION, 50, 0).total());
            time("funnel /p1 -> /p2 -> purchase", () -> store.dashboard().funnel(month, steps).steps().get(2).reached());
        }
    }

    private static void time(String what, Supplier<Long> query) {
        long answer = query.get();
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("%-55s median %5d ms (min %d, max %d) -> %,d%n", what, ms[2], ms[0], ms[4], answer);
    }

    private static void prefill(Path dir, long sessions, Instant end) throws Exception {
        long t0 = System.nanoTime();
        try (DuckDbDatabase database = DuckDbDatabase.open(dir.resolve(DuckDbEventStore.FILE_NAME),
                EventSchema.MIGRATIONS); DuckDBConnection c = database.connect(); Statement s = c.createStatement()) {
            String at = "(TIMESTAMP '%s' - INTERVAL 30 DAY + to_microseconds((i::HUGEINT * 2592000000000 // %d)::BIGINT))"
                    .formatted(end.toString().replace("T", " ").replace("Z", ""), sessions);
            s.execute("""
                    INSERT INTO sessions
                    SELECT '2:p1/' || md5(i::VARCHAR), 'p1', md5(i::VARCHAR), md5((i // 3)::VARCHAR), %1$s, %1$s,
                           %1$s + to_seconds(i %% 900), 3, i %% 7, 0, (i %% 300) * 1000, 3, 0,
                           CASE WHEN i %% 10 < 6 THEN 'DESKTOP' WHEN i %% 10 < 9 THEN 'MOBILE' ELSE 'TABLET' END::device_class,
                           ['Chrome', 'Safari', 'Firefox', 'Edge'][1 + i %% 4], '1', ['Windows', 'Mac OS', 'iOS', 'Android', 'Linux'][1 + i %% 5],
                           ['DE', 'US', 'FR', 'GB', 'NL', 'ES', '--'][1 + i %% 7], i %% 50 = 0, 0, 'https://shop.example/p' || (i %% 40),
                           '', '', ['DIRECT', 'ORGANIC_SEARCH', 'PAID', 'SOCIAL', 'EMAIL', 'REFERRAL', 'AI_TOOLS'][1 + i %% 7],
                           CASE WHEN i %% 7 = 2 THEN 'google' ELSE '' END, CASE WHEN i %% 7 = 2 THEN 'cpc' ELSE '' END,
                           CASE WHEN i %% 7 = 2 THEN 'spring' ELSE '' END, '', '', 3,
                           'https://shop.example/p' || ((i + 2) %% 40), -1, NULL, i %% 3 = 0
                    FROM range(%2$d) t(i)""".formatted(at, sessions));
            s.execute("""
                    INSERT INTO page_views
                    SELECT 'p1', md5(i::VARCHAR), p, %1$s, 0, 'https://shop.example/p' || ((i + p - 1) %% 40),
                           'shop.example/p' || ((i + p - 1) %% 40), 'DESKTOP', 1440, 900, 0, 'Title', 2147483647, '',
                           %1$s + to_seconds(p * 60), %1$s + to_seconds(p * 60 + 50), 20000, (i * p) %% 1001, 4000, true, 1
                    FROM range(%2$d) t(i), range(1, 4) pages(p)
                    ORDER BY i""".formatted(at, sessions));
            s.execute("""
                    INSERT INTO custom_events
                    SELECT 'p1', md5(i::VARCHAR), 3, %1$s + to_seconds(200), 'shop.example/p1', 'DESKTOP', 'purchase'
                    FROM range(%2$d) t(i) WHERE i %% 10 = 0""".formatted(at, sessions));
            s.execute("""
                    INSERT INTO session_insights
                    SELECT '2:p1/' || md5(i::VARCHAR), 'p1', md5(i::VARCHAR), 1, 0, 0, i %% 3, 0, i %% 2, 0
                    FROM range(%2$d) t(i) WHERE i %% 20 = 0""".formatted(at, sessions));
            s.execute("CHECKPOINT");
        }
        System.out.printf("history: %,d sessions, %,d page views written in %.1f s%n", sessions, sessions * 3,
                (System.nanoTime() - t0) / 1e9);
    }
}
