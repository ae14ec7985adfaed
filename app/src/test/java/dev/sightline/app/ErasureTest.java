package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure through the API: of a visitor (one of whose uploads has not been processed yet when the
 * erasure is asked for), and of a user named by the id the site gave {@code identify}, which also
 * takes the other sessions of the browser they identified in. Afterwards no answer of the read API
 * mentions them, and no byte under the data directory holds them; everyone else is untouched.
 */
class ErasureTest {
    @TempDir
    Path data;

    @Test
    void erasingAVisitorAndAnIdentifiedUserLeavesNothingOfThemInAnyStoreOrAnswer() throws Exception {
        Sightline sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0));
        String base = "http://localhost:" + sightline.start();
        List<String> erasedValues = List.of("erase-visitor-9k2m", "erase-v-session-1", "erase-v-session-2",
                "erase-v-session-3", "Title-visitor-3c1e", "recorded-visitor-77ad", "recorded-straggler-51fe",
                "erase-user-browser", "erase-u-session-1", "erase-u-session-2", "Title-user-6d0b", "Title-user-later",
                "recorded-user-0e9c", "recorded-user-later-2f4a");
        try {
            Team team = new Team(base, new Http(base).signUpOwner("owner@example.com", Team.PASSWORD));
            JsonNode project = team.project("Shop");
            String projectId = project.get("id").asText();
            String key = project.get("siteKey").asText();
            send(base, Uploads.visit(key, "erase-visitor-9k2m", "erase-v-session-1", "Title-visitor-3c1e",
                    "recorded-visitor-77ad", null));
            send(base, Uploads.visit(key, "erase-visitor-9k2m", "erase-v-session-2", "Title-visitor-3c1e",
                    "recorded-visitor-77ad", null));
            send(base, Uploads.visit(key, "erase-user-browser", "erase-u-session-1", "Title-user-6d0b",
                    "recorded-user-0e9c", sha256("ada@example.com")));
            send(base, Uploads.visit(key, "erase-user-browser", "erase-u-session-2", "Title-user-later",
                    "recorded-user-later-2f4a", null));
            send(base, Uploads.visit(key, "keep-visitor-4r8t", "keep-session-1", "Title-kept-8a8a",
                    "recorded-kept-visitor-6c6c", sha256("bob@example.com")));
            assertThat(sightline.awaitProcessed(30, TimeUnit.SECONDS)).isTrue();
            Http admin = team.newMember(projectId, "privacy-officer@example.com", "ADMIN");

            JsonNode preview = admin.postJson("/api/projects/" + projectId + "/erasures/preview",
                    "{\"visitorId\":\"erase-visitor-9k2m\"}").json();
            assertThat(preview.get("sessions").asInt()).isEqualTo(2);
            send(base, Uploads.visit(key, "erase-visitor-9k2m", "erase-v-session-3", "Title-visitor-3c1e",
                    "recorded-straggler-51fe", null));
            Http.Response byVisitor = admin.postJson("/api/projects/" + projectId + "/erasures",
                    "{\"visitorId\":\"erase-visitor-9k2m\"}");
            Http.Response byUser = admin.postJson("/api/projects/" + projectId + "/erasures",
                    "{\"userId\":\"ada@example.com\"}");

            assertThat(byVisitor.status()).as(byVisitor.body()).isEqualTo(201);
            assertThat(byVisitor.json().get("sessionsDeleted").asInt()).as("the unprocessed upload too").isEqualTo(3);
            assertThat(byUser.json().get("sessionsDeleted").asInt()).as("both sessions of that browser").isEqualTo(2);
            String reads = String.join("\n", ProjectReads.all(sightline, admin, projectId));
            assertThat(erasedValues).noneMatch(reads::contains);
            assertThat(reads).contains("keep-session-1", "recorded-kept-visitor-6c6c");
            JsonNode log = admin.get("/api/projects/" + projectId + "/erasures").json();
            assertThat(log).hasSize(2);
            assertThat(log.toString()).doesNotContain("erase-visitor-9k2m").contains("\"subjectHint\":\"eras…\"")
                    .contains("privacy-officer@example.com");
        } finally {
            sightline.close();
        }

        assertThat(DataScan.find(data, erasedValues)).as("erased data left under the data directory").isEmpty();
        assertThat(DataScan.find(data, List.of("keep-visitor-4r8t", "recorded-kept-visitor-6c6c")))
                .as("everyone else is still there").isNotEmpty();
    }

    @Test
    void onlyAdminsOfTheProjectMayEraseAndABadRequestSaysWhy() throws Exception {
        Sightline sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0));
        String base = "http://localhost:" + sightline.start();
        try {
            Team team = new Team(base, new Http(base).signUpOwner("owner@example.com", Team.PASSWORD));
            String projectId = team.project("Shop").get("id").asText();
            Http member = team.newMember(projectId, "member@example.com", "MEMBER");

            assertThat(member.postJson("/api/projects/" + projectId + "/erasures", "{\"visitorId\":\"v12345678\"}")
                    .status()).isEqualTo(403);
            Http.Response both = team.owner().postJson("/api/projects/" + projectId + "/erasures",
                    "{\"visitorId\":\"v12345678\",\"userId\":\"ada\"}");
            assertThat(both.status()).isEqualTo(400);
            assertThat(both.json().get("error").asText()).isEqualTo("invalid_subject");
            Http.Response nobody = team.owner().postJson("/api/projects/" + projectId + "/erasures",
                    "{\"visitorId\":\"nobody-at-all\"}");
            assertThat(nobody.status()).isEqualTo(201);
            assertThat(nobody.json().get("sessionsDeleted").asInt()).isZero();
        } finally {
            sightline.close();
        }
    }

    private static void send(String base, ObjectNode upload) {
        Team.require(new Http(base).postBytes("/collect", Uploads.gzip(Uploads.bytes(upload)), null), 200);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
