package dev.sightline.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.store.DeviceClass;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Not a test: how fast the heatmap page paints, in headless Chromium against a real Sightline over the
 * event file that store-duckdb's {@code HeatmapAggregationBenchmark} built (10 million clicks on one
 * page), with a snapshot of that page whose 60 elements carry the clicks. Reports the first
 * contentful paint and the moment the heatmap is drawn (the map's {@code data-heatmap-state} is
 * {@code ready}), both from the navigation's start, for a cold and some warm loads.
 *
 * <p>Argument: the events file (default {@code $TMPDIR/sightline-heatmap-bench-10000000/events.duckdb}).
 */
public final class HeatmapPageBenchmark {
    private static final String PROJECT = "p1";
    private static final String PAGE = "shop.example/product";

    private HeatmapPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path events = args.length > 0 ? Path.of(args[0])
                : Path.of(System.getProperty("java.io.tmpdir"), "sightline-heatmap-bench-10000000", "events.duckdb");
        if (!Files.exists(events)) {
            throw new IllegalStateException(events + " is missing: run store-duckdb's HeatmapAggregationBenchmark first");
        }
        Path data = Files.createTempDirectory("sightline-page-bench");
        Files.copy(events, data.resolve("events.duckdb"));
        List<double[]> loads = new ArrayList<>();
        try (Sightline sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0))) {
            String base = "http://localhost:" + sightline.start();
            sightline.metadata().saveProject(new Project(PROJECT, "Benchmark shop", "bench-key", List.of(),
                    MaskingMode.BALANCED, false, false, 30, 395, Instant.parse("2026-01-01T00:00:00Z")));
            sightline.snapshots().put(new PageSnapshot(new SnapshotKey(PROJECT, PAGE, DeviceClass.DESKTOP), "bench", 1,
                    Instant.parse("2026-03-31T12:00:00Z"), 1440, 900, false), snapshot());
            try (BrowserContext dashboard = Chromium.dashboard()) {
                dashboard.request().post(base + "/api/auth/setup", RequestOptions.create()
                        .setData(Map.of("email", "owner@example.com", "password", "benchmark password")));
                String url = base + "/p/" + PROJECT + "/heatmaps/view?page=shop.example%2Fproduct"
                        + "&range=custom&from=2026-03-02&to=2026-03-31";
                for (int run = 0; run < 4; run++) {
                    Page page = dashboard.newPage();
                    Map<String, Double> requests = new java.util.TreeMap<>();
                    page.onRequestFinished(request -> {
                        String path = request.url().replaceAll("^.*/heatmaps/([a-z/]+).*$", "$1");
                        if (request.url().contains("/heatmaps/")) {
                            requests.merge(path, request.timing().responseEnd, Math::max);
                        }
                    });
                    page.navigate(url);
                    page.waitForSelector("#heatmap-map-a[data-heatmap-state='ready']",
                            new Page.WaitForSelectorOptions().setTimeout(120_000));
                    double ready = ((Number) page.evaluate("() => performance.now()")).doubleValue();
                    double paint = ((Number) page.evaluate("() => performance.getEntriesByName('first-contentful-paint')[0]"
                            + "?.startTime ?? -1")).doubleValue();
                    int drawn = ((Number) page.evaluate("() => window.__sightlineHeatmap.drawn.length")).intValue();
                    loads.add(new double[] {paint, ready, drawn});
                    System.out.printf("load %d: answers (ms from request start): %s%n", run, requests);
                    page.close();
                }
            }
        }
        System.out.printf("%-6s %22s %22s %12s%n", "load", "first paint ms", "heatmap drawn ms", "points drawn");
        for (int i = 0; i < loads.size(); i++) {
            System.out.printf("%-6s %22.0f %22.0f %12.0f%n", i == 0 ? "cold" : "warm", loads.get(i)[0], loads.get(i)[1],
                    loads.get(i)[2]);
        }
        double[] paints = loads.stream().skip(1).mapToDouble(l -> l[0]).sorted().toArray();
        double[] drawns = loads.stream().skip(1).mapToDouble(l -> l[1]).sorted().toArray();
        System.out.printf("RESULT heatmap-first-paint-ms=%.0f heatmap-drawn-ms=%.0f%n", paints[paints.length / 2],
                drawns[drawns.length / 2]);
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        System.exit(0);
    }

    /** A recorded page of 60 sections, each holding the button the benchmark's clicks are on, sized as in the data. */
    private static byte[] snapshot() throws Exception {
        ArrayNode recording = Uploads.JSON.createArrayNode();
        long ts = Instant.parse("2026-03-31T12:00:00Z").toEpochMilli();
        recording.addObject().put("type", 4).put("timestamp", ts).putObject("data")
                .put("href", "https://shop.example/product").put("width", 1440).put("height", 900);
        ObjectNode full = recording.addObject().put("type", 2).put("timestamp", ts + 1);
        ObjectNode document = full.putObject("data").putObject("node").put("type", 0).put("id", 1);
        int[] id = {10};
        ObjectNode html = element(document.putArray("childNodes"), "html", id);
        ArrayNode htmlChildren = html.putArray("childNodes");
        element(htmlChildren, "head", id).putArray("childNodes");
        ObjectNode body = element(htmlChildren, "body", id);
        body.with("attributes").put("style", "margin:0;font-family:sans-serif");
        ObjectNode main = element(body.putArray("childNodes"), "main", id);
        ArrayNode sections = main.putArray("childNodes");
        for (int e = 0; e < 60; e++) {
            ObjectNode section = element(sections, "section", id);
            section.with("attributes").put("style", "padding:20px 40px;border-bottom:1px solid #ddd");
            ObjectNode button = element(section.putArray("childNodes"), "a", id);
            button.with("attributes").put("class", "btn").put("href", "#").put("style", "display:block;width:"
                    + (40 + (e * 97) % 1400) + "px;height:" + (20 + (e * 37) % 300) + "px;background:#3454d1;color:#fff");
            button.putArray("childNodes").addObject().put("type", 3).put("textContent", "Element " + e).put("id", id[0]++);
        }
        full.with("data").putObject("initialOffset").put("left", 0).put("top", 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(Uploads.JSON.writeValueAsBytes(recording));
        }
        return bytes.toByteArray();
    }

    private static ObjectNode element(ArrayNode parent, String tag, int[] id) {
        ObjectNode node = parent.addObject().put("type", 2).put("tagName", tag).put("id", id[0]++);
        node.putObject("attributes");
        return node;
    }
}
