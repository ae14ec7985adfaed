package dev.sightline.contract.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link IngestLog} must do, whatever it is built on. Implementations extend this class
 * and say how to open a log that keeps its state under {@code dir} (or in an engine named by it).
 */
public abstract class IngestLogContract {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    protected Path dir;

    /** Opens the log; opening again with the same directory must find what was appended before. */
    protected abstract IngestLog open(Path dir);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(LogRecord record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static void appendAll(IngestLog log, String key, int count, String prefix) throws Exception {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            acks.add(log.append(key, bytes(prefix + i)));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }

    @Test
    void recordsOfOneKeyAreDeliveredInTheOrderTheyWereAppended() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (IngestLog log = open(dir)) {
            log.startConsuming(records -> records.forEach(r -> seen.add(text(r))));
            appendAll(log, "session-a", 200, "r");
            awaitSize(seen, 200);
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("r" + i);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void acknowledgedRecordsSurviveAReopenAndAreDeliveredThen() throws Exception {
        try (IngestLog log = open(dir)) {
            appendAll(log, "session-b", 50, "kept");
        }
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (IngestLog log = open(dir)) {
            log.startConsuming(records -> records.forEach(r -> seen.add(text(r))));
            awaitSize(seen, 50);
        }
        assertThat(seen).hasSize(50).contains("kept0", "kept49");
    }

    @Test
    void recordsAHandlerFailedOnAreDeliveredAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<String> handled = Collections.synchronizedList(new ArrayList<>());
        try (IngestLog log = open(dir)) {
            log.startConsuming(records -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("the store is down");
                }
                records.forEach(r -> handled.add(text(r)));
            });
            appendAll(log, "session-c", 3, "x");
            awaitSize(handled, 3);
        }
        assertThat(calls.get()).isGreaterThanOrEqualTo(2);
        assertThat(handled).contains("x0", "x1", "x2");
    }

    @Test
    void handledRecordsAreNotDeliveredAgainAfterAReopen() throws Exception {
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        try (IngestLog log = open(dir)) {
            log.startConsuming(records -> records.forEach(r -> first.add(text(r))));
            appendAll(log, "session-d", 20, "once");
            awaitSize(first, 20);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (log.lag() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(log.lag()).isZero();
        }
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        try (IngestLog log = open(dir)) {
            log.startConsuming(records -> records.forEach(r -> second.add(text(r))));
            appendAll(log, "session-d", 1, "after");
            awaitSize(second, 1);
        }
        assertThat(second).containsExactly("after0");
    }

    @Test
    void lagCountsRecordsAppendedButNotYetHandled() throws Exception {
        try (IngestLog log = open(dir)) {
            appendAll(log, "session-e", 7, "lag");
            assertThat(log.lag()).isEqualTo(7);
        }
    }

    @Test
    void purgingWaitsForUnhandledRecordsAndGivesUpWithoutAConsumer() throws Exception {
        try (IngestLog log = open(dir)) {
            appendAll(log, "session-f", 3, "waiting");

            assertThat(log.purgeHandled(Duration.ofMillis(200))).isFalse();
            assertThat(log.lag()).isEqualTo(3);
        }
    }

    @Test
    void afterAPurgeNewRecordsAreDeliveredAndPurgedOnesNeverAgain() throws Exception {
        List<String> first = Collections.synchronizedList(new ArrayList<>());
        try (IngestLog log = open(dir)) {
            log.startConsuming(records -> records.forEach(r -> first.add(text(r))));
            appendAll(log, "session-g", 10, "before");

            assertThat(log.purgeHandled(WAIT)).isTrue();

            assertThat(first).hasSize(10);
            appendAll(log, "session-g", 2, "after");
            awaitSize(first, 12);
            assertThat(first).endsWith("after0", "after1");
        }
        List<String> second = Collections.synchronizedList(new ArrayList<>());
        try (IngestLog log = open(dir)) {
            log.startConsuming(records -> records.forEach(r -> second.add(text(r))));
            appendAll(log, "session-g", 1, "reopened");
            awaitSize(second, 1);
        }
        assertThat(second).containsExactly("reopened0");
    }
}
