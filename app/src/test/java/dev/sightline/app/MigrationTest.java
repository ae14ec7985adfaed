package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.stylesheets.StylesheetHashes;
import dev.sightline.store.clickhouse.ClickHouseServer;
import dev.sightline.store.clickhouse.ClickHouseSettings;
import dev.sightline.store.s3.S3Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sightline migrate} end to end: an embedded installation filled through a real server (uploads with
 * recordings, a heatmap snapshot and insights; a second project, a member, an invitation, a token, a page
 * group, a segment, a funnel, a favourite with a note, an erasure), copied into a real clickhouse-server and
 * S3 API server by a separate process that is stopped abruptly part way, resumed, verified, and then
 * served by a Sightline on ClickHouse and S3 that shows the same.
 */
@Tag("slow")
class MigrationTest {
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/124.0.0.0 Safari/537.36";
    private static final String OWNER = "owner@example.com";
    private static final String PASSWORD = "migration test password";
    private static final String STYLESHEET = "p { color: #336699; margin: 0 auto; }\n".repeat(40);
    private static final String STYLESHEET_HASH = StylesheetHashes.of(STYLESHEET.getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    @Test
    void anEmbeddedInstallationCopiedIntoClickHouseAndS3ResumesAfterAKillAndServesTheSameData() throws Exception {
        Path data = Files.createDirectories(dir.resolve("embedded"));
        ClickHouseSettings clickhouse = ClickHouseServer.shared().settings(MigrationTest.class, dir);
        try (S3Server s3 = S3Server.start(Files.createDirectories(dir.resolve("s3")))) {
            SightlineProcess embedded = SightlineProcess.start(data, dir.resolve("embedded.log"),
                    "--insight-ended-grace-ms", "0", "--insight-quiet-ms", "0", "--insight-sweep-ms", "200");
            Seen before;
            try {
                before = fill(embedded.baseUrl());
                List<String> flags = new ArrayList<>(List.of("--data", data.toString()));
                flags.addAll(targetFlags(clickhouse, s3));
                Run refused = migrate(flags);
                assertThat(refused.status()).as(refused.output()).isEqualTo(1);
                assertThat(refused.output()).contains("A Sightline server is running on").contains("Nothing was copied");
            } finally {
                embedded.stop();
            }

            List<String> flags = new ArrayList<>(List.of("--data", data.toString()));
            flags.addAll(targetFlags(clickhouse, s3));
            Process interrupted = separateProcess(flags, "--interrupt-at-unit", "3");
            assertThat(interrupted.waitFor()).as("halted abruptly, as kill -9 would").isEqualTo(137);
            List<String> checkpoint = Files.readAllLines(data.resolve(MigrateCommand.CHECKPOINT));
            assertThat(checkpoint).as("the target, then the two units finished before the halt").hasSize(3);

            Run resumed = migrate(flags);
            assertThat(resumed.status()).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("Resuming: 2 units were copied by an earlier run")
                    .contains("Every count matches");
            for (String kind : List.of("projects", "accounts", "memberships", "invites", "api_tokens", "erasures",
                    "page_groups", "segments", "funnels", "notes", "login_sessions", "login_events", "sessions",
                    "page_views", "batches", "visitors", "clicks", "scrolls", "moves", "errors", "custom_events", "tags",
                    "fields", "form_submits", "requests", "resizes", "visibility", "page_changes", "insight_page_views",
                    "insight_events", "insight_forms", "insight_form_fields", "kept_sessions",
                    "recording_chunks", "page_snapshots", "stylesheets")) {
                assertThat(countOf(resumed.output(), kind)).as("copied " + kind + " in\n" + resumed.output()).isPositive();
            }
            assertThat(countOf(resumed.output(), "accounts")).isEqualTo(2);
            assertThat(countOf(resumed.output(), "sessions")).isEqualTo(2);

            Files.delete(data.resolve(MigrateCommand.CHECKPOINT));
            Run again = migrate(flags);
            assertThat(again.status()).as("a second full copy duplicates nothing:\n" + again.output()).isZero();
            assertThat(again.output()).contains("Every count matches");

            Backends cluster = new Backends(Optional.empty(), Optional.of(s3.settings("migrated")), Optional.of(clickhouse));
            Sightline target = new Sightline(SightlineConfig.defaults().withDataDir(Files.createDirectories(dir.resolve("cluster")))
                    .withPort(0).withBackends(cluster));
            try {
                Seen after = look(new Http("http://localhost:" + target.start()).signIn(OWNER, PASSWORD), before.projectId(),
                        before.sessionId());
                assertThat(before.figures().get("sessions").asLong()).isEqualTo(2);
                assertThat(before.insights().get("events")).isNotEmpty();
                assertThat(after.sessions()).isEqualTo(before.sessions());
                assertThat(after.pages()).isEqualTo(before.pages());
                assertThat(after.chunks()).isEqualTo(before.chunks());
                assertThat(after.firstChunk()).isEqualTo(before.firstChunk());
                assertThat(after.figures()).isEqualTo(before.figures());
                assertThat(after.insights()).isEqualTo(before.insights());
                assertThat(after.note()).isEqualTo(before.note());
                assertThat(after.snapshot()).isEqualTo(before.snapshot());
                assertThat(after.stylesheet()).isEqualTo(STYLESHEET);
            } finally {
                target.close();
            }
        } finally {
            ClickHouseServer.shared().drop(clickhouse);
        }
    }

    /** What the dashboard shows of the shop project and its rage-clicking session. */
    private record Seen(String projectId, String sessionId, JsonNode sessions, JsonNode pages, JsonNode chunks,
                        String firstChunk, JsonNode figures, JsonNode insights, JsonNode note, JsonNode snapshot,
                        String stylesheet) {
    }

    private static Seen fill(String base) throws Exception {
        Http owner = new Http(base).signUpOwner(OWNER, PASSWORD);
        JsonNode shop = owner.postJson("/api/projects", "{\"name\":\"Shop\"}").json();
        String project = shop.get("id").asText();
        String siteKey = shop.get("siteKey").asText();
        String api = "/api/projects/" + project;

        ObjectNode first = rageClicks(siteKey, "session-one", 1, 0, false);
        first.putObject("css").put(STYLESHEET_HASH, STYLESHEET);
        collect(base, first);
        collect(base, everyKind(rageClicks(siteKey, "session-one", 1, 1, false)));
        collect(base, rageClicks(siteKey, "session-one", 2, 0, true));
        collect(base, rageClicks(siteKey, "session-two", 1, 0, true));
        collect(base, rageClicks(siteKey, "session-gone", 1, 0, true));
        awaitInsights(owner, api + "/sessions/session-one/insights");
        awaitInsights(owner, api + "/sessions/session-two/insights");

        String invite = owner.postJson(api + "/members", "{\"email\":\"viewer@example.com\",\"role\":\"VIEWER\"}")
                .json().get("invite").get("link").asText();
        new Http(base).acceptInvite(invite, "viewer test password");
        assertThat(owner.postJson(api + "/members", "{\"email\":\"later@example.com\",\"role\":\"MEMBER\"}").status()).isEqualTo(201);
        assertThat(owner.postJson(api + "/tokens", "{\"name\":\"exports\"}").status()).isEqualTo(201);
        assertThat(owner.postJson(api + "/heatmaps/groups", "{\"name\":\"Pages\",\"pattern\":\"shop.example.com/page-*\"}")
                .status()).isEqualTo(201);
        assertThat(owner.postJson(api + "/segments", "{\"name\":\"Desktop\",\"filters\":[\"device:equals:desktop\"]}")
                .status()).isEqualTo(201);
        assertThat(owner.postJson(api + "/funnels", "{\"name\":\"Two pages\",\"steps\":[\"page:contains:/page-1\","
                + "\"page:contains:/page-2\"]}").status()).isEqualTo(201);
        assertThat(owner.send("PUT", api + "/sessions/session-one/note",
                "{\"favourite\":true,\"labels\":[\"bug\"],\"note\":\"rage on the button\"}").status()).isEqualTo(200);
        assertThat(owner.postJson(api + "/erasures", "{\"visitorId\":\"visitor-session-gone\"}").status()).isEqualTo(201);
        return look(owner, project, "session-one");
    }

    private static Seen look(Http http, String project, String sessionId) {
        String api = "/api/projects/" + project;
        JsonNode sessions = http.get(api + "/sessions?from=0").json();
        JsonNode detail = http.get(api + "/sessions/" + sessionId).json();
        JsonNode chunks = http.get(api + "/sessions/" + sessionId + "/recording").json().get("chunks");
        String firstChunk = http.get(chunks.get(0).get("url").asText()).body();
        JsonNode figures = http.get(api + "/dashboard?from=0").json().get("figures");
        JsonNode insights = http.get(api + "/sessions/" + sessionId + "/insights").json();
        JsonNode note = http.get(api + "/sessions/" + sessionId + "/note").json();
        Http.Response snapshot = http.get(api + "/heatmaps/snapshot?device=desktop&page=shop.example.com/page-1");
        assertThat(snapshot.status()).as(snapshot.body()).isEqualTo(200);
        Http.Response stylesheet = http.get(api + "/stylesheets/" + STYLESHEET_HASH);
        assertThat(stylesheet.status()).as(stylesheet.body()).isEqualTo(200);
        return new Seen(project, sessionId, sessions, detail.get("pages"), chunks, firstChunk, figures, insights, note,
                snapshot.json(), stylesheet.body());
    }

    /** An upload whose page is recorded with a full snapshot and clicked three times in a second on one button. */
    private static ObjectNode rageClicks(String siteKey, String sessionId, int page, int sequence, boolean last) {
        ObjectNode upload = Uploads.upload(siteKey, sessionId, page, sequence).put("last", last);
        ArrayNode events = (ArrayNode) upload.get("a");
        for (int i = 1; i <= 2; i++) {
            events.add(Uploads.JSON.createArrayNode().add("click").add(1000 + sequence + i * 150).add(10).add(20)
                    .add("#mark-" + page + "-" + sequence).add(2500).add(7500).add("button").add("Go").add(1).add(100).add(40));
        }
        long ts = upload.get("ts").asLong();
        ArrayNode recording = (ArrayNode) upload.get("r");
        ObjectNode meta = recording.insertObject(0).put("type", 4).put("timestamp", ts + 5);
        meta.putObject("data").put("href", "https://shop.example.com/page-" + page).put("width", 1280).put("height", 800);
        ObjectNode snapshot = recording.insertObject(1).put("type", 2).put("timestamp", ts + 10);
        ObjectNode html = snapshot.putObject("data").putObject("node").put("type", 0).put("id", 1)
                .putArray("childNodes").addObject().put("type", 2).put("id", 2).put("tagName", "p");
        html.putObject("attributes");
        html.putArray("childNodes").addObject().put("type", 3).put("id", 3).put("textContent", "page " + page);
        snapshot.with("data").putObject("initialOffset").put("top", 0).put("left", 0);
        return upload;
    }

    /** The upload with one event of every other kind the tracker sends, and a page change in its recording. */
    private static ObjectNode everyKind(ObjectNode upload) {
        ArrayNode events = (ArrayNode) upload.get("a");
        events.add(Uploads.JSON.createArrayNode().add("scroll").add(1600).add(0).add(900).add(2400).add(800));
        events.add(Uploads.JSON.createArrayNode().add("move").add(1700).add(30).add(40).add("#mark-1-1").add(100).add(200));
        events.add(Uploads.JSON.createArrayNode().add("resize").add(1800).add(1024).add(700).add(2600));
        events.add(Uploads.JSON.createArrayNode().add("visibility").add(1900).add(0));
        events.add(Uploads.JSON.createArrayNode().add("error").add(2000).add("TypeError: x is undefined")
                .add("https://shop.example.com/app.js").add(12).add(5).add(0));
        events.add(Uploads.JSON.createArrayNode().add("event").add(2100).add("purchase"));
        events.add(Uploads.JSON.createArrayNode().add("tag").add(2200).add("plan").add("pro"));
        events.add(Uploads.JSON.createArrayNode().add("identify").add(2300).add("a".repeat(64)));
        events.add(Uploads.JSON.createArrayNode().add("field").add(2400).add(0).add("#email").add("#signup").add("email"));
        events.add(Uploads.JSON.createArrayNode().add("field").add(2500).add(1).add("#email").add("#signup").add("email"));
        events.add(Uploads.JSON.createArrayNode().add("field").add(2600).add(2).add("#email").add("#signup").add("email"));
        events.add(Uploads.JSON.createArrayNode().add("submit").add(2700).add("#other"));
        events.add(Uploads.JSON.createArrayNode().add("request").add(2800));
        ObjectNode mutation = ((ArrayNode) upload.get("r")).addObject().put("type", 3)
                .put("timestamp", upload.get("ts").asLong() + 1200);
        mutation.putObject("data").put("source", 0).putArray("adds");
        return upload;
    }

    private static void collect(String base, ObjectNode upload) {
        Http.Response response = new Http(base).postBytes("/collect", Uploads.gzip(Uploads.bytes(upload)), null, USER_AGENT);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static void awaitInsights(Http http, String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Http.Response response;
        while ((response = http.get(path)).status() != 200 || response.json().get("events").isEmpty()) {
            assertThat(System.nanoTime()).as("insights detected in " + path + ": " + response.body()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static List<String> targetFlags(ClickHouseSettings clickhouse, S3Server s3) {
        return List.of("--storage", "clickhouse", "--clickhouse-url", clickhouse.endpoint().toString(),
                "--clickhouse-database", clickhouse.database(), "--recordings", "s3", "--s3-bucket", "migrated",
                "--s3-endpoint", s3.endpoint().toString(), "--s3-path-style", "true",
                "--s3-prefix", s3.settings("migrated").prefix(),
                "--s3-access-key", S3Server.ACCESS_KEY, "--s3-secret-key", S3Server.SECRET_KEY);
    }

    private record Run(int status, String output) {
    }

    private static Run migrate(List<String> flags) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        int status = MigrateCommand.run(Map.of(), flags, out, out);
        return new Run(status, output.toString(StandardCharsets.UTF_8));
    }

    private Process separateProcess(List<String> flags, String... extra) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "migrate"));
        command.addAll(flags);
        command.addAll(List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("migrate.log").toFile())).start();
    }

    /** The source count of a kind in the verification table. */
    private static long countOf(String output, String kind) {
        return output.lines().filter(l -> l.startsWith(kind + " ")).findFirst()
                .map(l -> Long.parseLong(l.substring(kind.length()).trim().split("\\s+")[0].replace(",", "")))
                .orElseThrow(() -> new AssertionError("no line for " + kind + " in\n" + output));
    }
}
