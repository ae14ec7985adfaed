package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.PageViewSummary;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.StoredClick;
import dev.sightline.contract.store.TimelineMarker;
import dev.sightline.demo.DemoSite;
import dev.sightline.ingest.kafka.KafkaBroker;
import dev.sightline.ingest.kafka.KafkaSettings;
import dev.sightline.store.s3.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The foundation end to end: a visitor in headless Chromium goes through the demo site with the real
 * tracker; the server stores the session (pages, clicks anchored to their elements, the error, the
 * custom event, the hashed identity) with every typed secret masked; and the dashboard's player
 * replays the visit — with the embedded engines, and again with the ingest log on Kafka and the
 * recordings in S3 (a real KRaft broker and S3 API server started by the test).
 */
@Tag("browser")
class RecordedVisitReplayTest {
    private static final String NAME = "Ada Quuxwellington";
    private static final String EMAIL = "ada.quux@example.com";
    private static final String PASSWORD = "Zebra-Violin-8342";
    private static final String GOALS = "hidden wombat goals";

    @TempDir
    Path data;

    @Test
    void aVisitThroughTheTrackerIsStoredWithMaskedInputsAndReplaysInThePlayer() throws Exception {
        recordAndReplay(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true), List.of(data));
    }

    @Test
    void theSameVisitGoesThroughKafkaAndIntoS3AndReplaysTheSame(@TempDir Path engines) throws Exception {
        Path objects = engines.resolve("s3");
        java.nio.file.Files.createDirectories(objects);
        try (KafkaBroker kafka = KafkaBroker.start(engines.resolve("kafka")); S3Server s3 = S3Server.start(objects)) {
            Backends backends = new Backends(Optional.of(KafkaSettings.of(kafka.bootstrapServers())),
                    Optional.of(s3.settings("recordings-bucket")));
            recordAndReplay(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true).withBackends(backends),
                    List.of(data, objects, engines.resolve("kafka")));
        }
        assertThat(data.resolve("recordings")).as("no recordings on local disk").doesNotExist();
        assertThat(data.resolve("ingest-log")).as("no local ingest log").doesNotExist();
        assertThat(DataScan.find(objects, List.of("pricing-title"))).as("the recorded pages are in the bucket").isNotEmpty();
    }

    /** The visit, the stored session, the replay; then no typed secret in any of the scanned folders. */
    private static void recordAndReplay(SightlineConfig config, List<Path> scanned) throws Exception {
        Sightline sightline = new Sightline(config);
        String base = "http://localhost:" + sightline.start();
        String sessionId;
        List<String> apiBodies = new java.util.ArrayList<>();
        try {
            visitTheDemo(base);
            SessionDetail detail = awaitSession(sightline, 5);
            sessionId = detail.summary().sessionId();

            assertThat(detail.summary().deviceClass()).isEqualTo(DeviceClass.DESKTOP);
            assertThat(detail.summary().browser()).isEqualTo("Chrome");
            assertThat(detail.summary().bot()).isFalse();
            assertThat(detail.pages()).extracting(PageViewSummary::url).containsExactly(
                    base + "/demo/", base + "/demo/pricing.html", base + "/demo/pricing.html?billing=yearly",
                    base + "/demo/signup.html", base + "/demo/signup.html?done=1");
            assertThat(detail.pages().get(0).maxScrollPermille()).isGreaterThan(300);

            List<StoredClick> clicks = sightline.events().clicks(DemoSite.PROJECT_ID, sessionId);
            for (String selector : List.of("#cta-pricing", "#billing-yearly", "#apply-coupon", "#signup-submit")) {
                StoredClick click = clicks.stream().filter(c -> c.selector().equals(selector)).findFirst()
                        .orElseThrow(() -> new AssertionError("no stored click on " + selector + " in " + clicks));
                // Playwright clicks the middle of an element's box.
                assertThat(click.relX()).as("relX of %s", selector).isBetween(4500, 5500);
                assertThat(click.relY()).as("relY of %s", selector).isBetween(4000, 6000);
                assertThat(click.width()).isPositive();
            }
            assertThat(detail.markers()).anySatisfy(m -> {
                assertThat(m.kind()).isEqualTo(TimelineMarker.Kind.ERROR);
                assertThat(m.pageNumber()).isEqualTo(3);
            });
            assertThat(detail.markers()).anySatisfy(m -> {
                assertThat(m.kind()).isEqualTo(TimelineMarker.Kind.EVENT);
                assertThat(m.label()).isEqualTo("signup");
            });
            assertThat(detail.summary().userHash()).isEqualTo(sha256(EMAIL));

            replayInThePlayer(base, detail, apiBodies);
        } finally {
            sightline.close();
        }

        List<String> secrets = List.of(NAME, EMAIL, PASSWORD, GOALS, "Quuxwellington", "Zebra-Violin");
        assertThat(apiBodies).isNotEmpty().allSatisfy(body -> assertThat(secrets).noneMatch(body::contains));
        for (Path folder : scanned) {
            assertThat(DataScan.find(folder, secrets)).as("secrets found in " + folder).isEmpty();
        }
    }

    private static void visitTheDemo(String base) {
        try (BrowserContext visitor = Chromium.visitor(1280, 800, false)) {
            Page page = visitor.newPage();
            page.waitForResponse(r -> r.url().endsWith("/collect") && r.status() == 200,
                    () -> page.navigate(base + "/demo/"));
            page.mouse().move(400, 300);
            page.mouse().wheel(0, 1400);
            page.waitForTimeout(600);
            page.mouse().wheel(0, -1400);
            page.waitForTimeout(300);
            page.click("#cta-pricing");
            page.waitForURL("**/pricing.html");
            page.waitForTimeout(700);
            page.click("#billing-yearly");
            page.waitForURL("**/pricing.html?billing=yearly");
            page.waitForTimeout(300);
            page.click("#apply-coupon");
            page.waitForTimeout(300);
            page.click("#nav-signup");
            page.waitForURL("**/signup.html");
            page.locator("#signup-name").pressSequentially(NAME);
            page.locator("#signup-email").pressSequentially(EMAIL);
            page.locator("#signup-password").pressSequentially(PASSWORD);
            page.locator("#signup-goals").pressSequentially(GOALS);
            page.check("#signup-terms");
            page.click("#signup-submit");
            page.waitForURL("**/signup.html?done=1");
            page.waitForTimeout(1200);
            page.close(new Page.CloseOptions().setRunBeforeUnload(true));
        }
    }

    private static SessionDetail awaitSession(Sightline sightline, int pages) throws InterruptedException {
        long deadline = System.nanoTime() + 40_000_000_000L;
        Optional<SessionDetail> detail = Optional.empty();
        while (System.nanoTime() < deadline) {
            sightline.awaitProcessed(5, java.util.concurrent.TimeUnit.SECONDS);
            SessionList list = sightline.events().sessions(new SessionQuery(DemoSite.PROJECT_ID,
                    Instant.now().minusSeconds(3600), Instant.now().plusSeconds(60), true, SessionSort.START_TIME, 10, 0));
            if (list.total() == 1) {
                detail = sightline.events().session(DemoSite.PROJECT_ID, list.sessions().get(0).sessionId());
                boolean signupArrived = detail.get().markers().stream().anyMatch(m -> m.kind() == TimelineMarker.Kind.EVENT);
                if (detail.get().pages().size() >= pages && signupArrived) {
                    return detail.get();
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the visit did not arrive complete; last seen: " + detail);
    }

    private static void replayInThePlayer(String base, SessionDetail detail, List<String> apiBodies) {
        try (BrowserContext dashboard = Chromium.dashboard()) {
            APIResponse setup = dashboard.request().post(base + "/api/auth/setup", RequestOptions.create()
                    .setData(Map.of("email", "owner@example.com", "password", "player test password")));
            assertThat(setup.status()).isEqualTo(200);
            String api = base + "/api/projects/" + DemoSite.PROJECT_ID + "/sessions/" + detail.summary().sessionId();
            apiBodies.add(dashboard.request().get(api).text());
            JsonNode chunks = readJson(dashboard.request().get(api + "/recording").text()).get("chunks");
            assertThat(chunks.size()).isGreaterThanOrEqualTo(5);
            StringBuilder recording = new StringBuilder();
            for (JsonNode chunk : chunks) {
                String body = dashboard.request().get(base + chunk.get("url").asText()).text();
                apiBodies.add(body);
                recording.append(body);
            }
            assertThat(recording.toString()).as("the typed name is recorded as masked characters")
                    .contains("\"" + "*".repeat(NAME.length()) + "\"");

            PageViewSummary pricing = detail.pages().get(1);
            long offset = pricing.startedAt().toEpochMilli() - detail.summary().startedAt().toEpochMilli() + 600;
            Page player = dashboard.newPage();
            player.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/recordings/" + detail.summary().sessionId() + "?t=" + offset);
            player.waitForFunction("() => ['ready', 'paused', 'playing', 'ended'].includes(document.body.dataset.playerState)");
            assertThat((String) player.evaluate("() => document.querySelector('iframe').getAttribute('sandbox')"))
                    .isEqualTo("allow-same-origin");
            Frame replay = player.frames().stream().filter(f -> f != player.mainFrame()).findFirst()
                    .orElseThrow(() -> new AssertionError("the player shows no replay frame"));
            replay.waitForSelector("#pricing-title");
            assertThat(replay.locator("#pricing-title").textContent()).isNotBlank();
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return Uploads.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
