package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.demo.DemoSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segments, funnels, notes (and the keeping they bring) and the export API over HTTP. */
class DashboardApiTest {
    static final String PROJECT = "/api/projects/" + DemoSite.PROJECT_ID;
    static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0.0.0 Safari/537.36";

    @TempDir
    static Path data;
    static Sightline sightline;
    static Http owner;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true));
        base = "http://localhost:" + sightline.start();
        Http visitor = new Http(base);
        for (String session : new String[] {"export-aaaa", "export-bbbb", "export-cccc"}) {
            Team.require(visitor.postBytes("/collect", Uploads.bytes(Uploads.upload(DemoSite.SITE_KEY, session, 1, 0)),
                    null, CHROME), 200);
        }
        assertThat(sightline.awaitProcessed(10, TimeUnit.SECONDS)).isTrue();
        owner = new Http(base).signUpOwner("owner@example.com", "dashboard api password");
    }

    @AfterAll
    static void stop() {
        sightline.close();
    }

    @Test
    void aSegmentIsSavedWithCheckedFiltersRenamedAndDeleted() {
        Http.Response bad = owner.postJson(PROJECT + "/segments", "{\"name\":\"Bad\",\"filters\":[\"device:almost:x\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isEqualTo("invalid_filter");

        Http.Response made = owner.postJson(PROJECT + "/segments",
                "{\"name\":\"Phones\",\"filters\":[\"device:equals:mobile\",\"visited:contains:/pricing\"]}");
        assertThat(made.status()).isEqualTo(201);
        String id = made.json().get("id").asText();
        Http.Response renamed = owner.send("PUT", PROJECT + "/segments/" + id,
                "{\"name\":\"Phone visitors\",\"filters\":[\"device:equals:mobile\"]}");

        assertThat(renamed.status()).isEqualTo(200);
        JsonNode listed = owner.get(PROJECT + "/segments").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("Phone visitors");
        assertThat(listed.get(0).get("filters").get(0).asText()).isEqualTo("device:equals:mobile");
        assertThat(owner.delete(PROJECT + "/segments/" + id).status()).isEqualTo(204);
        assertThat(owner.get(PROJECT + "/segments").json()).isEmpty();
    }

    @Test
    void aFavouriteOrLabelKeepsTheRecordingThirteenMonthsAndTakingBothAwayReleasesIt() {
        String path = PROJECT + "/sessions/export-aaaa/note";
        Http.Response saved = owner.send("PUT", path, "{\"favourite\":true,\"labels\":[\"bug\",\"bug\",\"checkout\"],"
                + "\"note\":\"Stuck on the address form\"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(owner.get(path).json().get("labels")).hasSize(2);
        JsonNode kept = owner.get(PROJECT + "/sessions/export-aaaa/keep").json();
        assertThat(kept.get("kept").asBoolean()).isTrue();
        long started = owner.get(PROJECT + "/sessions/export-aaaa").json().get("summary").get("startedAt").asLong();
        assertThat(Instant.ofEpochMilli(kept.get("keptUntil").asLong()))
                .isEqualTo(Instant.ofEpochMilli(started).plus(Duration.ofDays(395)));
        JsonNode list = owner.get(PROJECT + "/recordings").json();
        assertThat(list.get("notes").get("export-aaaa").get("favourite").asBoolean()).isTrue();

        owner.send("PUT", path, "{\"favourite\":false,\"labels\":[],\"note\":\"\"}");
        assertThat(owner.get(PROJECT + "/sessions/export-aaaa/keep").json().get("kept").asBoolean()).isFalse();
        assertThat(owner.send("PUT", PROJECT + "/sessions/no-such-session/note", "{\"favourite\":true}").status())
                .isEqualTo(404);
    }

    @Test
    void badFiltersAndFunnelsAreRefusedNamingWhatIsWrong() {
        Http.Response regex = owner.get(PROJECT + "/recordings?f=" + java.net.URLEncoder.encode("visited:regex:(",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(regex.status()).isEqualTo(400);
        assertThat(regex.json().get("reason").asText()).contains("visited:regex:(");
        assertThat(owner.get(PROJECT + "/dashboard?f=pages:between:5..2").status()).isEqualTo(400);
        assertThat(owner.get(PROJECT + "/funnel").json().get("error").asText()).isEqualTo("invalid_steps");
        assertThat(owner.get(PROJECT + "/recordings?step=page:contains:/a&dropped=2").json().get("error").asText())
                .isEqualTo("invalid_dropped");
        assertThat(owner.get(PROJECT + "/dashboard?from=10&to=5").json().get("error").asText()).isEqualTo("invalid_range");
    }

    @Test
    void erasingAPersonDeletesTheNotesOnTheirRecordings() {
        String path = PROJECT + "/sessions/export-cccc/note";
        Team.require(owner.send("PUT", path, "{\"favourite\":true,\"labels\":[],\"note\":\"Called support\"}"), 200);

        Team.require(owner.postJson(PROJECT + "/erasures", "{\"visitorId\":\"visitor-export-cccc\"}"), 201);

        assertThat(owner.get(path).status()).isEqualTo(404);
        assertThat(sightline.metadata().dashboards().note(DemoSite.PROJECT_ID, "export-cccc")).isEmpty();
    }

    @Test
    void theExportAnswersATokenInJsonAndCsvByUpToThreeDimensionsAndLimitsTheRate() throws Exception {
        String token = new Team(base, owner).token(DemoSite.PROJECT_ID, "export").get("token").asText();
        HttpClient client = HttpClient.newHttpClient();
        long sessions = owner.get(PROJECT + "/recordings").json().get("total").asLong();
        HttpResponse<String> json = get(client, token, PROJECT + "/export/metrics?dimensions=device,browser,url");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode rows = Uploads.JSON.readTree(json.body()).get("rows");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("device").asText()).isEqualTo("DESKTOP");
        assertThat(rows.get(0).get("browser").asText()).isEqualTo("Chrome");
        assertThat(rows.get(0).get("url").asText()).isEqualTo("shop.example.com/page-1");
        assertThat(rows.get(0).get("sessions").asLong()).isEqualTo(sessions).isPositive();
        assertThat(rows.get(0).get("pageViews").asLong()).isEqualTo(sessions);

        HttpResponse<String> csv = get(client, token, PROJECT + "/export/recordings?format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(1 + (int) sessions);
        assertThat(csv.body()).startsWith("session_id,visitor_id,started_at");
        assertThat(get(client, token, PROJECT + "/export/metrics?dimensions=device,browser,os,country").statusCode())
                .isEqualTo(400);

        int refused = 0;
        for (int i = 0; i < 25 && refused == 0; i++) {
            HttpResponse<String> answer = get(client, token, PROJECT + "/export/metrics?dimensions=channel");
            if (answer.statusCode() == 429) {
                refused++;
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(refused).as("a burst beyond the limit is refused").isEqualTo(1);
    }

    private static HttpResponse<String> get(HttpClient client, String token, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
