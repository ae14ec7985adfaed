package dev.sightline.bench.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.sightline.app.Sightline;
import dev.sightline.app.SightlineConfig;
import dev.sightline.bench.BenchContext;
import dev.sightline.bench.Folders;
import dev.sightline.bench.Suite;
import dev.sightline.bench.browser.BenchChromium;
import dev.sightline.bench.ingest.CapturedVisit;
import dev.sightline.bench.report.Row;
import dev.sightline.bench.report.Target;
import dev.sightline.demo.DemoSite;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Replay: a 30-minute, 12-page session ({@link LongSession}) is uploaded through {@code /collect} to a
 * Sightline started for the run, then opened in the dashboard's player in headless Chromium, each
 * time in a fresh browser context (nothing cached). Measured from navigation start, in the page's own
 * clock: when the replay iframe first holds the first page's DOM, and when the player reports it can
 * play. Median of {@code --replay-runs} (default 5).
 */
public final class ReplaySuite implements Suite {
    private static final String SUITE = "replay";
    private static final String PASSWORD = "bench password 1234";
    /** Runs in every frame before the page's scripts; only the dashboard's top frame watches. */
    private static final String WATCH_FIRST_FRAME = """
            if (window === window.top) {
              const tick = () => {
                const frame = document.querySelector('#player iframe');
                const doc = frame && frame.contentDocument;
                if (doc && doc.querySelector('#hero-title')) { window.__firstFrameAt = performance.now(); return; }
                setTimeout(tick, 4);
              };
              tick();
            }""";

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        Path data = context.folder("replay").resolve("data");
        Folders.deleteTree(data);
        int runs = context.intOption("replay-runs", 5);
        Sightline sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true)
                .withSourceRate(1_000_000));
        try {
            String base = "http://127.0.0.1:" + sightline.start();
            String sessionId = "replay" + Long.toString(System.nanoTime(), 36);
            List<ObjectNode> uploads = LongSession.uploads(CapturedVisit.load(new ObjectMapper()), "v" + sessionId, sessionId,
                    System.currentTimeMillis() - (LongSession.PAGES * LongSession.PAGE_SECONDS + 60) * 1000L);
            SessionUploader.send(sightline.port(), uploads);
            if (!sightline.awaitProcessed(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the long session was not processed within 2 minutes");
            }
            double[] firstFrame = new double[runs];
            double[] ready = new double[runs];
            long recordingBytes;
            int chunks;
            try (BenchChromium chromium = new BenchChromium(); BrowserContext owner = chromium.dashboard()) {
                APIResponse setup = owner.request().post(base + "/api/auth/setup", RequestOptions.create()
                        .setData(Map.of("email", "bench@example.com", "password", PASSWORD)));
                if (setup.status() != 200) {
                    throw new IllegalStateException("setup failed: " + setup.status() + " " + setup.text());
                }
                String api = base + "/api/projects/" + DemoSite.PROJECT_ID + "/sessions/" + sessionId;
                JsonNode manifest = new ObjectMapper().readTree(owner.request().get(api + "/recording").text()).get("chunks");
                chunks = manifest.size();
                long bytes = 0;
                for (JsonNode chunk : manifest) {
                    bytes += chunk.get("bytes").asLong();
                }
                recordingBytes = bytes;
                for (int run = 0; run < runs; run++) {
                    try (BrowserContext viewer = chromium.dashboard()) {
                        APIResponse login = viewer.request().post(base + "/api/auth/login", RequestOptions.create()
                                .setData(Map.of("email", "bench@example.com", "password", PASSWORD)));
                        if (login.status() != 200) {
                            throw new IllegalStateException("login failed: " + login.status());
                        }
                        viewer.addInitScript(WATCH_FIRST_FRAME);
                        Page player = viewer.newPage();
                        player.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/recordings/" + sessionId);
                        firstFrame[run] = ((Number) player.waitForFunction("() => window.__firstFrameAt").jsonValue()).doubleValue();
                        ready[run] = ((Number) player.waitForFunction("() => ['ready', 'paused', 'playing', 'ended']"
                                + ".includes(document.body.dataset.playerState) && performance.now()").jsonValue()).doubleValue();
                    }
                }
            }
            Arrays.sort(firstFrame);
            Arrays.sort(ready);
            String what = String.format(Locale.ROOT, "30-min session, %d pages, %d chunks, %.1f MB gzip'd",
                    LongSession.PAGES, chunks, recordingBytes / 1e6);
            return List.of(
                    Row.of(SUITE, "first replayed frame after navigation (" + what + ")", firstFrame[runs / 2], "ms",
                            Target.below(1000, "< 1 s")),
                    Row.of(SUITE, "  player reports it can play (data-player-state)", ready[runs / 2], "ms", Target.none()));
        } finally {
            sightline.close();
        }
    }

}
