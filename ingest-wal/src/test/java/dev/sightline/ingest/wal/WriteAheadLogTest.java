package dev.sightline.ingest.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.ingest.IngestLog;
import dev.sightline.contract.ingest.IngestLogContract;
import dev.sightline.contract.ingest.IngestLogFullException;
import dev.sightline.contract.ingest.LogRecord;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WriteAheadLogTest extends IngestLogContract {

    @Override
    protected IngestLog open(Path dir) {
        return new WriteAheadLog(dir, WalSettings.DEFAULTS);
    }

    private static List<Path> segmentFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".wal")).sorted().toList();
        }
    }

    @Test
    void aRecordTornByACrashIsCutOffAndEverythingBeforeItIsKept() throws Exception {
        try (WriteAheadLog log = new WriteAheadLog(dir, WalSettings.DEFAULTS)) {
            for (int i = 0; i < 5; i++) {
                log.append("k", ("whole" + i).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            }
        }
        Path segment = segmentFiles(dir).get(0);
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 100, 1, 2, 3}));
        }
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (WriteAheadLog log = new WriteAheadLog(dir, WalSettings.DEFAULTS)) {
            log.startConsuming(records -> records.forEach(r -> seen.add(new String(r.value(), StandardCharsets.UTF_8))));
            log.append("k", "after-crash".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            assertThat(log.awaitHandled(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).containsExactly("whole0", "whole1", "whole2", "whole3", "whole4", "after-crash");
    }

    @Test
    void aDeadLetterIsKeptOnDiskWithItsReasonAndBytes() throws Exception {
        try (WriteAheadLog log = new WriteAheadLog(dir, WalSettings.DEFAULTS)) {
            log.deadLetter(new LogRecord("session-\"x\"", new byte[] {1, 2, 3}), "cannot be decoded: bad \"gzip\"");
        }
        String line = Files.readString(dir.resolve("dead-letters.jsonl"));

        assertThat(line).contains("\"reason\":\"cannot be decoded: bad \\\"gzip\\\"\"")
                .contains("\"key\":\"session-\\\"x\\\"\"").contains("\"record\":\"AQID\"").endsWith("}\n");
    }

    @Test
    void appendsAreRefusedWithRetryAdviceWhenProcessingFallsTooFarBehind() throws Exception {
        WalSettings tiny = new WalSettings(1 << 20, 4096, 8192, 10);
        try (WriteAheadLog log = new WriteAheadLog(dir, tiny)) {
            byte[] record = new byte[1000];
            assertThatThrownBy(() -> {
                for (int i = 0; i < 100; i++) {
                    log.append("k", record).get(10, TimeUnit.SECONDS);
                }
            }).isInstanceOf(IngestLogFullException.class)
                    .satisfies(e -> assertThat(((IngestLogFullException) e).retryAfterSeconds()).isPositive());
        }
    }

    @Test
    void segmentsRollOverAndHandledOnesAreDeleted() throws Exception {
        WalSettings small = new WalSettings(4096, 1 << 20, 1 << 30, 50);
        CountDownLatch handled = new CountDownLatch(200);
        try (WriteAheadLog log = new WriteAheadLog(dir, small)) {
            for (int i = 0; i < 200; i++) {
                log.append("k", new byte[200]).get(10, TimeUnit.SECONDS);
            }
            assertThat(segmentFiles(dir).size()).isGreaterThan(5);
            log.startConsuming(records -> records.forEach(r -> handled.countDown()));
            assertThat(handled.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(log.awaitHandled(10, TimeUnit.SECONDS)).isTrue();
            log.append("k", new byte[10]).get(10, TimeUnit.SECONDS);
            assertThat(log.awaitHandled(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(segmentFiles(dir).size()).isLessThanOrEqualTo(2);
    }

    @Test
    void purgingLeavesNoByteOfAHandledRecordOnDiskEvenInTheActiveSegment() throws Exception {
        CountDownLatch handled = new CountDownLatch(3);
        try (WriteAheadLog log = new WriteAheadLog(dir, WalSettings.DEFAULTS)) {
            log.startConsuming(records -> records.forEach(r -> handled.countDown()));
            for (int i = 0; i < 3; i++) {
                log.append("k", ("needle-purged-" + i).getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            }
            assertThat(handled.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(diskText(dir)).contains("needle-purged-0");

            assertThat(log.purgeHandled(java.time.Duration.ofSeconds(20))).isTrue();

            assertThat(diskText(dir)).doesNotContain("needle-purged");
            log.append("k", "needle-kept".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);
            assertThat(log.awaitHandled(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(diskText(dir)).contains("needle-kept").doesNotContain("needle-purged");
    }

    private static String diskText(Path dir) throws Exception {
        StringBuilder all = new StringBuilder();
        for (Path file : segmentFiles(dir)) {
            all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
        return all.toString();
    }

    @Test
    void concurrentAppendersAreAllAcknowledgedAndAllDelivered() throws Exception {
        List<LogRecord> seen = Collections.synchronizedList(new ArrayList<>());
        try (WriteAheadLog log = new WriteAheadLog(dir, WalSettings.DEFAULTS)) {
            log.startConsuming(seen::addAll);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(startThread(() -> {
                    for (int i = 0; i < 250; i++) {
                        log.append("k" + thread, ("t" + thread + "-" + i).getBytes(StandardCharsets.UTF_8)).join();
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(log.awaitHandled(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).hasSize(2000);
        for (int t = 0; t < 8; t++) {
            String prefix = "t" + t + "-";
            List<String> ofThread = seen.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .filter(s -> s.startsWith(prefix)).toList();
            assertThat(ofThread).hasSize(250);
            for (int i = 0; i < 250; i++) {
                assertThat(ofThread.get(i)).isEqualTo(prefix + i);
            }
        }
    }

    private static Thread startThread(Runnable body) {
        Thread thread = new Thread(body);
        thread.start();
        return thread;
    }
}
