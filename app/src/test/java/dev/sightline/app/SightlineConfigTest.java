package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.insights.InsightSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SightlineConfigTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        SightlineConfig config = SightlineConfig.defaults();

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.demo()).isFalse();
        assertThat(config.publicUrl()).isEmpty();
        assertThat(config.geoipDatabase()).isEmpty();
        assertThat(config.perSourceUploadsPerSecond()).isEqualTo(50);
        assertThat(config.perProjectUploadsPerSecond()).isEqualTo(5_000);
        assertThat(config.trustForwardedFor()).isFalse();
        assertThat(config.pageKeyParameters()).isEmpty();
        assertThat(config.insights()).isEqualTo(InsightSettings.DEFAULTS);
    }

    @Test
    void insightThresholdsAreSetByFlagsAndEnvironmentVariables() {
        SightlineConfig config = SightlineConfig.from(Map.of("SIGHTLINE_RAGE_CLICK_COUNT", "4"),
                List.of("--dead-click-window-ms", "2000", "--quick-back-within-ms=10000"));

        assertThat(config.insights().rageClicks().clicks()).isEqualTo(4);
        assertThat(config.insights().deadClicks().responseWindowMs()).isEqualTo(2000);
        assertThat(config.insights().quickBacks().withinMs()).isEqualTo(10_000);
        assertThatThrownBy(() -> SightlineConfig.from(Map.of(), List.of("--rage-click-count", "many")))
                .hasMessageContaining("rage-click-count");
    }

    @Test
    void environmentVariablesSetValuesAndFlagsOverrideThem() {
        SightlineConfig config = SightlineConfig.from(
                Map.of("SIGHTLINE_PORT", "9000", "SIGHTLINE_DATA", "/var/lib/sightline", "PATH", "/usr/bin"),
                List.of("--port", "9100", "--demo", "--public-url=https://s.example.com", "--page-parameters", "id,variant"));

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/sightline"));
        assertThat(config.demo()).isTrue();
        assertThat(config.publicUrl()).isEqualTo(Optional.of("https://s.example.com"));
        assertThat(config.pageKeyParameters()).isEqualTo(Set.of("id", "variant"));
    }

    @Test
    void unknownOrMalformedSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> SightlineConfig.from(Map.of(), List.of("--prot", "1"))).hasMessageContaining("prot");
        assertThatThrownBy(() -> SightlineConfig.from(Map.of(), List.of("--port", "many"))).hasMessageContaining("port");
        assertThatThrownBy(() -> SightlineConfig.from(Map.of(), List.of("--port"))).hasMessageContaining("needs a value");
    }

    @Test
    void theEnginesAreEmbeddedUnlessKafkaOrS3AreChosenWithWhatTheyNeed() {
        assertThat(SightlineConfig.defaults().backends()).isEqualTo(Backends.EMBEDDED);

        SightlineConfig cluster = SightlineConfig.from(Map.of("SIGHTLINE_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092"),
                List.of("--ingest", "kafka", "--kafka-partitions", "24", "--recordings", "s3", "--s3-bucket", "rec",
                        "--s3-endpoint", "http://minio:9000", "--s3-path-style", "true"));

        assertThat(cluster.backends().kafka()).hasValueSatisfying(kafka -> {
            assertThat(kafka.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
            assertThat(kafka.partitions()).isEqualTo(24);
            assertThat(kafka.topic()).isEqualTo("sightline.uploads");
        });
        assertThat(cluster.backends().s3()).hasValueSatisfying(s3 -> {
            assertThat(s3.bucket()).isEqualTo("rec");
            assertThat(s3.endpoint()).hasValueSatisfying(e -> assertThat(e.toString()).isEqualTo("http://minio:9000"));
            assertThat(s3.pathStyle()).isTrue();
            assertThat(s3.prefix()).isEqualTo("recordings/");
            assertThat(s3.accessKey()).as("credentials from the AWS chain").isEmpty();
        });
        assertThatThrownBy(() -> SightlineConfig.from(Map.of(), List.of("--ingest", "kafka")))
                .hasMessageContaining("--kafka-bootstrap");
        assertThatThrownBy(() -> SightlineConfig.from(Map.of(), List.of("--recordings", "s3")))
                .hasMessageContaining("--s3-bucket");
        assertThatThrownBy(() -> SightlineConfig.from(Map.of(), List.of("--ingest", "rabbit"))).hasMessageContaining("rabbit");
        assertThatThrownBy(() -> SightlineConfig.from(Map.of(), List.of("--recordings", "s3", "--s3-bucket", "b",
                "--s3-access-key", "k"))).hasMessageContaining("--s3-secret-key");
    }
}
