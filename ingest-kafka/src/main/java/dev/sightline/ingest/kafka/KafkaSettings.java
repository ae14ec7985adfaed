package dev.sightline.ingest.kafka;

import java.util.Objects;

/**
 * Where and how the Kafka ingest log runs.
 *
 * @param bootstrapServers {@code host:port[,host:port…]}
 * @param topic uploads, keyed by session id so one session's uploads stay in order on one partition
 * @param deadLetterTopic uploads that can never be processed, with the reason in a header
 * @param groupId the processors' consumer group; processors scale up to the topic's partition count
 * @param partitions partitions of a topic created at start-up (existing topics are left alone)
 * @param replicationFactor replicas of a created topic (1 for a single broker, 3 in production)
 */
public record KafkaSettings(String bootstrapServers, String topic, String deadLetterTopic, String groupId,
                            int partitions, short replicationFactor) {
    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers is null");
        Objects.requireNonNull(topic, "topic is null");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic is null");
        Objects.requireNonNull(groupId, "groupId is null");
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException("partitions and replication factor must be at least 1");
        }
    }

    public static KafkaSettings of(String bootstrapServers) {
        return new KafkaSettings(bootstrapServers, "sightline.uploads", "sightline.uploads.dead", "sightline-processors",
                12, (short) 1);
    }
}
