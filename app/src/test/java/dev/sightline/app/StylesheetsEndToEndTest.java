package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.PageViewSummary;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.stylesheets.StylesheetHashes;
import dev.sightline.demo.DemoSite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stylesheets by content hash through the real tracker, server and stores: a visitor sees two demo
 * pages; the first page view sends demo.css once, the second only its hash. Replaying the SECOND page
 * view and drawing the second page's heatmap (whose snapshot is that page view) still shows the page
 * styled — the case that broke when the stylesheet was simply sent once per session.
 */
@Tag("browser")
class StylesheetsEndToEndTest {
    private static final Pattern HASH = Pattern.compile("\"_cssHash\":\"([0-9a-f]{64})\"");
    /** demo.css makes the header sticky and takes the body's margin away: an unstyled page has neither. */
    private static final String STYLED = "d => { const h = d.querySelector('.site-header');"
            + " return !!h && getComputedStyle(h).position === 'sticky' && getComputedStyle(d.body).marginTop === '0px'; }";

    @TempDir
    static Path data;
    static Sightline sightline;
    static String base;
    static SessionDetail visit;
    static BrowserContext dashboard;

    @BeforeAll
    static void aVisitorSeesTwoDemoPages() throws Exception {
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true));
        base = "http://localhost:" + sightline.start();
        try (BrowserContext visitor = Chromium.visitor(1280, 800, false)) {
            Page page = visitor.newPage();
            page.waitForResponse(r -> r.url().endsWith("/collect") && r.status() == 200, () -> page.navigate(base + "/demo/"));
            page.click("#cta-pricing");
            page.waitForURL("**/pricing.html");
            page.waitForResponse(r -> r.url().endsWith("/collect") && r.status() == 200, () -> { });
            page.close(new Page.CloseOptions().setRunBeforeUnload(true));
        }
        visit = awaitVisit();
        dashboard = Chromium.dashboard();
        APIResponse setup = dashboard.request().post(base + "/api/auth/setup", RequestOptions.create()
                .setData(Map.of("email", "owner@example.com", "password", "stylesheet test password")));
        assertThat(setup.status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        sightline.close();
    }

    @Test
    void theSecondPageViewIsStoredWithTheHashOnlyAndTheStylesheetIsServedByItsHash() {
        String first = recording(1);
        String second = recording(2);
        List<String> hashes = hashes(second);
        assertThat(hashes).as("the second page view refers to demo.css by hash").isNotEmpty();
        assertThat(hashes(first)).containsAll(hashes);
        assertThat(second).as("no inline stylesheet text in the second page view").doesNotContain(".site-header .container");

        String api = base + "/api/projects/" + DemoSite.PROJECT_ID + "/stylesheets/";
        APIResponse css = dashboard.request().get(api + hashes.get(0));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.headers().get("content-type")).startsWith("text/css");
        assertThat(css.headers().get("cache-control")).contains("immutable");
        assertThat(css.text()).contains(".site-header");
        assertThat(StylesheetHashes.of(css.body())).isEqualTo(hashes.get(0));
        assertThat(dashboard.request().get(api + "0".repeat(64)).status()).isEqualTo(404);
        Http anonymous = new Http(base);
        assertThat(anonymous.get("/api/projects/" + DemoSite.PROJECT_ID + "/stylesheets/" + hashes.get(0)).status()).isEqualTo(401);
    }

    @Test
    void anUploadWhoseStylesheetDoesNotMatchItsHashIsRefusedWithItsReasonAndNothingIsStored() {
        String genuine = "body{color:#000}";
        String hash = StylesheetHashes.of(genuine.getBytes(StandardCharsets.UTF_8));
        ObjectNode upload = Uploads.upload(DemoSite.SITE_KEY, "css-forgery-1", 1, 0);
        upload.putObject("css").put(hash, "body{background:url(https://attacker.example/beacon)}");

        Http.Response refused = new Http(base).postBytes("/collect", Uploads.bytes(upload), null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("stylesheet_hash_mismatch");
        assertThat(refused.json().get("reason").asText()).contains(hash);
        assertThat(sightline.stylesheets().find(DemoSite.PROJECT_ID, hash)).isEmpty();
    }

    @Test
    void replayingTheSecondPageViewShowsThePageStyled() {
        PageViewSummary pricing = visit.pages().get(1);
        long offset = pricing.startedAt().toEpochMilli() - visit.summary().startedAt().toEpochMilli() + 600;
        Page player = dashboard.newPage();
        player.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/recordings/" + visit.summary().sessionId() + "?t=" + offset);
        player.waitForFunction("() => ['ready', 'paused', 'playing', 'ended'].includes(document.body.dataset.playerState)");
        Frame replay = player.frames().stream().filter(f -> f != player.mainFrame()).findFirst()
                .orElseThrow(() -> new AssertionError("the player shows no replay frame"));
        replay.waitForSelector("#pricing-title");
        replay.waitForFunction("() => (" + STYLED + ")(document)");
        player.close();
    }

    @Test
    void theSecondPagesHeatmapIsDrawnOverAStyledSnapshot() {
        String pageKey = base.substring("http://".length()) + "/demo/pricing.html";
        assertThat(sightline.snapshots().find(new SnapshotKey(DemoSite.PROJECT_ID, pageKey, DeviceClass.DESKTOP)))
                .as("the heatmap background is the second page view").hasValueSatisfying(s -> assertThat(s.pageNumber()).isEqualTo(2));
        Page page = dashboard.newPage();
        page.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/heatmaps/view?page=" + URLEncoder.encode(pageKey, StandardCharsets.UTF_8));
        page.waitForSelector("#heatmap-map-a[data-heatmap-state='ready']");
        Frame snapshot = page.frames().stream().filter(f -> f != page.mainFrame()).findFirst()
                .orElseThrow(() -> new AssertionError("the heatmap shows no snapshot frame"));
        assertThat((Boolean) snapshot.evaluate("() => (" + STYLED + ")(document)")).as("the snapshot is styled").isTrue();
        page.close();
    }

    private static String recording(int pageNumber) {
        String api = base + "/api/projects/" + DemoSite.PROJECT_ID + "/sessions/" + visit.summary().sessionId();
        JsonNode chunks = readJson(dashboard.request().get(api + "/recording").text()).get("chunks");
        StringBuilder text = new StringBuilder();
        for (JsonNode chunk : chunks) {
            if (chunk.get("page").asInt() == pageNumber) {
                text.append(dashboard.request().get(base + chunk.get("url").asText()).text());
            }
        }
        return text.toString();
    }

    private static List<String> hashes(String recording) {
        List<String> hashes = new ArrayList<>();
        for (Matcher m = HASH.matcher(recording); m.find(); ) {
            hashes.add(m.group(1));
        }
        return hashes;
    }

    private static SessionDetail awaitVisit() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            sightline.awaitProcessed(5, TimeUnit.SECONDS);
            SessionList list = sightline.events().sessions(new SessionQuery(DemoSite.PROJECT_ID,
                    Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60), true, SessionSort.START_TIME, 10, 0));
            Optional<SessionDetail> detail = list.sessions().stream()
                    .map(s -> sightline.events().session(DemoSite.PROJECT_ID, s.sessionId()).orElseThrow())
                    .filter(d -> d.pages().size() == 2).findFirst();
            String pricingKey = base.substring("http://".length()) + "/demo/pricing.html";
            if (detail.isPresent() && sightline.snapshots().find(new SnapshotKey(DemoSite.PROJECT_ID, pricingKey, DeviceClass.DESKTOP)).isPresent()) {
                return detail.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the two page views did not arrive");
    }

    private static JsonNode readJson(String text) {
        try {
            return Uploads.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
