package dev.sightline.store.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.ChunkKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Puts race with deletes that remove (and clean up) the very folders the puts write into. */
class DiskRecordingStoreConcurrencyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dataDir;

    @Test
    void putsAndDeletesOfTheSameFoldersNeverFail() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (DiskRecordingStore store = new DiskRecordingStore(dataDir)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        store.put(new ChunkKey("p1", DAY, "s" + (i % 5), 1 + thread, i), new byte[] {(byte) i});
                    }
                    return null;
                }));
            }
            work.add(threads.submit(() -> {
                for (int i = 0; i < 100; i++) {
                    store.deleteSessions("p1", List.of("s" + (i % 5)), List.of(DAY));
                    store.deleteDaysBefore("p1", DAY.plusDays(i % 2));
                }
                return null;
            }));
            for (Future<?> future : work) {
                future.get(2, TimeUnit.MINUTES);
            }

            // Whatever survived is whole and listed in play order.
            for (int s = 0; s < 5; s++) {
                var chunks = store.list("p1", "s" + s, List.of(DAY));
                assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.compressedBytes()).isEqualTo(1));
                assertThat(chunks).isSortedAccordingTo((a, b) -> a.key().pageNumber() != b.key().pageNumber()
                        ? Integer.compare(a.key().pageNumber(), b.key().pageNumber())
                        : Integer.compare(a.key().sequence(), b.key().sequence()));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
