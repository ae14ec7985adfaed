package dev.sightline.store.duckdb;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer and many readers at once: readers never fail and only ever see committed, growing data. */
class DuckDbConcurrencyTest {

    private static final int WRITES = 60;
    private static final int SESSIONS_PER_WRITE = 20;
    private static final int READERS = 4;

    @TempDir
    Path dataDir;

    @Test
    void readersRunWhileTheWriterWritesAndSeeOnlyCommittedWrites() throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CountDownLatch readersStarted = new CountDownLatch(READERS);
        SessionQuery all = new SessionQuery("p1", T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), true,
                SessionSort.START_TIME, SessionQuery.MAX_LIMIT, 0);
        ExecutorService threads = Executors.newFixedThreadPool(READERS + 1);
        try (DuckDbEventStore store = new DuckDbEventStore(dataDir)) {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(threads.submit(() -> {
                    readersStarted.countDown();
                    int reads = 0;
                    long lastTotal = 0;
                    do {
                        SessionList list = store.sessions(all);
                        assertThat(list.total()).as("totals never shrink").isGreaterThanOrEqualTo(lastTotal);
                        assertThat(list.total() % SESSIONS_PER_WRITE).as("a write is seen whole or not at all")
                                .isZero();
                        lastTotal = list.total();
                        if (!list.sessions().isEmpty()) {
                            String id = list.sessions().get(0).sessionId();
                            assertThat(store.session("p1", id)).isPresent();
                        }
                        reads++;
                    } while (writing.get());
                    return reads;
                }));
            }
            Future<?> writer = threads.submit(() -> {
                try {
                    readersStarted.await();
                    for (int w = 0; w < WRITES; w++) {
                        List<BatchRows> batches = new ArrayList<>();
                        for (int s = 0; s < SESSIONS_PER_WRITE; s++) {
                            batches.add(batch("p1", "s" + w + "-" + s).pageStartedAt(T0.plusSeconds(w))
                                    .click(10, "#a").build());
                        }
                        store.write(batches);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                } finally {
                    writing.set(false);
                }
                return null;
            });
            writer.get(2, TimeUnit.MINUTES);
            for (Future<Integer> reader : readers) {
                try {
                    assertThat(reader.get(1, TimeUnit.MINUTES)).isPositive();
                } catch (Exception e) {
                    failures.add(e.getCause() != null ? e.getCause() : e);
                }
            }
            assertThat(failures).isEmpty();
            assertThat(store.sessions(all).total()).isEqualTo((long) WRITES * SESSIONS_PER_WRITE);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void writesFromSeveralThreadsQueueAndAllLand() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (DuckDbEventStore store = new DuckDbEventStore(dataDir)) {
            List<Future<Integer>> writes = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writes.add(threads.submit(() -> {
                    int written = 0;
                    for (int w = 0; w < 10; w++) {
                        // Every thread also writes the shared session's batch w: only one of them lands.
                        written += store.write(List.of(batch("p1", "t" + thread + "-" + w).build(),
                                batch("p1", "shared").sequence(w).click(1, "#s").build()));
                    }
                    return written;
                }));
            }
            int total = 0;
            for (Future<Integer> write : writes) {
                total += write.get(2, TimeUnit.MINUTES);
            }
            assertThat(total).isEqualTo(4 * 10 + 10);
            assertThat(store.session("p1", "shared").orElseThrow().summary().clicks()).isEqualTo(10);
        } finally {
            threads.shutdownNow();
        }
    }
}
