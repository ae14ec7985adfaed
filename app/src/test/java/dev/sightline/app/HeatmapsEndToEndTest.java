package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import com.sun.net.httpserver.HttpServer;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.heatmap.ScrollMap;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.demo.DemoSite;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heatmaps end to end: headless Chromium visits a page with the real tracker at 1440 px and at 390 px,
 * clicking known elements a known number of times and stopping at known depths; the dashboard's
 * heatmap lists exactly those counts, draws every click inside its element's box in the page
 * snapshot (checked with the snapshot's own elementsFromPoint), reads the exact reach shares, exports,
 * compares, and still renders after the page's recordings were deleted.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HeatmapsEndToEndTest {
    private static final double[][] SPOTS = {{0.15, 0.3}, {0.85, 0.7}, {0.5, 0.5}, {0.3, 0.8}, {0.7, 0.2}};
    private static final Map<String, Long> DESKTOP_CLICKS = Map.of("#buy-pro", 3L, "#buy-basic", 1L, "#buy-team", 1L, "#headline", 1L);
    private static final Map<String, Long> PHONE_CLICKS = Map.of("#buy-pro", 1L, "#buy-team", 2L, "#buy-basic", 1L, "#menu-toggle", 1L);
    private static final Map<String, Long> ALL_CLICKS = Map.of("#buy-pro", 4L, "#buy-team", 3L, "#buy-basic", 2L, "#headline", 1L,
            "#menu-toggle", 1L);

    @TempDir
    static Path data;
    static Sightline sightline;
    static HttpServer site;
    static String base;
    static String pageKey;
    static BrowserContext dashboard;

    @BeforeAll
    static void visitThePageOnADesktopAndAPhone() throws Exception {
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true));
        base = "http://localhost:" + sightline.start();
        site = servePage(base);
        String landing = "http://localhost:" + site.getAddress().getPort() + "/landing.html";
        pageKey = "localhost:" + site.getAddress().getPort() + "/landing.html";

        // Desktop visits stop with the viewport's bottom at 100 %, 60 %, 40 % and 22.5 % (no scroll) of 4000 px.
        visit(landing, false, List.of("#buy-pro", "#buy-pro", "#buy-basic", "#headline"), 3100);
        visit(landing, false, List.of("#buy-pro", "#buy-team"), 1500);
        visit(landing, false, List.of(), 700);
        visit(landing, false, List.of(), 0);
        visit(landing, true, List.of("#buy-pro", "#buy-team", "#buy-team", "#menu-toggle"), 0);
        visit(landing, true, List.of("#buy-basic"), 0);
        awaitStored();

        dashboard = Chromium.dashboard();
        APIResponse setup = dashboard.request().post(base + "/api/auth/setup", RequestOptions.create()
                .setData(Map.of("email", "owner@example.com", "password", "heatmap test password")));
        assertThat(setup.status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (site != null) {
            site.stop(0);
        }
        sightline.close();
    }

    @Test
    @Order(1)
    void theDesktopHeatmapListsExactlyTheClicksAndDrawsEachInsideItsElement() {
        Page page = dashboard.newPage();
        page.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/heatmaps");
        page.locator("#heatmap-pages .page-row[data-page-key='" + pageKey + "'] .page-link").click();
        awaitReady(page, "a");

        assertThat(listedCounts(page)).isEqualTo(DESKTOP_CLICKS);
        assertDrawnInsideTheirElements(page, "a", DESKTOP_CLICKS);
        assertThat(page.locator("#summary-points strong").textContent()).isEqualTo("6");
        assertThat(page.locator("#missing-summary").count()).isZero();

        page.locator("#element-list .element-row[data-selector='#buy-pro']").click();
        assertThat(page.locator("#selected-outline").isVisible()).isTrue();
        clickOnTheMap(page, "(() => { const p = window.__sightlineHeatmap.drawn.find(d => d.selector === '#buy-team'); return [p.x, p.y]; })()");
        page.waitForSelector("#element-list .element-row.selected[data-selector='#buy-team']");
        page.close();
    }

    @Test
    @Order(2)
    void anAreaCountsTheClicksOnAnElementAndEverythingInsideIt() {
        Page page = open("&tab=area");
        clickOnTheMap(page, "(() => { const r = document.querySelector('#heatmap-map-a iframe').contentDocument"
                + ".querySelector('.plans').getBoundingClientRect(); return [r.left + 4, r.top + 4]; })()");
        page.waitForSelector("#area-sessions:not(:text('…'))");
        assertThat(page.locator("#area-points").textContent()).isEqualTo("5");
        assertThat(page.locator("#area-share").textContent()).isEqualTo("83 %");
        assertThat(page.locator("#area-sessions").textContent()).isEqualTo("2");
        page.close();
    }

    @Test
    @Order(3)
    void thePhoneHeatmapIsDrawnOverThePhoneSnapshot() {
        Page page = open("&device=mobile");

        assertThat(listedCounts(page)).isEqualTo(PHONE_CLICKS);
        assertThat(((Number) page.evaluate("() => window.__sightlineHeatmap.width")).intValue()).isEqualTo(390);
        assertDrawnInsideTheirElements(page, "a", PHONE_CLICKS);
        page.close();
    }

    @Test
    @Order(4)
    void clicksFromBothWidthsLandOnTheSameButtonsAndAClickOnAnElementTheSnapshotLacksIsReported() {
        Page page = open("&device=all");

        assertThat(listedCounts(page)).isEqualTo(ALL_CLICKS);
        assertThat(((Number) page.evaluate("() => window.__sightlineHeatmap.width")).intValue()).isEqualTo(1440);
        Map<String, Long> anchored = new HashMap<>(ALL_CLICKS);
        anchored.remove("#menu-toggle");
        assertDrawnInsideTheirElements(page, "a", anchored);
        assertThat(((Number) page.evaluate("() => window.__sightlineHeatmap.missingPoints")).intValue()).isEqualTo(1);
        assertThat(page.locator("#missing-summary").textContent()).startsWith("1 clicks");
        assertThat(page.locator("#element-list .element-row[data-selector='#menu-toggle'] .badge").textContent())
                .isEqualTo("Not in snapshot");
        assertThat((Boolean) page.evaluate("() => window.__sightlineHeatmap.drawn.some(p => p.selector === '#menu-toggle' && !p.anchored)"))
                .as("drawn at its page position").isTrue();
        page.close();
    }

    @Test
    @Order(5)
    void theScrollMapGivesTheExactShareOfPageViewsReachingEachDepth() {
        ScrollMap scroll = sightline.events().heatmaps().scroll(query(DeviceClass.DESKTOP));
        assertThat(scroll.pageViews()).isEqualTo(4);
        assertThat(scroll.share(22)).isEqualTo(1.0);
        assertThat(scroll.share(23)).isEqualTo(0.75);
        assertThat(scroll.share(40)).isEqualTo(0.75);
        assertThat(scroll.share(41)).isEqualTo(0.5);
        assertThat(scroll.share(60)).isEqualTo(0.5);
        assertThat(scroll.share(61)).isEqualTo(0.25);
        assertThat(scroll.share(100)).isEqualTo(0.25);
        assertThat(scroll.averageFoldPixels()).isEqualTo(900);

        Page page = open("&tab=scroll");
        assertReachLine(page, "0.75", 40);
        assertReachLine(page, "0.5", 60);
        assertReachLine(page, "0.25", 100);
        assertThat(page.locator("#scroll-panel tr[data-depth='50'] .reach-share").textContent()).isEqualTo("50 %");
        hoverAtDepth(page, 30);
        assertThat(page.locator("#scroll-readout").getAttribute("data-percent")).isEqualTo("30");
        assertThat(page.locator("#scroll-readout").textContent()).startsWith("75 % of page views reached this point · 30 %");
        hoverAtDepth(page, 80);
        assertThat(page.locator("#scroll-readout").textContent()).startsWith("25 % of page views reached this point · 80 %");
        page.close();
    }

    @Test
    @Order(6)
    void theElementListExportsAsCsvAndTheMapAsPng() throws Exception {
        Page page = open("");
        Download csv = page.waitForDownload(() -> page.click("#export-csv"));
        String text = Files.readString(csv.path());
        assertThat(text).startsWith("Rank,Element,Tag,Selector,Clicks,Share,Sessions,In snapshot\r\n");
        assertThat(text).contains("1,Buy Pro,button,#buy-pro,3,50 %,2,yes\r\n");
        Download png = page.waitForDownload(() -> page.click("#export-png"));
        byte[] image = Files.readAllBytes(png.path());
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.suggestedFilename()).endsWith(".png");
        page.close();
    }

    @Test
    @Order(7)
    void twoDevicesCompareSideBySideOnOneColourScale() {
        Page page = open("&compare=device&bdevice=mobile");
        awaitReady(page, "b");

        assertThat(page.locator("#heat-legend").textContent()).contains("same colour scale");
        assertDrawnInsideTheirElements(page, "a", DESKTOP_CLICKS);
        Map<String, Long> phone = new HashMap<>(PHONE_CLICKS);
        assertDrawnInsideTheirElements(page, "b", phone);
        assertThat(page.locator("#element-list .element-row[data-selector='#buy-team'] td").nth(3).textContent()).isEqualTo("2");
        page.close();
    }

    @Test
    @Order(8)
    void aMomentOfARecordingBecomesThePagesBackgroundFromThePlayer() {
        String sessionId = sightline.snapshots().find(new SnapshotKey(DemoSite.PROJECT_ID, pageKey, DeviceClass.DESKTOP))
                .orElseThrow().sessionId();
        Page player = dashboard.newPage();
        player.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/recordings/" + sessionId + "?t=1500");
        player.waitForFunction("() => ['ready', 'paused'].includes(document.body.dataset.playerState)");
        player.click("#pin-background");
        player.waitForSelector(".toast-success");
        assertThat(player.locator(".toast-success").textContent()).contains(pageKey);
        player.close();

        Page page = open("");
        assertThat(page.locator("#snapshot-info-a").textContent()).startsWith("Background chosen from a recording");
        assertDrawnInsideTheirElements(page, "a", DESKTOP_CLICKS);
        page.close();
    }

    @Test
    @Order(9)
    void aHeatmapStillRendersAfterThePagesRecordingsWereDeleted() {
        sightline.recordings().deleteDaysBefore(DemoSite.PROJECT_ID, LocalDate.now().plusDays(2));
        String sessions = dashboard.request().get(base + "/api/projects/demo/sessions").text();
        String sessionId = sessions.replaceAll("(?s).*?\"sessionId\":\"([^\"]+)\".*", "$1");
        assertThat(dashboard.request().get(base + "/api/projects/demo/sessions/" + sessionId + "/recording").text())
                .isEqualTo("{\"chunks\":[]}");

        Page page = open("&device=all");
        assertThat(listedCounts(page)).isEqualTo(ALL_CLICKS);
        Map<String, Long> anchored = new HashMap<>(ALL_CLICKS);
        anchored.remove("#menu-toggle");
        assertDrawnInsideTheirElements(page, "a", anchored);
        page.close();
    }

    // ---- helpers ----

    @Test
    @Order(8)
    void aSavedSegmentNarrowsTheMapAndTheElementListToItsSessions() {
        Page page = open("&device=all&f=" + URLEncoder.encode("device:equals:mobile", StandardCharsets.UTF_8));
        awaitDrawnPoints(page, 5);
        assertThat(listedCounts(page)).as("the phone visits' clicks on the all-devices map").isEqualTo(PHONE_CLICKS);

        page.click("#save-segment");
        page.fill("#segment-name", "Phone visits");
        page.click("#save-segment-confirm");
        page.waitForSelector("#segment option:text('Phone visits')", new Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.click("#clear-filters");
        awaitDrawnPoints(page, 11);
        assertThat(listedCounts(page)).isEqualTo(ALL_CLICKS);

        page.selectOption("#segment", new com.microsoft.playwright.options.SelectOption().setLabel("Phone visits"));
        awaitDrawnPoints(page, 5);
        assertThat(page.url()).contains("f=device%3Aequals%3Amobile");
        assertThat(page.locator("#summary-points strong").textContent()).isEqualTo("5");
        assertThat(listedCounts(page)).isEqualTo(PHONE_CLICKS);
        Map<String, Long> anchored = new HashMap<>(PHONE_CLICKS);
        anchored.remove("#menu-toggle");
        assertDrawnInsideTheirElements(page, "a", anchored);
        page.close();
    }

    /** Waits until side A's map is drawn with this many points in all. */
    private static void awaitDrawnPoints(Page page, int points) {
        page.waitForFunction("n => { const h = window.__sightlineHeatmap; return !!h && h.state === 'ready'"
                + " && h.drawn.reduce((sum, p) => sum + p.points, 0) === n; }", points);
    }

    private static HeatmapQuery query(DeviceClass device) {
        return new HeatmapQuery(DemoSite.PROJECT_ID, new PageScope.Page(pageKey), Optional.of(device),
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60), false);
    }

    private static Page open(String extra) {
        Page page = dashboard.newPage();
        page.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/heatmaps/view?page="
                + URLEncoder.encode(pageKey, StandardCharsets.UTF_8) + extra);
        awaitReady(page, "a");
        return page;
    }

    private static void awaitReady(Page page, String side) {
        page.waitForSelector("#heatmap-map-" + side + "[data-heatmap-state='ready']");
    }

    /** The element list as shown: selector → the number in its clicks column. */
    private static Map<String, Long> listedCounts(Page page) {
        page.waitForSelector("#element-list .element-row");
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) page.evaluate("() => Object.fromEntries([...document.querySelectorAll("
                + "'#element-list .element-row')].map(r => [r.dataset.selector, Number(r.querySelector('.points').textContent.replace(/\\D/g, ''))]))");
        Map<String, Long> result = new HashMap<>();
        counts.forEach((selector, n) -> result.put(selector, ((Number) n).longValue()));
        return result;
    }

    /**
     * Every click the map drew on an element sits inside that element's box in the snapshot, as the
     * snapshot's own {@code elementsFromPoint} says, and the drawn points add up to the expected counts.
     */
    private static void assertDrawnInsideTheirElements(Page page, String side, Map<String, Long> expected) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> drawn = (List<Map<String, Object>>) page.evaluate("side => {"
                + " const hook = side === 'a' ? window.__sightlineHeatmap : window.__sightlineHeatmapB;"
                + " const doc = document.querySelector('#heatmap-map-' + side + ' iframe').contentDocument;"
                + " return hook.drawn.filter(p => p.anchored).map(p => ({ selector: p.selector, points: p.points,"
                + "   inside: doc.elementsFromPoint(p.x, p.y).includes(doc.querySelector(p.selector)) })); }", side);
        Map<String, Long> totals = new HashMap<>();
        for (Map<String, Object> point : drawn) {
            assertThat(point.get("inside")).as("a point of %s is inside its box", point.get("selector")).isEqualTo(true);
            totals.merge((String) point.get("selector"), ((Number) point.get("points")).longValue(), Long::sum);
        }
        assertThat(totals).isEqualTo(expected);
    }

    /** The line where a share of page views stopped is drawn at that depth of the snapshot. */
    private static void assertReachLine(Page page, String share, int percent) {
        var line = page.locator(".scroll-line.reach[data-share='" + share + "']");
        assertThat(line.getAttribute("data-percent")).isEqualTo(Integer.toString(percent));
        double top = ((Number) line.evaluate("l => parseFloat(l.style.top)")).doubleValue();
        double height = ((Number) page.evaluate("() => window.__sightlineHeatmap.height * window.__sightlineHeatmap.scale")).doubleValue();
        assertThat(top).isCloseTo(percent / 100.0 * height, org.assertj.core.data.Offset.offset(0.5));
    }

    /** Clicks the map at a point of the snapshot, given as an expression answering [x, y] in snapshot pixels. */
    private static void clickOnTheMap(Page page, String snapshotPoint) {
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) page.evaluate("() => {"
                + " const [x, y] = " + snapshotPoint + ";"
                + " const s = window.__sightlineHeatmap.scale;"
                + " const viewport = document.querySelector('#heatmap-map-a .heatmap-viewport');"
                + " viewport.scrollTop = Math.max(0, y * s - 200);"
                + " const r = document.querySelector('#heatmap-map-a .heatmap-input').getBoundingClientRect();"
                + " return [r.left + x * s, r.top + y * s]; }");
        page.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue());
    }

    private static void hoverAtDepth(Page page, int percent) {
        @SuppressWarnings("unchecked")
        Map<String, Object> box = (Map<String, Object>) page.evaluate("percent => {"
                + " const input = document.querySelector('#heatmap-map-a .heatmap-input');"
                + " const h = window.__sightlineHeatmap.height * window.__sightlineHeatmap.scale;"
                + " input.parentElement.parentElement.scrollTop = Math.max(0, h * percent / 100 - 200);"
                + " const r = input.getBoundingClientRect();"
                + " return { x: r.left + r.width / 2, y: r.top + h * (percent + 0.5) / 100 }; }", percent);
        page.mouse().move(((Number) box.get("x")).doubleValue(), ((Number) box.get("y")).doubleValue());
        page.waitForSelector("#scroll-readout[data-percent='" + percent + "']");
    }

    private static void visit(String url, boolean phone, List<String> clicks, int scrollTo) {
        try (BrowserContext visitor = phone ? Chromium.visitor(390, 844, true) : Chromium.visitor(1440, 900, false)) {
            Page page = visitor.newPage();
            page.waitForResponse(r -> r.url().endsWith("/collect") && r.status() == 200, () -> page.navigate(url));
            for (int i = 0; i < clicks.size(); i++) {
                double[] spot = SPOTS[i % SPOTS.length];
                var box = page.locator(clicks.get(i)).boundingBox();
                page.locator(clicks.get(i)).click(new com.microsoft.playwright.Locator.ClickOptions()
                        .setPosition(box.width * spot[0], box.height * spot[1]));
            }
            if (scrollTo > 0) {
                page.evaluate("y => window.scrollTo(0, y)", scrollTo);
                page.waitForFunction("y => window.scrollY === y", scrollTo);
                page.waitForTimeout(400);
            }
            page.close(new Page.CloseOptions().setRunBeforeUnload(true));
        }
    }

    /** Waits until every click, every page view and both snapshots are stored. */
    private static void awaitStored() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (System.nanoTime() < deadline) {
            sightline.awaitProcessed(5, TimeUnit.SECONDS);
            long desktop = sightline.events().heatmaps().points(query(DeviceClass.DESKTOP), HeatmapLayer.CLICKS).points();
            long phone = sightline.events().heatmaps().points(query(DeviceClass.MOBILE), HeatmapLayer.CLICKS).points();
            long views = sightline.events().heatmaps().scroll(query(DeviceClass.DESKTOP)).pageViews();
            boolean snapshots = sightline.snapshots().find(new SnapshotKey(DemoSite.PROJECT_ID, pageKey, DeviceClass.DESKTOP)).isPresent()
                    && sightline.snapshots().find(new SnapshotKey(DemoSite.PROJECT_ID, pageKey, DeviceClass.MOBILE)).isPresent();
            if (desktop == 6 && phone == 5 && views == 4 && snapshots) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the visits did not arrive complete");
    }

    /** The test site, on a port of its own (another origin than Sightline), loading Sightline's tracker. */
    private static HttpServer servePage(String sightlineBase) throws Exception {
        byte[] html;
        try (InputStream in = HeatmapsEndToEndTest.class.getResourceAsStream("/heatmap-site/landing.html")) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{SIGHTLINE}}", sightlineBase)
                    .getBytes(StandardCharsets.UTF_8);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/landing.html", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
        server.start();
        return server;
    }
}
