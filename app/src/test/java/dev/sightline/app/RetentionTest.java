package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.StoredChunk;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention over a year of a moved clock: each project's recordings go after its recording days,
 * kept (favourite) recordings stay for 13 months, sessions go after the analytics days — and then
 * nothing of them is left anywhere under the data directory: not in the recordings folder, not in the
 * ingest log, not in the raw bytes of the DuckDB files.
 */
class RetentionTest {
    private static final String OLD_RECORDING = "recorded-old-5c2d9e";
    private static final String KEPT_RECORDING = "recorded-kept-8e1b4f";
    private static final String SHORT_RECORDING = "recorded-short-4a7e0c";
    private static final String FRESH_RECORDING = "recorded-fresh-1d6b3a";

    @TempDir
    Path data;

    @Test
    void recordingsAndSessionsGoWhenTheirProjectSaysKeptOnesStayAndNothingOfThemRemainsOnDisk() throws Exception {
        MovableClock clock = new MovableClock();
        Sightline sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0), clock);
        String base = "http://localhost:" + sightline.start();
        String shop;
        List<String> oldValues = List.of("ret-old-session", "ret-old-visitor", "Title-old-7f3a61", OLD_RECORDING,
                "ret-kept-session", "ret-kept-visitor", "Title-kept-2b9c07", KEPT_RECORDING,
                "ret-short-session", SHORT_RECORDING);
        try {
            Team team = new Team(base, new Http(base).signUpOwner("owner@example.com", Team.PASSWORD));
            var shopProject = team.project("Shop");
            var blogProject = team.project("Blog");
            shop = shopProject.get("id").asText();
            String blog = blogProject.get("id").asText();
            Team.require(team.owner().send("PATCH", "/api/projects/" + blog + "/settings",
                    "{\"recordingRetentionDays\":7,\"analyticsRetentionDays\":60}"), 200);
            send(base, Uploads.visit(shopProject.get("siteKey").asText(), "ret-old-visitor", "ret-old-session",
                    "Title-old-7f3a61", OLD_RECORDING, null));
            send(base, Uploads.visit(shopProject.get("siteKey").asText(), "ret-kept-visitor", "ret-kept-session",
                    "Title-kept-2b9c07", KEPT_RECORDING, null));
            send(base, Uploads.visit(blogProject.get("siteKey").asText(), "ret-short-visitor", "ret-short-session",
                    "Title-short-9a0e", SHORT_RECORDING, null));
            assertThat(sightline.awaitProcessed(30, TimeUnit.SECONDS)).isTrue();
            Team.require(team.owner().send("PUT", "/api/projects/" + shop + "/sessions/ret-kept-session/keep", ""), 200);

            clock.advance(Duration.ofDays(10));
            sightline.retention().run();

            assertThat(chunks(sightline, blog, "ret-short-session")).as("the blog keeps recordings 7 days").isEmpty();
            assertThat(chunks(sightline, shop, "ret-old-session")).as("the shop keeps them 30").isNotEmpty();
            assertThat(DataScan.find(data.resolve("recordings"), List.of(SHORT_RECORDING))).isEmpty();
            assertThat(DataScan.find(data.resolve("ingest-log"), List.of(SHORT_RECORDING, OLD_RECORDING))).isEmpty();

            clock.advance(Duration.ofDays(21));
            sightline.retention().run();

            assertThat(chunks(sightline, shop, "ret-old-session")).as("after 31 days").isEmpty();
            assertThat(chunks(sightline, shop, "ret-kept-session")).as("a kept recording stays").isNotEmpty();
            assertThat(sightline.events().session(shop, "ret-old-session")).as("its analytics stay 13 months").isPresent();
            assertThat(sightline.events().session(blog, "ret-short-session")).as("the blog's analytics 60 days").isPresent();
            assertThat(DataScan.find(data.resolve("recordings"), List.of(OLD_RECORDING, KEPT_RECORDING)))
                    .anyMatch(found -> found.startsWith(KEPT_RECORDING)).noneMatch(found -> found.startsWith(OLD_RECORDING));

            clock.advance(Duration.ofDays(30));
            sightline.retention().run();
            assertThat(sightline.events().session(blog, "ret-short-session")).as("after 61 days").isEmpty();
            assertThat(sightline.events().session(shop, "ret-old-session")).isPresent();

            clock.advance(Duration.ofDays(340));
            send(base, Uploads.visit(shopProject.get("siteKey").asText(), "ret-fresh-visitor", "ret-fresh-session",
                    "Title-fresh-33c8", FRESH_RECORDING, null));
            assertThat(sightline.awaitProcessed(30, TimeUnit.SECONDS)).isTrue();
            assertThat(sightline.retention().run().sessions()).as("the old and the kept session").isEqualTo(2);

            assertThat(sightline.events().session(shop, "ret-old-session")).as("after 401 days").isEmpty();
            assertThat(sightline.events().session(shop, "ret-kept-session")).as("kept 13 months, not longer").isEmpty();
            assertThat(chunks(sightline, shop, "ret-kept-session")).isEmpty();
            assertThat(sightline.events().session(shop, "ret-fresh-session")).isPresent();
        } finally {
            sightline.close();
        }

        assertThat(DataScan.find(data, oldValues)).as("expired data left under the data directory").isEmpty();
        assertThat(DataScan.find(data, List.of(FRESH_RECORDING, "ret-fresh-session", "Title-fresh-33c8")))
                .as("what is not expired is still there").hasSizeGreaterThanOrEqualTo(3);
    }

    private static void send(String base, com.fasterxml.jackson.databind.node.ObjectNode upload) {
        Team.require(new Http(base).postBytes("/collect", Uploads.gzip(Uploads.bytes(upload)), null), 200);
    }

    /** The session's chunks on any day of the last 14 months. */
    private static List<StoredChunk> chunks(Sightline sightline, String projectId, String sessionId) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> days = today.minusDays(2).datesUntil(today.plusDays(430)).toList();
        return sightline.recordings().list(projectId, sessionId, days);
    }
}
