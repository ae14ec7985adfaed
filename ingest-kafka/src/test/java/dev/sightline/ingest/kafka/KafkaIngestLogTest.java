package dev.sightline.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.ingest.IngestLog;
import dev.sightline.contract.ingest.IngestLogContract;
import dev.sightline.contract.ingest.LogRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ingest log contract, unchanged, against a real Kafka broker. */
@Tag("slow")
class KafkaIngestLogTest extends IngestLogContract {
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBroker.start(Files.createTempDirectory("sightline-kafka"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    /** Each test's directory names its own topics and group, so reopening finds the same log. */
    private static KafkaSettings settingsFor(Path dir) {
        String name = "t" + Integer.toHexString(dir.toAbsolutePath().toString().hashCode());
        return new KafkaSettings(broker.bootstrapServers(), name, name + ".dead", name + "-group", 3, (short) 1);
    }

    @Override
    protected IngestLog open(Path dir) {
        return new KafkaIngestLog(settingsFor(dir));
    }

    @Test
    void aDeadLetterLandsInItsTopicWithTheReason() {
        KafkaSettings settings = settingsFor(dir);
        try (IngestLog log = new KafkaIngestLog(settings)) {
            log.deadLetter(new LogRecord("session-x", "not an upload".getBytes(StandardCharsets.UTF_8)), "cannot be decoded");
        }
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(settings.deadLetterTopic()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(record.key()).isEqualTo("session-x");
                    assertThat(new String(record.headers().lastHeader("sightline-reason").value(), StandardCharsets.UTF_8))
                            .isEqualTo("cannot be decoded");
                    return;
                }
            }
        }
        throw new AssertionError("no dead letter arrived");
    }

    @Test
    void anUnreachableBrokerIsAClearStartupError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new KafkaIngestLog(KafkaSettings.of("127.0.0.1:1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("127.0.0.1:1 is unreachable");
    }
}
