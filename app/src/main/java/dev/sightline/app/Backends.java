package dev.sightline.app;

import dev.sightline.ingest.kafka.KafkaSettings;
import dev.sightline.store.s3.S3Settings;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which engines hold a process's data. Empty means the embedded default: the write-ahead log in the
 * data directory ({@code --ingest local}) and recordings on disk ({@code --recordings disk}).
 *
 * @param kafka the ingest log on Kafka ({@code --ingest kafka})
 * @param s3 recordings in S3-compatible object storage ({@code --recordings s3})
 */
public record Backends(Optional<KafkaSettings> kafka, Optional<S3Settings> s3) {

    /** The settings {@link #from} reads. */
    static final List<String> FLAGS = List.of("ingest", "kafka-bootstrap", "kafka-topic", "kafka-partitions",
            "kafka-replication", "recordings", "s3-bucket", "s3-endpoint", "s3-region", "s3-prefix", "s3-path-style",
            "s3-access-key", "s3-secret-key");

    public static final Backends EMBEDDED = new Backends(Optional.empty(), Optional.empty());

    public Backends {
        Objects.requireNonNull(kafka, "kafka is null");
        Objects.requireNonNull(s3, "s3 is null");
    }

    static Backends from(Map<String, String> values) {
        return new Backends(kafka(values), s3(values));
    }

    private static Optional<KafkaSettings> kafka(Map<String, String> values) {
        String ingest = values.getOrDefault("ingest", "local");
        if (ingest.equals("local")) {
            return Optional.empty();
        }
        if (!ingest.equals("kafka")) {
            throw new IllegalArgumentException("--ingest is local (the write-ahead log in --data) or kafka, not '" + ingest + "'");
        }
        String bootstrap = values.get("kafka-bootstrap");
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("--ingest kafka needs --kafka-bootstrap host:port[,host:port…]");
        }
        KafkaSettings defaults = KafkaSettings.of(bootstrap);
        String topic = values.getOrDefault("kafka-topic", defaults.topic());
        return Optional.of(new KafkaSettings(bootstrap, topic, topic + ".dead", defaults.groupId(),
                positive(values, "kafka-partitions", defaults.partitions()),
                (short) positive(values, "kafka-replication", defaults.replicationFactor())));
    }

    private static Optional<S3Settings> s3(Map<String, String> values) {
        String recordings = values.getOrDefault("recordings", "disk");
        if (recordings.equals("disk")) {
            return Optional.empty();
        }
        if (!recordings.equals("s3")) {
            throw new IllegalArgumentException("--recordings is disk (a folder in --data) or s3, not '" + recordings + "'");
        }
        String bucket = values.get("s3-bucket");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("--recordings s3 needs --s3-bucket <bucket>");
        }
        Optional<URI> endpoint = Optional.ofNullable(values.get("s3-endpoint")).map(Backends::uri);
        Optional<String> accessKey = Optional.ofNullable(values.get("s3-access-key"));
        Optional<String> secretKey = Optional.ofNullable(values.get("s3-secret-key"));
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalArgumentException("give both --s3-access-key and --s3-secret-key, or neither (the AWS chain)");
        }
        return Optional.of(new S3Settings(endpoint, values.getOrDefault("s3-region", "us-east-1"), bucket,
                values.getOrDefault("s3-prefix", "recordings/"),
                Boolean.parseBoolean(values.getOrDefault("s3-path-style", "false")), accessKey, secretKey));
    }

    private static URI uri(String value) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("no scheme or host");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--s3-endpoint must be an address like http://minio:9000 (" + e.getMessage() + ")");
        }
    }

    private static int positive(Map<String, String> values, String name, int fallback) {
        try {
            int value = values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
            if (value < 1) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number of at least 1");
        }
    }

    /** What the stores and the ingest log run on, for logs and the readiness answer. */
    String ingestName() {
        return kafka.isPresent() ? "kafka" : "write-ahead log";
    }

    String recordingsName() {
        return s3.isPresent() ? "s3" : "disk";
    }
}
