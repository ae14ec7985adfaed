package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.store.s3.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /ready} answers for every engine the process depends on, and an engine that cannot be reached
 * at start-up stops the start with a message that names it.
 */
class ReadinessTest {
    @TempDir
    Path data;

    @Test
    void theEmbeddedEnginesAreAllReported() {
        try (Sightline sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0))) {
            Http http = new Http("http://localhost:" + sightline.start());

            Http.Response ready = http.get("/ready");

            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().get("status").asText()).isEqualTo("ready");
            assertThat(ready.json().get("dependencies")).extracting(d -> d.get("name").asText() + "=" + d.get("backend").asText()
                    + ":" + d.get("status").asText())
                    .containsExactly("events=duckdb:up", "metadata=duckdb:up", "recordings=disk:up",
                            "ingest=write-ahead log:up");
        }
    }

    @Test
    void objectStorageThatStopsAnsweringMakesTheProcessNotReadyAndSaysWhich(@TempDir Path objects) throws Exception {
        S3Server s3 = S3Server.start(Files.createDirectories(objects.resolve("s3")));
        SightlineConfig config = SightlineConfig.defaults().withDataDir(data).withPort(0)
                .withBackends(new Backends(Optional.empty(), Optional.of(s3.settings("ready-bucket"))));
        try (Sightline sightline = new Sightline(config)) {
            Http http = new Http("http://localhost:" + sightline.start());
            assertThat(http.get("/ready").status()).isEqualTo(200);

            s3.close();
            Http.Response notReady = http.get("/ready");

            assertThat(notReady.status()).isEqualTo(503);
            JsonNode recordings = dependency(notReady.json(), "recordings");
            assertThat(recordings.get("backend").asText()).isEqualTo("s3");
            assertThat(recordings.get("status").asText()).isEqualTo("down");
            assertThat(recordings.get("error").asText()).isNotBlank();
            assertThat(dependency(notReady.json(), "events").get("status").asText()).isEqualTo("up");
            assertThat(http.get("/health").status()).as("the process itself still serves").isEqualTo(200);
        }
    }

    @Test
    void anUnreachableBucketStopsTheStartAndIsNamed(@TempDir Path objects) throws Exception {
        S3Server s3 = S3Server.start(Files.createDirectories(objects.resolve("s3")));
        SightlineConfig config = SightlineConfig.defaults().withDataDir(data).withPort(0)
                .withBackends(new Backends(Optional.empty(), Optional.of(s3.settings("gone-bucket"))));
        s3.close();

        assertThatThrownBy(() -> new Sightline(config)).hasMessageContaining("gone-bucket").hasMessageContaining("unreachable");
        assertThat(data.resolve("events.duckdb")).as("nothing local was opened").doesNotExist();
    }

    private static JsonNode dependency(JsonNode ready, String name) {
        for (JsonNode dependency : ready.get("dependencies")) {
            if (dependency.get("name").asText().equals(name)) {
                return dependency;
            }
        }
        throw new AssertionError("no dependency " + name + " in " + ready);
    }
}
