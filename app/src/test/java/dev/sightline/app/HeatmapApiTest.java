package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.demo.DemoSite;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heatmaps API over HTTP against uploads that went through collect: the index, point and scroll
 * maps, page groups, snapshots (also after the recordings are gone) and pinning a recording moment.
 */
class HeatmapApiTest {
    private static final String PRODUCT_42 = "shop.example.com/product/42";
    private static final String PRODUCT_7 = "shop.example.com/product/7";
    private static final String HEATMAPS = "/api/projects/" + DemoSite.PROJECT_ID + "/heatmaps";

    @TempDir
    static Path data;
    static Sightline sightline;
    static Http http;
    static String base;

    @BeforeAll
    static void visitAndSignIn() throws Exception {
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true));
        base = "http://localhost:" + sightline.start();
        long now = System.currentTimeMillis();
        // Two visits of product 42 (3 clicks on #buy, 1 on #menu, which is visit-aaaa's first click), one of product 7.
        collect(upload("visit-aaaa", 1, now - 60_000, "/product/42", 3000, 2400,
                click(1500, "#buy", 2500, 5000), click(1800, "#buy", 7500, 5000), click(900, "#menu", 5000, 5000)));
        collect(upload("visit-bbbb", 1, now - 50_000, "/product/42", 3000, 3000, click(1000, "#buy", 5000, 5000)));
        collect(upload("visit-cccc", 1, now - 40_000, "/product/7", 3000, 3000, click(1000, "#buy", 5000, 5000)));
        assertThat(sightline.awaitProcessed(10, TimeUnit.SECONDS)).isTrue();
        http = new Http(base).signUpOwner("owner@example.com", "heatmap api password");
    }

    @AfterAll
    static void stop() {
        sightline.close();
    }

    @Test
    void theIndexListsPagesByTrafficWithTheirClicksAndWhetherTheyHaveASnapshot() {
        JsonNode pages = ok(http.get(HEATMAPS + "/pages")).get("pages");

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).get("pageKey").asText()).isEqualTo(PRODUCT_42);
        assertThat(pages.get(0).get("pageViews").asLong()).isEqualTo(2);
        assertThat(pages.get(0).get("sessions").asLong()).isEqualTo(2);
        assertThat(pages.get(0).get("clicks").asLong()).isEqualTo(4);
        assertThat(pages.get(0).get("title").asText()).isEqualTo("Product /product/42");
        assertThat(pages.get(0).get("hasSnapshot").asBoolean()).isTrue();
        assertThat(ok(http.get(HEATMAPS + "/pages?device=mobile")).get("pages")).isEmpty();
        assertThat(ok(http.get(HEATMAPS + "/pages?q=PRODUCT/7")).get("pages")).hasSize(1);
    }

    @Test
    void aClickMapRanksTheElementsAndPacksTheirCells() {
        JsonNode map = ok(http.get(HEATMAPS + "/points?page=" + encode(PRODUCT_42)));

        assertThat(map.get("layer").asText()).isEqualTo("CLICKS");
        assertThat(map.get("points").asLong()).isEqualTo(4);
        assertThat(map.get("sessions").asLong()).isEqualTo(2);
        JsonNode buy = map.get("elements").get(0);
        assertThat(buy.get("selector").asText()).isEqualTo("#buy");
        assertThat(buy.get("points").asLong()).isEqualTo(3);
        assertThat(buy.get("cells")).hasSize(3 * 5);
        JsonNode first = ok(http.get(HEATMAPS + "/points?layer=first_clicks&page=" + encode(PRODUCT_42)));
        assertThat(first.get("elements").get(0).get("selector").asText()).isEqualTo("#buy");
        assertThat(first.get("elements").get(1).get("selector").asText()).isEqualTo("#menu");
        assertThat(first.get("points").asLong()).isEqualTo(2);
    }

    @Test
    void malformedHeatmapRequestsAreRefusedWithAReason() {
        expect(http.get(HEATMAPS + "/points"), 400, "invalid_page");
        expect(http.get(HEATMAPS + "/points?page=x&device=watch"), 400, "invalid_device");
        expect(http.get(HEATMAPS + "/points?page=x&layer=hovers"), 400, "invalid_layer");
        expect(http.get(HEATMAPS + "/points?page=x&from=10&to=5"), 400, "invalid_window");
        expect(http.get(HEATMAPS + "/points?group=unknown"), 404, "not_found");
        expect(http.get("/api/projects/unknown/heatmaps/points?page=x"), 404, "not_found");
        expect(http.postJson(HEATMAPS + "/points/area?page=x", "{\"selectors\":[null]}"), 400, "invalid_selectors");
    }

    @Test
    void positionsAndAreasAnswerForChosenElements() {
        JsonNode positions = ok(http.postJson(HEATMAPS + "/points/positions?page=" + encode(PRODUCT_42),
                "{\"selectors\":[\"#menu\"]}"));
        assertThat(positions.get("positions")).hasSize(1);
        assertThat(positions.get("positions").get(0).get("points").asLong()).isEqualTo(1);
        JsonNode area = ok(http.postJson(HEATMAPS + "/points/area?page=" + encode(PRODUCT_42),
                "{\"selectors\":[\"#menu\",\"#buy\"]}"));
        assertThat(area.get("points").asLong()).isEqualTo(4);
        assertThat(area.get("sessions").asLong()).isEqualTo(2);
    }

    @Test
    void filtersAndSavedSegmentsNarrowEveryHeatmapToTheirSessions() {
        String busy = "&f=" + encode("clicks:between:2..");
        JsonNode map = ok(http.get(HEATMAPS + "/points?page=" + encode(PRODUCT_42) + busy));
        assertThat(map.get("points").asLong()).as("visit-aaaa's clicks only").isEqualTo(3);
        assertThat(map.get("sessions").asLong()).isEqualTo(1);
        assertThat(ok(http.get(HEATMAPS + "/scroll?page=" + encode(PRODUCT_42) + busy)).get("pageViews").asLong())
                .isEqualTo(1);
        assertThat(ok(http.get(HEATMAPS + "/pages?x=1" + busy)).get("pages")).hasSize(1);

        JsonNode segment = ok(http.postJson("/api/projects/" + DemoSite.PROJECT_ID + "/segments",
                "{\"name\":\"Busy\",\"filters\":[\"clicks:between:2..\"]}"));
        String id = segment.get("id").asText();
        try {
            String bySegment = "&segment=" + id;
            assertThat(ok(http.get(HEATMAPS + "/traffic?page=" + encode(PRODUCT_42) + bySegment)).get("sessions").asLong())
                    .isEqualTo(1);
            assertThat(ok(http.postJson(HEATMAPS + "/points/area?page=" + encode(PRODUCT_42) + bySegment,
                    "{\"selectors\":[\"#menu\",\"#buy\"]}")).get("points").asLong()).isEqualTo(3);
            assertThat(ok(http.get(HEATMAPS + "/points?page=" + encode(PRODUCT_42) + bySegment + "&f="
                    + encode("device:equals:mobile"))).get("points").asLong()).as("segment and filter together").isZero();
        } finally {
            http.delete("/api/projects/" + DemoSite.PROJECT_ID + "/segments/" + id);
        }
        expect(http.get(HEATMAPS + "/points?page=x&segment=unknown"), 404, "not_found");
        expect(http.get(HEATMAPS + "/points?page=x&f=" + encode("shoe:equals:red")), 400, "invalid_filter");
    }

    @Test
    void theScrollMapGivesTheShareOfPageViewsReachingEachDepth() {
        JsonNode scroll = ok(http.get(HEATMAPS + "/scroll?page=" + encode(PRODUCT_42)));

        assertThat(scroll.get("pageViews").asLong()).isEqualTo(2);
        // visit-aaaa stopped with its viewport's bottom at 80 % of 3000 px, visit-bbbb at 100 %.
        assertThat(scroll.get("reachedPercent").get(80).asLong()).isEqualTo(2);
        assertThat(scroll.get("reachedPercent").get(81).asLong()).isEqualTo(1);
        assertThat(scroll.get("averageFoldPixels").asInt()).isEqualTo(900);
    }

    @Test
    void aPageGroupAddsUpItsPagesAndIsListedWithTheirTraffic() {
        expect(http.postJson(HEATMAPS + "/groups", "{\"name\":\"\",\"pattern\":\"/product/*\"}"), 400, "invalid_name");
        expect(http.postJson(HEATMAPS + "/groups", "{\"name\":\"Bad\",\"pattern\":\"/a b\"}"), 400, "invalid_pattern");
        JsonNode group = ok(http.postJson(HEATMAPS + "/groups", "{\"name\":\"Products\",\"pattern\":\"/product/*\"}"));
        expect(http.postJson(HEATMAPS + "/groups", "{\"name\":\"Again\",\"pattern\":\"/product/*/\"}"), 409, "duplicate_pattern");
        String id = group.get("id").asText();
        try {
            JsonNode listed = ok(http.get(HEATMAPS + "/pages")).get("groups");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("pageViews").asLong()).isEqualTo(3);
            assertThat(listed.get(0).get("clicks").asLong()).isEqualTo(5);
            assertThat(ok(http.get(HEATMAPS + "/points?group=" + id)).get("elements").get(0).get("points").asLong())
                    .isEqualTo(4);
            JsonNode snapshot = ok(http.get(HEATMAPS + "/snapshot?group=" + id));
            assertThat(snapshot.get("pageKey").asText()).isIn(PRODUCT_42, PRODUCT_7);
        } finally {
            assertThat(http.delete(HEATMAPS + "/groups/" + id).status()).isEqualTo(204);
        }
        assertThat(ok(http.get(HEATMAPS + "/groups"))).isEmpty();
    }

    @Test
    void aPinnedMomentBecomesTheBackgroundAndHeatmapsOutliveTheirRecordings() throws Exception {
        JsonNode snapshot = ok(http.get(HEATMAPS + "/snapshot?page=" + encode(PRODUCT_42)));
        assertThat(snapshot.get("device").asText()).isEqualTo("DESKTOP");
        assertThat(snapshot.get("viewportWidth").asInt()).isEqualTo(1440);
        assertThat(events(snapshot)).contains("\"visit-aaaa-body\"");
        expect(http.get(HEATMAPS + "/snapshot?device=mobile&page=" + encode(PRODUCT_42)), 404, "no_snapshot");

        JsonNode pinned = ok(http.postJson(HEATMAPS + "/snapshot",
                "{\"sessionId\":\"visit-bbbb\",\"pageNumber\":1,\"atMs\":1200}"));
        assertThat(pinned.get("pinned").asBoolean()).isTrue();
        assertThat(events(ok(http.get(HEATMAPS + "/snapshot?page=" + encode(PRODUCT_42))))).contains("\"visit-bbbb-body\"");

        sightline.recordings().deleteDaysBefore(DemoSite.PROJECT_ID, LocalDate.now().plusDays(2));

        assertThat(events(ok(http.get(HEATMAPS + "/snapshot?page=" + encode(PRODUCT_42))))).contains("\"visit-bbbb-body\"");
        assertThat(ok(http.get(HEATMAPS + "/points?page=" + encode(PRODUCT_42))).get("points").asLong()).isEqualTo(4);
        expect(http.postJson(HEATMAPS + "/snapshot", "{\"sessionId\":\"visit-aaaa\",\"pageNumber\":1,\"atMs\":0}"),
                404, "not_found");
    }

    // ---- helpers ----

    private static String events(JsonNode snapshot) throws Exception {
        HttpResponse<byte[]> response = http.getBytes(snapshot.get("eventsUrl").asText());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }

    private static void expect(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("error").asText()).isEqualTo(code);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ArrayNode click(long t, String selector, int relX, int relY) {
        return Uploads.JSON.createArrayNode().add("click").add(t).add(100).add(200).add(selector).add(relX).add(relY)
                .add("button").add("Buy").add(1).add(120).add(40);
    }

    /** One page view's only upload, as the tracker sends it: page event, a scroll to a depth, clicks, and its recording. */
    private static ObjectNode upload(String sessionId, int page, long start, String path, int documentHeight,
                                     int scrolledTo, ArrayNode... clicks) {
        String url = "https://shop.example.com" + path;
        ObjectNode upload = Uploads.JSON.createObjectNode()
                .put("v", 1).put("key", DemoSite.SITE_KEY).put("vid", "visitor-" + sessionId).put("sid", sessionId)
                .put("pn", page).put("seq", 0).put("ts", start).put("sent", start + 2000).put("last", true).put("url", url);
        ArrayNode events = upload.putArray("a");
        events.add(Uploads.JSON.createArrayNode().add("page").add(0).add(url).add("Product " + path).add("")
                .add(1440).add(900).add(1440).add(900).add(100).add("en").add("UTC").add(documentHeight).add(0));
        events.add(Uploads.JSON.createArrayNode().add("scroll").add(500).add(0).add(scrolledTo - 900)
                .add(documentHeight).add(900));
        for (ArrayNode click : clicks) {
            events.add(click);
        }
        ArrayNode recording = upload.putArray("r");
        recording.addObject().put("type", 4).put("timestamp", start + 10).putObject("data")
                .put("href", url).put("width", 1440).put("height", 900);
        ObjectNode full = recording.addObject().put("type", 2).put("timestamp", start + 11);
        ObjectNode document = full.putObject("data").putObject("node").put("type", 0).put("id", 1);
        ObjectNode html = document.putArray("childNodes").addObject().put("type", 2).put("tagName", "html").put("id", 2);
        html.putObject("attributes");
        ObjectNode body = html.putArray("childNodes").addObject().put("type", 2).put("tagName", "body").put("id", 3);
        body.putObject("attributes").put("id", sessionId + "-body");
        body.putArray("childNodes");
        full.with("data").putObject("initialOffset").put("left", 0).put("top", 0);
        return upload;
    }

    private static void collect(ObjectNode upload) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/collect"))
                .header("Content-Type", "text/plain").header("Origin", "https://shop.example.com")
                .header("User-Agent", Chromium.DESKTOP_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Uploads.bytes(upload))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
