package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.TimelineMarker;
import dev.sightline.contract.wire.WireLimits;
import dev.sightline.demo.DemoSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad uploads get their 4xx with a reason, and the good uploads sent between them are all kept.
 */
class HostileUploadsTest {
    @TempDir
    static Path data;
    static Sightline sightline;
    static Http http;

    @BeforeAll
    static void start() {
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true)
                .withSourceRate(100_000));
        int port = sightline.start();
        http = new Http("http://localhost:" + port);
    }

    @AfterAll
    static void stop() {
        sightline.close();
    }

    private static void expect(Http.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = response.json();
        assertThat(body.get("error").asText()).isEqualTo(code);
        assertThat(body.get("reason").asText()).isNotBlank();
    }

    private static Http.Response send(ObjectNode upload) {
        return http.postBytes("/collect", Uploads.gzip(Uploads.bytes(upload)), "https://shop.example.com");
    }

    @Test
    void everyKindOfBadUploadIsRefusedAndEveryGoodOneBetweenThemIsStored() throws Exception {
        String session = "hostile-session-1";
        List<Integer> goodSequences = new ArrayList<>();
        int seq = 0;
        List<Runnable> attacks = List.of(
                () -> expect(http.postBytes("/collect", "{\"v\":1,\"key\":".getBytes(StandardCharsets.UTF_8), null), 400, "malformed_json"),
                () -> expect(send(Uploads.upload(DemoSite.SITE_KEY, session, 1, 900).put("pn", "first")), 400, "invalid_field"),
                () -> expect(send(Uploads.upload(DemoSite.SITE_KEY, session, 1, 901).put("seq", 5000)), 400, "invalid_field"),
                () -> expect(http.postBytes("/collect", new byte[WireLimits.MAX_BODY_BYTES + 10], null), 413, "too_large"),
                () -> expect(http.postBytes("/collect", Uploads.gzip(new byte[WireLimits.MAX_DECOMPRESSED_BYTES + 100]), null), 413, "too_large"),
                () -> expect(http.postBytes("/collect", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2, 3}, null), 400, "corrupt_gzip"),
                () -> expect(send(Uploads.upload("no-such-site-key", session, 1, 902)), 404, "unknown_project"),
                () -> expect(send(Uploads.upload(DemoSite.SITE_KEY, session, 1, 0)), 409, "duplicate"));
        for (Runnable attack : attacks) {
            Http.Response good = send(Uploads.upload(DemoSite.SITE_KEY, session, 1, seq));
            assertThat(good.status()).as(good.body()).isEqualTo(200);
            goodSequences.add(seq++);
            attack.run();
        }

        assertThat(sightline.awaitProcessed(30, TimeUnit.SECONDS)).isTrue();
        SessionDetail detail = sightline.events().session(DemoSite.PROJECT_ID, session).orElseThrow();
        List<String> clicks = detail.markers().stream().filter(m -> m.kind() == TimelineMarker.Kind.CLICK)
                .map(TimelineMarker::label).toList();
        assertThat(clicks).containsExactlyInAnyOrderElementsOf(goodSequences.stream().map(s -> "#mark-1-" + s).toList());
    }

    @Test
    void aReSentUploadIsAnsweredWithConflictAndStoredOnce() throws Exception {
        ObjectNode upload = Uploads.upload(DemoSite.SITE_KEY, "resend-session-1", 1, 0);
        assertThat(send(upload).status()).isEqualTo(200);
        expect(send(upload), 409, "duplicate");

        assertThat(sightline.awaitProcessed(30, TimeUnit.SECONDS)).isTrue();
        SessionDetail detail = sightline.events().session(DemoSite.PROJECT_ID, "resend-session-1").orElseThrow();
        assertThat(detail.summary().clicks()).isEqualTo(1);
    }

    @Test
    void uploadsFromAnOriginTheProjectDoesNotAllowAreRefused() {
        Http owner = new Http("http://localhost:" + sightline.port()).signUpOwnerOrSignIn("owner@example.com", "a long enough password");
        JsonNode project = owner.postJson("/api/projects",
                "{\"name\":\"Shop\",\"allowedOrigins\":[\"https://shop.example.com\"]}").json();
        String siteKey = project.get("siteKey").asText();

        assertThat(http.postBytes("/collect", Uploads.bytes(Uploads.upload(siteKey, "origin-session-1", 1, 0)),
                "https://shop.example.com").status()).isEqualTo(200);
        expect(http.postBytes("/collect", Uploads.bytes(Uploads.upload(siteKey, "origin-session-1", 1, 1)),
                "https://evil.example.net"), 403, "origin_not_allowed");
    }

    @Test
    void everyCollectAnswerCarriesCorsHeadersSoTheTrackerCanReadIt() {
        Http.Response response = http.postBytes("/collect", "{}".getBytes(StandardCharsets.UTF_8), "https://shop.example.com");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example.com");
    }
}
