package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import dev.sightline.demo.DemoSite;
import dev.sightline.ingest.kafka.KafkaBroker;
import dev.sightline.store.clickhouse.ClickHouseServer;
import dev.sightline.store.clickhouse.ClickHouseSettings;
import dev.sightline.store.s3.S3Server;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster profile end to end, each role its own operating-system process on loopback: two collect
 * nodes, one processor, one web node, over a real Kafka broker, clickhouse-server and S3 API server.
 * A visitor in headless Chromium goes through the demo site; the browser's requests for the tracker
 * and {@code /collect} go round-robin to the collect nodes, as a load balancer would send them; the
 * visit then replays in the web node's player and its clicks are on the heatmap. Projects and accounts
 * are shared too: a project created on the web node takes uploads on the collect nodes right away.
 */
@Tag("slow")
@Tag("browser")
class ClusterTest {
    @TempDir
    Path dir;

    @Test
    void twoCollectorsAProcessorAndAWebNodeRecordAVisitThatReplaysAndShowsOnTheHeatmap() throws Exception {
        ClickHouseSettings clickhouse = ClickHouseServer.shared().settings(ClusterTest.class, dir);
        List<SightlineProcess> nodes = new ArrayList<>();
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
             S3Server s3 = S3Server.start(Files.createDirectories(dir.resolve("s3")))) {
            List<String> engines = ClusterFlags.of(kafka, clickhouse, s3.endpoint(), "cluster");
            SightlineProcess web = SightlineProcess.startRole(dir, nodes, "web", engines);
            List<SightlineProcess> collectors = List.of(SightlineProcess.startRole(dir, nodes, "collect", engines),
                    SightlineProcess.startRole(dir, nodes, "collect", engines));
            SightlineProcess.startRole(dir, nodes, "process", engines);

            assertThat(new Http(collectors.get(0).baseUrl()).get("/api/auth/state").status())
                    .as("a collect node serves no dashboard").isEqualTo(404);
            assertThat(new Http(web.baseUrl()).get("/ready").json().get("status").asText()).isEqualTo("ready");

            int[] uploadsPerCollector = visitTheDemo(web, collectors);
            assertThat(uploadsPerCollector).as("both collect nodes took uploads").doesNotContain(0);
            web.awaitCaughtUp();

            try (BrowserContext dashboard = Chromium.dashboard()) {
                APIResponse setup = dashboard.request().post(web.baseUrl() + "/api/auth/setup",
                        com.microsoft.playwright.options.RequestOptions.create()
                                .setData(java.util.Map.of("email", "owner@example.com", "password", "cluster test password")));
                assertThat(setup.status()).isEqualTo(200);
                String api = web.baseUrl() + "/api/projects/" + DemoSite.PROJECT_ID;
                JsonNode sessions = Uploads.JSON.readTree(dashboard.request().get(api + "/sessions?from=0").text());
                assertThat(sessions.get("sessions")).hasSize(1);
                String sessionId = sessions.get("sessions").get(0).get("sessionId").asText();
                JsonNode detail = Uploads.JSON.readTree(dashboard.request().get(api + "/sessions/" + sessionId).text());
                assertThat(detail.get("pages").size()).isGreaterThanOrEqualTo(2);

                JsonNode figures = Uploads.JSON.readTree(dashboard.request().get(api + "/dashboard?from=0").text()).get("figures");
                assertThat(figures.get("sessions").asLong()).as("the dashboard, from ClickHouse").isEqualTo(1);

                String home = detail.get("pages").get(0).get("pageKey").asText();
                JsonNode heatmap = Uploads.JSON.readTree(dashboard.request().get(api + "/heatmaps/points?from=0&device=desktop&page="
                        + URLEncoder.encode(home, StandardCharsets.UTF_8)).text());
                assertThat(heatmap.get("elements")).anySatisfy(e -> assertThat(e.get("selector").asText()).isEqualTo("#cta-pricing"));

                Http owner = new Http(web.baseUrl()).signIn("owner@example.com", "cluster test password");
                Http.Response created = owner.postJson("/api/projects", "{\"name\":\"Shop\"}");
                assertThat(created.status()).isEqualTo(201);
                Http.Response upload = new Http(collectors.get(1).baseUrl()).postBytes("/collect", Uploads.gzip(Uploads.bytes(
                        Uploads.upload(created.json().get("siteKey").asText(), "shop-session-1", 1, 0))), null);
                assertThat(upload.status()).as("a project made on the web node is known to the collect nodes at once: "
                        + upload.body()).isEqualTo(200);

                Page player = dashboard.newPage();
                player.navigate(web.baseUrl() + "/p/" + DemoSite.PROJECT_ID + "/recordings/" + sessionId);
                player.waitForFunction("() => ['ready', 'paused', 'playing', 'ended'].includes(document.body.dataset.playerState)");
                Frame replay = player.frames().stream().filter(f -> f != player.mainFrame()).findFirst()
                        .orElseThrow(() -> new AssertionError("the player shows no replay frame"));
                replay.waitForSelector("#cta-pricing");
            }
        } finally {
            for (SightlineProcess node : nodes) {
                node.stop();
            }
            ClickHouseServer.shared().drop(clickhouse);
        }
    }


    /** The demo visit, with the tracker and its uploads sent round-robin to the collect nodes. */
    private static int[] visitTheDemo(SightlineProcess web, List<SightlineProcess> collectors) {
        int[] uploads = new int[collectors.size()];
        AtomicInteger nextScript = new AtomicInteger();
        AtomicInteger nextUpload = new AtomicInteger();
        try (BrowserContext visitor = Chromium.visitor(1280, 800, false)) {
            visitor.route(url -> url.endsWith("/collect") || url.contains("/sightline.js"), route -> {
                boolean upload = route.request().url().endsWith("/collect");
                int target = Math.floorMod((upload ? nextUpload : nextScript).getAndIncrement(), collectors.size());
                URI original = URI.create(route.request().url());
                String moved = collectors.get(target).baseUrl() + original.getRawPath()
                        + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
                if (upload) {
                    synchronized (uploads) {
                        uploads[target]++;
                    }
                }
                route.fulfill(new Route.FulfillOptions().setResponse(route.fetch(new Route.FetchOptions().setUrl(moved))));
            });
            Page page = visitor.newPage();
            page.waitForResponse(r -> r.url().endsWith("/collect") && r.status() == 200,
                    () -> page.navigate(web.baseUrl() + "/demo/"));
            page.mouse().move(400, 300);
            page.click("#cta-pricing");
            page.waitForURL("**/pricing.html");
            page.waitForTimeout(500);
            page.click("#billing-yearly");
            page.waitForURL("**/pricing.html?billing=yearly");
            page.waitForTimeout(800);
            page.close(new Page.CloseOptions().setRunBeforeUnload(true));
        }
        return uploads;
    }

}
