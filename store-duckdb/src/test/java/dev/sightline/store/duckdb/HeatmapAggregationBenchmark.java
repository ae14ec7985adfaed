package dev.sightline.store.duckdb;

import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQueries;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageListQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.heatmap.PagePattern;
import dev.sightline.contract.heatmap.PointMap;
import dev.sightline.contract.store.DeviceClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * Not a test: times the heatmap aggregation of {@link DuckDbEventStore#heatmaps()} over one page with
 * many stored clicks (10 million by default), on this machine; see the module README for the command
 * and the figures. Every stored click is on the measured page and device class, the worst case: the
 * query reads them all. Shape: 2 clicks per element visit, 5 clicks per page view, one page view per
 * session, 60 elements of skewed popularity and sizes from 40 to 1440 px, clicks around each element's
 * centre, 30 days of traffic, 1 % bot sessions. The data is written straight into the tables once
 * and kept in the temp folder for later runs.
 *
 * <p>Arguments: clicks (10000000), warm runs per query (5). The last line, {@code RESULT …}, is for the
 * benchmark harness: the median warm time of the click heatmap (all clicks of 30 days).
 */
public final class HeatmapAggregationBenchmark {

    private static final String PROJECT = "p1";
    private static final String PAGE = "shop.example/product";
    private static final Instant END = Instant.parse("2026-04-01T00:00:00Z");
    private static final int CLICKS_PER_PAGE_VIEW = 5;

    private HeatmapAggregationBenchmark() {
    }

    @FunctionalInterface
    private interface Supplier<T> {
        T get();
    }

    public static void main(String[] args) throws Exception {
        long clicks = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path kept = Path.of(System.getProperty("java.io.tmpdir"), "sightline-heatmap-bench-" + clicks);
        if (!Files.exists(kept.resolve(DuckDbEventStore.FILE_NAME))) {
            fill(kept, clicks);
        }
        Path dir = Files.createTempDirectory("sightline-heatmap-bench");
        Files.copy(kept.resolve(DuckDbEventStore.FILE_NAME), dir.resolve(DuckDbEventStore.FILE_NAME),
                StandardCopyOption.REPLACE_EXISTING);
        Map<String, double[]> results = new LinkedHashMap<>();
        try (DuckDbEventStore store = new DuckDbEventStore(dir)) {
            HeatmapQueries heatmaps = store.heatmaps();
            HeatmapQuery month = query(new PageScope.Page(PAGE), Duration.ofDays(30));
            HeatmapQuery week = query(new PageScope.Page(PAGE), Duration.ofDays(7));
            HeatmapQuery group = query(new PageScope.Group(new PagePattern("/product")), Duration.ofDays(30));
            PointMap map = heatmaps.points(month, HeatmapLayer.CLICKS);
            System.out.printf("click heatmap: %,d clicks, %,d sessions (%s), %d elements, %,d cells%n", map.points(),
                    map.sessions(), map.sessionsEstimated() ? "estimated" : "exact", map.elements().size(), map.bins().size());
            results.put("click heatmap, 30 days", time(runs, () -> heatmaps.points(month, HeatmapLayer.CLICKS)));
            results.put("click heatmap, 7 days", time(runs, () -> heatmaps.points(week, HeatmapLayer.CLICKS)));
            results.put("click heatmap of a page group, 30 days", time(runs, () -> heatmaps.points(group, HeatmapLayer.CLICKS)));
            results.put("first-click layer, 30 days", time(runs, () -> heatmaps.points(month, HeatmapLayer.FIRST_CLICKS)));
            results.put("scroll map, 30 days", time(runs, () -> heatmaps.scroll(month)));
            results.put("page traffic, 30 days", time(runs, () -> heatmaps.traffic(month)));
            results.put("index of pages, 30 days", time(runs, () -> heatmaps.pages(new PageListQuery(PROJECT,
                    Optional.of(DeviceClass.DESKTOP), END.minus(Duration.ofDays(30)), END, false, "", 100))));
        }
        System.out.printf("%-40s %8s %10s %8s %12s%n", "query", "cold ms", "median ms", "max ms", "CPU ms (2 cores)");
        results.forEach((name, t) -> System.out.printf("%-40s %8.0f %10.0f %8.0f %12.0f%n", name, t[0], t[1], t[2], t[3]));
        System.out.printf("RESULT click-heatmap-ms=%.0f clicks=%d%n", results.get("click heatmap, 30 days")[1], clicks);
        Files.delete(dir.resolve(DuckDbEventStore.FILE_NAME));
        Files.delete(dir);
    }

    private static HeatmapQuery query(PageScope scope, Duration window) {
        return new HeatmapQuery(PROJECT, scope, Optional.of(DeviceClass.DESKTOP), END.minus(window), END, false);
    }

    /**
     * Cold (first) time, median and maximum of the warm runs, and the median CPU time of the warm runs
     * (user + system of the process, DuckDB's threads included), in milliseconds. On a machine shared
     * with other work the CPU time shows what the query costs whatever the load.
     */
    private static double[] time(int runs, Supplier<?> query) throws java.io.IOException {
        List<Double> warm = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        double cold = 0;
        for (int run = 0; run <= runs; run++) {
            long c0 = processCpuMillis();
            long t0 = System.nanoTime();
            query.get();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (run == 0) {
                cold = ms;
            } else {
                warm.add(ms);
                cpu.add((double) (processCpuMillis() - c0));
            }
        }
        warm.sort(Double::compare);
        cpu.sort(Double::compare);
        return new double[] {cold, warm.get(warm.size() / 2), warm.get(warm.size() - 1), cpu.get(cpu.size() / 2)};
    }

    /** User plus system CPU time of this process (Linux: /proc/self/stat, in ticks of 10 ms). */
    private static long processCpuMillis() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private static void fill(Path dir, long clicks) throws Exception {
        long t0 = System.nanoTime();
        long views = clicks / CLICKS_PER_PAGE_VIEW;
        String from = END.minus(Duration.ofDays(30)).toString().replace("T", " ").replace("Z", "");
        String at = "(TIMESTAMP '%s' + to_microseconds((i::HUGEINT * 2592000000000 // %d)::BIGINT))".formatted(from, views);
        try (DuckDbDatabase database = DuckDbDatabase.open(dir.resolve(DuckDbEventStore.FILE_NAME), EventSchema.MIGRATIONS);
             DuckDBConnection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO sessions
                    SELECT '2:p1/' || substr(md5(i::VARCHAR), 1, 20), 'p1', substr(md5(i::VARCHAR), 1, 20),
                           substr(md5((i // 2)::VARCHAR), 1, 20), %1$s, %1$s, %1$s + INTERVAL 2 MINUTE, 1, 5, 0, 60000,
                           2, 0, 'DESKTOP', 'Chrome', '156', 'Linux', 'DE', i %% 100 = 99, 0, 'https://shop.example/',
                           '', '', 'DIRECT', '', '', '', '', '', 1, 'https://shop.example/product', -1, NULL, i %% 2 = 0
                    FROM range(%2$d) t(i)""".formatted(at, views));
            s.execute("""
                    INSERT INTO page_views
                    SELECT 'p1', substr(md5(i::VARCHAR), 1, 20), 1, %1$s, 0, 'https://shop.example/product',
                           'shop.example/product', 'DESKTOP', 1440, 900, 0, 'Product', 2147483647, '', %1$s,
                           %1$s + INTERVAL 2 MINUTE, 60000, 225 + (hash(i) %% 776)::INTEGER, 4000, true, 2
                    FROM range(%2$d) t(i)""".formatted(at, views));
            s.execute("""
                    INSERT INTO clicks
                    SELECT 'p1', substr(md5((i // 5)::VARCHAR), 1, 20), 1,
                           TIMESTAMP '%1$s' + to_microseconds(((i // 5)::HUGEINT * 2592000000000 // %2$d)::BIGINT
                               + (i %% 5) * 2000000),
                           'shop.example/product', 'DESKTOP', 1440,
                           (40 + e * 23 + rx * w // 10000)::INTEGER, (300 + e * 61 + ry * h // 10000)::INTEGER,
                           'main>section:nth-of-type(' || (e + 1) || ')>a.btn', rx, ry, 'a', 'Element ' || e, 1, w, h
                    FROM (SELECT i, e, 40 + (e * 97) %% 1400 AS w, 20 + (e * 37) %% 300 AS h,
                                 least(10000, greatest(0, 5000 + (hash(i, 1) %% 3000)::INTEGER - 1500
                                     + (hash(i, 2) %% 3000)::INTEGER - 1500)) AS rx,
                                 least(10000, greatest(0, 5000 + (hash(i, 3) %% 3000)::INTEGER - 1500
                                     + (hash(i, 4) %% 3000)::INTEGER - 1500)) AS ry
                          FROM (SELECT i, floor(60 * pow((hash(i) %% 100000) / 100000.0, 3))::INTEGER AS e
                                FROM range(%3$d) t(i)))""".formatted(from, views, clicks));
            s.execute("CHECKPOINT");
        }
        System.out.printf("stored %,d clicks, %,d page views and sessions in %.1f s%n", clicks, views,
                (System.nanoTime() - t0) / 1e9);
    }
}
