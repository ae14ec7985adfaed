package dev.sightline.ingest.kafka;

import dev.sightline.contract.ingest.IngestLog;
import dev.sightline.contract.ingest.IngestLogFullException;
import dev.sightline.contract.ingest.LogRecord;
import dev.sightline.contract.ingest.RecordHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster profile's {@link IngestLog}: an idempotent producer with {@code acks=all}, keyed by
 * session, completes an append only when the brokers have it; processors consume in a group and
 * commit offsets only after their handler returned, i.e. after the stores made the writes durable.
 * A crash or a rebalance hands the uncommitted records to a processor again, and the stores' writes
 * are idempotent, so nothing is lost and nothing is stored twice.
 */
public final class KafkaIngestLog implements IngestLog {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaIngestLog.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final KafkaSettings settings;
    private final Admin admin;
    private final KafkaProducer<String, byte[]> producer;
    private volatile boolean closed;
    private Thread consumerThread;

    public KafkaIngestLog(KafkaSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        this.admin = Admin.create(adminProperties);
        try {
            admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
            createTopics();
        } catch (ExecutionException | TimeoutException e) {
            admin.close(Duration.ZERO);
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " is unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admin.close(Duration.ZERO);
            throw new IllegalStateException("interrupted while connecting to Kafka", e);
        }
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        producerProperties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        producerProperties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L << 20);
        // Appends wait at most this long for buffer space or metadata; then collect answers 503.
        producerProperties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        producerProperties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        producerProperties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        producerProperties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
        this.producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
    }

    private void createTopics() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (String topic : List.of(settings.topic(), settings.deadLetterTopic())) {
            if (!existing.contains(topic)) {
                missing.add(new NewTopic(topic, settings.partitions(), settings.replicationFactor()));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Override
    public CompletableFuture<Void> append(String key, byte[] record) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(settings.topic(), key, record), (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (org.apache.kafka.common.errors.TimeoutException | org.apache.kafka.common.errors.InterruptException e) {
            throw new IngestLogFullException("Kafka does not take uploads right now: " + e.getMessage(), 2);
        }
        return acknowledged;
    }

    @Override
    public void deadLetter(LogRecord record, String reason) {
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(settings.deadLetterTopic(), record.key(), record.value());
        dead.headers().add("sightline-reason", reason.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(dead).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write to the dead-letter topic " + settings.deadLetterTopic(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a dead letter", e);
        }
        LOG.warn("dead-lettered an upload of key {} to {}: {}", record.key(), settings.deadLetterTopic(), reason);
    }

    @Override
    public synchronized void startConsuming(RecordHandler handler) {
        Objects.requireNonNull(handler, "handler is null");
        if (consumerThread != null) {
            throw new IllegalStateException("this log already has a consumer");
        }
        consumerThread = new Thread(() -> consume(handler), "kafka-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 600_000);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void consume(RecordHandler handler) {
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            consumer.subscribe(List.of(settings.topic()));
            while (!closed) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                if (polled.isEmpty()) {
                    continue;
                }
                List<LogRecord> records = new ArrayList<>(polled.count());
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : polled) {
                    records.add(new LogRecord(record.key() == null ? "" : record.key(), record.value()));
                    next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                if (!handleWithRetries(handler, records)) {
                    return;
                }
                try {
                    consumer.commitSync(next);
                } catch (org.apache.kafka.common.KafkaException e) {
                    // The group moved on (rebalance); another processor gets these records again and
                    // the idempotent stores skip what was already written.
                    LOG.warn("offsets could not be committed after handling {} records: {}", records.size(), e.getMessage());
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException | org.apache.kafka.common.errors.WakeupException e) {
            LOG.debug("Kafka consumer stopped");
        } catch (RuntimeException e) {
            LOG.error("the Kafka consumer stopped", e);
        }
    }

    private boolean handleWithRetries(RecordHandler handler, List<LogRecord> records) {
        long backoffMs = 100;
        while (!closed) {
            try {
                handler.handle(records);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warn("handling {} records failed; retrying in {} ms: {}", records.size(), backoffMs, e.toString());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                backoffMs = Math.min(backoffMs * 2, 30_000);
            }
        }
        return false;
    }

    /** Records in the topic beyond the consumer group's committed offsets. */
    @Override
    public long lag() {
        try {
            Map<TopicPartition, Long> ends = endOffsets();
            Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the ingest lag from Kafka: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the ingest lag", e);
        }
    }

    /**
     * Waits until the group has committed past everything produced before the call, then deletes
     * those records from the topic's partitions ({@code deleteRecords}), so erased data does not live
     * on in Kafka until the topic's retention expires.
     */
    @Override
    public boolean purgeHandled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Map<TopicPartition, Long> ends = endOffsets();
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
                boolean handled = ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
                if (handled) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(200);
            }
            Map<TopicPartition, RecordsToDelete> deletions = new HashMap<>();
            ends.forEach((partition, end) -> {
                if (end > 0) {
                    deletions.put(partition, RecordsToDelete.beforeOffset(end));
                }
            });
            admin.deleteRecords(deletions).all().get(30, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot purge handled records from Kafka: " + e.getMessage(), e);
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        int partitions = admin.describeTopics(List.of(settings.topic())).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(settings.topic()).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(settings.topic(), p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets()
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.listConsumerGroupOffsets(settings.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        closed = true;
        producer.close(Duration.ofSeconds(10));
        Thread consumer = consumerThread;
        if (consumer != null) {
            try {
                consumer.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        admin.close(Duration.ofSeconds(5));
    }
}
