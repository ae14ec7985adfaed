package dev.sightline.app;

import dev.sightline.ingest.kafka.KafkaBroker;
import dev.sightline.store.clickhouse.ClickHouseSettings;
import dev.sightline.store.s3.S3Server;
import java.net.URI;
import java.util.List;

/** The flags that put a Sightline process on a test's shared engines: Kafka, ClickHouse and an S3 bucket. */
final class ClusterFlags {
    private ClusterFlags() {
    }

    static List<String> of(KafkaBroker kafka, ClickHouseSettings clickhouse, URI s3Endpoint, String bucket) {
        return List.of("--ingest", "kafka", "--kafka-bootstrap", kafka.bootstrapServers(), "--kafka-partitions", "4",
                "--storage", "clickhouse", "--clickhouse-url", clickhouse.endpoint().toString(),
                "--clickhouse-database", clickhouse.database(),
                "--recordings", "s3", "--s3-bucket", bucket, "--s3-endpoint", s3Endpoint.toString(), "--s3-path-style", "true",
                "--s3-access-key", S3Server.ACCESS_KEY, "--s3-secret-key", S3Server.SECRET_KEY,
                "--source-rate", "100000");
    }
}
