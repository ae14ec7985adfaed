package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.demo.DemoSite;
import dev.sightline.insights.InsightSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insights bar: the labelled scenario suite in headless Chromium, with the real tracker and a
 * real Sightline (default thresholds; only the wait before analysis is shortened). Every visit is
 * analysed by the server from the stored streams; precision and recall per signal are printed and
 * must be 100 %. The same sessions then check the recordings filter, the rates, the JavaScript
 * errors view and form analytics through the HTTP API.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightScenariosTest {
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
    private static final int PARALLEL_VISITS = 6;
    private static final int NORM_SEEDS = 20;

    @TempDir
    static Path data;

    private Sightline sightline;
    private ScenarioSite site;
    private Http api;
    private List<ScenarioRunner.Visit> visits;
    private final Map<String, List<InsightEvent>> detected = new HashMap<>();

    @BeforeAll
    void runTheSuite() throws Exception {
        InsightSettings settings = InsightSettings.from(Map.of("insight-ended-grace-ms", "500",
                "insight-quiet-ms", "4000", "insight-sweep-ms", "200"));
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true)
                .withInsights(settings));
        String base = "http://127.0.0.1:" + sightline.start();
        site = new ScenarioSite(base);
        api = new Http(base).signUpOwner("owner@example.com", "insight scenarios password");

        seedTheDocsPagesNorm(base);
        awaitAnalysed();
        long started = System.nanoTime();
        visits = ScenarioRunner.run(InsightScenarios.all(site.base()), PARALLEL_VISITS, site.base());
        awaitAnalysed();
        System.out.printf("Insight scenario suite: %d visits ran and were analysed in %.1f s%n", visits.size(),
                (System.nanoTime() - started) / 1e9);
        for (ScenarioRunner.Visit visit : visits) {
            detected.put(visit.sessionId(), sightline.events().insights().events(DemoSite.PROJECT_ID, visit.sessionId()));
        }
    }

    @AfterAll
    void stop() {
        if (site != null) {
            site.close();
        }
        if (sightline != null) {
            sightline.close();
        }
    }

    @Test
    void everySignalIsDetectedWithFullPrecisionAndRecallOnTheLabelledScenarios() {
        ScenarioScore score = new ScenarioScore(visits, detected);
        System.out.println(score.table(visits.size()));
        score.mistakes.forEach(System.out::println);

        assertThat(score.mistakes).isEmpty();
        assertThat(score.byKind).allSatisfy((kind, counts) -> {
            assertThat(counts.precision()).as("precision of %s", kind).isEqualTo(1.0);
            assertThat(counts.recall()).as("recall of %s", kind).isEqualTo(1.0);
        });
    }

    @Test
    void theSuiteHasAtLeastFortyScenariosWithPositivesAndNearMissesForEverySignal() {
        assertThat(visits).hasSizeGreaterThanOrEqualTo(40);
        assertThat(visits).extracting(ScenarioRunner.Visit::sessionId).doesNotHaveDuplicates();
        for (InsightKind kind : InsightKind.values()) {
            long positives = visits.stream().filter(v -> v.scenario().expected.containsKey(kind)).count();
            long nearMisses = visits.stream().filter(v -> v.scenario().name.startsWith("near miss")
                    && v.scenario().steps.size() > 1 && !v.scenario().expected.containsKey(kind)).count();
            assertThat(positives).as("scenarios that must produce %s", kind).isGreaterThanOrEqualTo(3);
            assertThat(nearMisses).as("near misses that must not produce %s", kind).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theRecordingsFilterListsExactlyTheSessionsWithEachSignal() {
        for (InsightKind kind : InsightKind.values()) {
            JsonNode list = api.get("/api/projects/demo/sessions?limit=500&insight=" + kind.name().toLowerCase()).json();
            Set<String> listed = new HashSet<>();
            list.get("sessions").forEach(s -> {
                listed.add(s.get("sessionId").asText());
                assertThat(s.get("insights").get(kind.name()).asInt()).as("badge count of %s", kind).isPositive();
            });
            assertThat(listed).as("sessions listed for %s", kind).isEqualTo(labelled(kind));
        }
        assertThat(api.get("/api/projects/demo/sessions?insight=nonsense").status()).isEqualTo(400);
    }

    @Test
    void theDashboardRatesCountTheSessionsWithEachSignal() {
        JsonNode overview = api.get("/api/projects/demo/insights").json();

        JsonNode all = api.get("/api/projects/demo/sessions?limit=500&bots=true").json().get("sessions");
        assertThat(all).as("visits recorded as bots (rates leave bots out)").noneMatch(s -> s.get("bot").asBoolean());
        assertThat(overview.get("sessions").asInt()).isEqualTo(visits.size() + NORM_SEEDS);
        for (JsonNode kind : overview.get("kinds")) {
            InsightKind name = InsightKind.valueOf(kind.get("kind").asText());
            assertThat(kind.get("sessions").asInt()).as("sessions with %s", name).isEqualTo(labelled(name).size());
            assertThat(kind.get("rate").asDouble()).isEqualTo((double) labelled(name).size() / (visits.size() + NORM_SEEDS));
            assertThat(kind.get("definition").asText()).isNotBlank();
        }
        JsonNode rage = overview.get("kinds").get(InsightKind.RAGE_CLICK.ordinal());
        assertThat(rage.get("hotspots")).extracting(h -> h.get("selector").asText())
                .contains("#apply-coupon", "#add-to-cart", "#hero", "#plan-card");
    }

    @Test
    void javaScriptErrorsAreGroupedWithTheRecordingsThatShowThemAtTheirMoment() {
        JsonNode errors = api.get("/api/projects/demo/insights/errors").json().get("errors");
        JsonNode crash = null;
        for (JsonNode group : errors) {
            if (group.get("message").asText().contains("Export worker crashed")) {
                crash = group;
            }
        }
        assertThat(crash).as("the export crash in %s", errors).isNotNull();
        assertThat(crash.get("occurrences").asInt()).isEqualTo(1);
        assertThat(crash.get("sessions").asInt()).isEqualTo(1);
        assertThat(crash.get("source").asText()).endsWith("/scenarios.js");
        assertThat(crash.get("line").asInt()).isPositive();
        JsonNode recording = crash.get("recordings").get(0);
        assertThat(recording.get("sessionId").asText()).isEqualTo(visit("near miss: an export that crashes").sessionId());
        assertThat(recording.get("offsetMs").asLong()).isBetween(3_000L, 15_000L);
        assertThat(recording.get("offsetMs").asLong())
                .isEqualTo(recording.get("at").asLong() - recording.get("sessionStartedAt").asLong());
        // coupon, stock, tracking, export, and the errors page's widget error and rejection (each in two visits)
        assertThat(errors.size()).isEqualTo(6);
        JsonNode widget = errors.get(0).get("message").asText().contains("Reviews widget") ? errors.get(0) : errors.get(1);
        assertThat(widget.get("message").asText()).contains("Reviews widget failed to load");
        assertThat(widget.get("occurrences").asInt()).isEqualTo(2);
        assertThat(widget.get("sessions").asInt()).isEqualTo(2);
        assertThat(widget.get("recordings")).hasSize(2);
    }

    @Test
    void formAnalyticsCountsViewsStartsCompletionsAbandonmentAndRefillsPerField() {
        JsonNode forms = api.get("/api/projects/demo/insights/forms").json().get("forms");

        assertThat(forms).hasSize(1);
        JsonNode signup = forms.get(0);
        assertThat(signup.get("form").asText()).isEqualTo("#signup-form");
        assertThat(signup.get("pageKey").asText()).endsWith("/signup.html");
        assertThat(signup.get("views").asInt()).isEqualTo(6);
        assertThat(signup.get("starts").asInt()).isEqualTo(4);
        assertThat(signup.get("completions").asInt()).isEqualTo(1);
        assertThat(signup.get("abandonments").asInt()).isEqualTo(3);
        Map<String, JsonNode> fields = new HashMap<>();
        List<String> order = new ArrayList<>();
        signup.get("fields").forEach(f -> {
            fields.put(f.get("field").asText(), f);
            order.add(f.get("field").asText());
        });
        assertThat(order.subList(0, 2)).containsExactly("#name", "#email");
        assertThat(fields.get("#name").get("interactions").asInt()).isEqualTo(4);
        assertThat(fields.get("#name").get("abandonments").asInt()).isEqualTo(1);
        assertThat(fields.get("#email").get("abandonments").asInt()).isEqualTo(1);
        assertThat(fields.get("#company").get("abandonments").asInt()).isEqualTo(1);
        assertThat(fields.get("#email").get("refills").asInt()).isEqualTo(1);
        assertThat(fields.get("#name").get("refills").asInt()).isZero();
        assertThat(fields.get("#name").get("medianFocusMs").asLong()).isPositive();
    }

    @Test
    void everyDetectedSignalIsAMarkerOnItsSessionsTimeline() {
        for (ScenarioRunner.Visit visit : visits) {
            Set<String> markers = new HashSet<>();
            api.get("/api/projects/demo/sessions/" + visit.sessionId()).json().get("markers")
                    .forEach(m -> markers.add(m.get("kind").asText()));
            for (InsightKind kind : visit.scenario().expected.keySet()) {
                assertThat(markers).as("markers of '%s'", visit.scenario().name)
                        .contains(kind == InsightKind.JS_ERROR ? "ERROR" : kind.name());
            }
        }
    }

    @Test
    void theInsightsPageShowsEachSignalsShareAndLinksToItsRecordings() {
        try (BrowserContext dashboard = signedInDashboard()) {
            Page page = dashboard.newPage();
            page.navigate(base() + "/p/demo/insights");
            page.waitForSelector(".signal-card[data-kind=RAGE_CLICK] .signal-recordings");
            int rage = labelled(InsightKind.RAGE_CLICK).size();
            assertThat(page.textContent(".signal-card[data-kind=RAGE_CLICK] .signal-sessions")).isEqualTo(rage + " sessions");
            assertThat(page.locator(".signal-card").count()).isEqualTo(InsightKind.values().length);

            page.click(".signal-card[data-kind=RAGE_CLICK] .signal-recordings");
            page.waitForURL("**/p/demo/recordings?insight=RAGE_CLICK");
            page.waitForFunction("n => document.querySelectorAll('.recording-row').length === n", rage);
            assertThat(page.locator(".recording-row .insight-badge[data-kind=RAGE_CLICK]").count()).isEqualTo(rage);

            page.navigate(base() + "/p/demo/insights/forms");
            page.waitForSelector(".form-card[data-form='#signup-form'] .form-field");
            assertThat(page.locator(".form-card .funnel-step").count()).isEqualTo(3);
        }
    }

    @Test
    void thePlayerShowsTheSignalsOnItsTimelineAndJumpsToThem() {
        ScenarioRunner.Visit rage = visit("rage: 3 rapid clicks on a button that does nothing");
        InsightEvent event = detected.get(rage.sessionId()).stream().filter(e -> e.kind() == InsightKind.RAGE_CLICK)
                .findFirst().orElseThrow();
        long startedAt = api.get("/api/projects/demo/sessions/" + rage.sessionId()).json().get("summary").get("startedAt").asLong();
        try (BrowserContext dashboard = signedInDashboard()) {
            Page page = dashboard.newPage();
            page.navigate(base() + "/p/demo/recordings/" + rage.sessionId() + "?t=0");
            page.waitForFunction("() => document.body.dataset.playerState === 'ready'");
            assertThat(page.locator("#seek-markers .marker[data-kind=DEAD_CLICK]").count()).isEqualTo(3);
            page.click("#seek-markers .marker[data-kind=RAGE_CLICK]");
            long target = Math.max(0, event.at().toEpochMilli() - startedAt - 1500);
            page.waitForFunction("t => Math.abs(Number(document.querySelector('#player').dataset.playerTime) - t) < 100",
                    (int) target);
            assertThat(page.textContent("#page-list")).contains("3 rapid clicks on #apply-coupon");
        }
    }

    private String base() {
        return "http://127.0.0.1:" + sightline.port();
    }

    private BrowserContext signedInDashboard() {
        BrowserContext dashboard = Chromium.dashboard();
        int status = dashboard.request().post(base() + "/api/auth/login", RequestOptions.create()
                .setData(Map.of("email", "owner@example.com", "password", "insight scenarios password"))).status();
        assertThat(status).isEqualTo(200);
        return dashboard;
    }

    private Set<String> labelled(InsightKind kind) {
        return visits.stream().filter(v -> v.scenario().expected.containsKey(kind)).map(ScenarioRunner.Visit::sessionId)
                .collect(Collectors.toSet());
    }

    private ScenarioRunner.Visit visit(String namePrefix) {
        return visits.stream().filter(v -> v.scenario().name.startsWith(namePrefix)).findFirst().orElseThrow();
    }

    /**
     * Earlier desktop visits to {@code docs.html}, each scrolling back {@value InsightScenarios#NORM_REVERSALS}
     * times, sent as the tracker would: what makes the page's norm before the scenarios visit it.
     */
    private void seedTheDocsPagesNorm(String base) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < NORM_SEEDS; i++) {
            long now = System.currentTimeMillis();
            String url = site.base() + "docs.html";
            StringBuilder events = new StringBuilder("[\"page\",0,\"" + url
                    + "\",\"Warranty and care\",\"\",1280,800,1280,800,100,\"en-US\",\"UTC\",9000,0]");
            int t = 0;
            for (int y : InsightScenarios.normSeedScrolls()) {
                t += 900;
                events.append(",[\"scroll\",").append(t).append(",0,").append(y).append(",9000,800]");
            }
            String upload = "{\"v\":1,\"key\":\"" + DemoSite.SITE_KEY + "\",\"vid\":\"seedvisitor" + (1000 + i)
                    + "\",\"sid\":\"seedsession" + (1000 + i) + "\",\"pn\":1,\"seq\":0,\"ts\":" + (now - 10_000)
                    + ",\"sent\":" + now + ",\"last\":true,\"url\":\"" + url + "\",\"a\":[" + events + "],\"r\":[]}";
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/collect"))
                    .header("Content-Type", "text/plain").header("User-Agent", Chromium.DESKTOP_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofString(upload)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
    }

    /** Waits until every upload is stored and every page view analysed. */
    private void awaitAnalysed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            sightline.awaitProcessed(10, TimeUnit.SECONDS);
            if (sightline.events().insights().pending(FAR_FUTURE, FAR_FUTURE, 1).isEmpty()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("page views still wait for analysis: "
                + sightline.events().insights().pending(FAR_FUTURE, FAR_FUTURE, 100));
    }
}
