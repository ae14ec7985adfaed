package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.StoredChunk;
import dev.sightline.contract.store.TimelineMarker;
import dev.sightline.demo.DemoSite;
import dev.sightline.ingest.kafka.KafkaBroker;
import dev.sightline.store.clickhouse.ClickHouseEventStore;
import dev.sightline.store.clickhouse.ClickHouseServer;
import dev.sightline.store.clickhouse.ClickHouseSettings;
import dev.sightline.store.s3.S3RecordingStore;
import dev.sightline.store.s3.S3Server;
import dev.sightline.store.s3.S3Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster under faults, each role its own process: uploads keep coming through two collect nodes
 * while the processor is killed with SIGKILL and restarted, one collect node is killed, and the object
 * storage goes away for a while and comes back — and every upload that got its 200 ends up stored
 * exactly once: its rows in ClickHouse, its recording chunk in S3.
 */
@Tag("slow")
class ClusterFaultTest {
    private static final int SESSIONS = 8;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedUploadIsStoredExactlyOnceThroughKilledProcessesAndAnObjectStorageOutage() throws Exception {
        ClickHouseSettings clickhouse = ClickHouseServer.shared().settings(ClusterFaultTest.class, dir);
        Path objects = Files.createDirectories(dir.resolve("s3"));
        List<SightlineProcess> nodes = new ArrayList<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SESSIONS);
        S3Server s3 = S3Server.start(objects);
        int s3Port = s3.endpoint().getPort();
        try (KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"))) {
            List<String> engines = ClusterFlags.of(kafka, clickhouse, s3.endpoint(), "faults");
            List<SightlineProcess> collectors = new ArrayList<>(List.of(SightlineProcess.startRole(dir, nodes, "collect", engines),
                    SightlineProcess.startRole(dir, nodes, "collect", engines)));
            SightlineProcess processor = SightlineProcess.startRole(dir, nodes, "process", engines);
            List<String> bases = collectors.stream().map(SightlineProcess::baseUrl).toList();
            for (int s = 0; s < SESSIONS; s++) {
                String session = "fault-session-" + s;
                senders.submit(() -> send(session, bases, acknowledged, sending));
            }
            IntSupplier acks = acknowledged::size;

            awaitAtLeast(acks, 150);
            processor.kill();
            awaitAtLeast(acks, 300);
            collectors.get(0).kill();
            awaitAtLeast(acks, 450);
            processor = SightlineProcess.startRole(dir, nodes, "process", engines);
            s3.close();
            int beforeOutage = acks.getAsInt();
            awaitAtLeast(acks, beforeOutage + 150);
            s3 = S3Server.start(objects, s3Port);
            awaitAtLeast(acks, acks.getAsInt() + 100);
            sending.set(false);
            senders.shutdown();
            assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            processor.awaitCaughtUp();
            List<String> stored = new ArrayList<>();
            try (ClickHouseEventStore events = new ClickHouseEventStore(clickhouse);
                 S3RecordingStore recordings = new S3RecordingStore(new S3Settings(Optional.of(s3.endpoint()), "us-east-1", "faults", "", true,
                         Optional.of(S3Server.ACCESS_KEY), Optional.of(S3Server.SECRET_KEY)))) {
                Set<String> chunks = new HashSet<>();
                for (int s = 0; s < SESSIONS; s++) {
                    String session = "fault-session-" + s;
                    Optional<SessionDetail> detail = events.session(DemoSite.PROJECT_ID, session);
                    detail.ifPresent(d -> d.markers().stream().filter(m -> m.kind() == TimelineMarker.Kind.CLICK)
                            .forEach(m -> stored.add(session + "#" + m.label().replace("#mark-1-", ""))));
                    LocalDate today = LocalDate.now(ZoneOffset.UTC);
                    for (StoredChunk chunk : recordings.list(DemoSite.PROJECT_ID, session, List.of(today.minusDays(1), today))) {
                        chunks.add(session + "#" + chunk.key().sequence());
                    }
                }
                assertThat(Set.copyOf(stored)).as("rows of every acknowledged upload").containsAll(acknowledged);
                assertThat(stored).as("each once").doesNotHaveDuplicates();
                assertThat(chunks).as("the recording chunk of every acknowledged upload").containsAll(acknowledged);
            }
            assertThat(acknowledged.size()).isGreaterThan(beforeOutage + 100);
        } finally {
            sending.set(false);
            senders.shutdownNow();
            for (SightlineProcess node : nodes) {
                node.stop();
            }
            s3.close();
            ClickHouseServer.shared().drop(clickhouse);
        }
    }

    /** One visitor's session: uploads one after another, each to the next collect node that answers. */
    private static void send(String session, List<String> collectors, Set<String> acknowledged, AtomicBoolean sending) {
        List<Http> nodes = collectors.stream().map(Http::new).toList();
        for (int seq = 0; seq < 5000 && sending.get(); seq++) {
            byte[] upload = Uploads.gzip(Uploads.bytes(Uploads.upload(DemoSite.SITE_KEY, session, 1, seq)));
            for (int attempt = 0; attempt < nodes.size(); attempt++) {
                Http node = nodes.get((seq + attempt) % nodes.size());
                try {
                    if (node.postBytes("/collect", upload, null).status() == 200) {
                        acknowledged.add(session + "#" + seq);
                        break;
                    }
                } catch (RuntimeException nodeDown) {
                    // the balancer tries the other node
                }
            }
        }
    }


    private static void awaitAtLeast(IntSupplier count, int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (count.getAsInt() < wanted) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + count.getAsInt() + " of " + wanted + " uploads acknowledged");
            }
            Thread.sleep(20);
        }
    }

}
