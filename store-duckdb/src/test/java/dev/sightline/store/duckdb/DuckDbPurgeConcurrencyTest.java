package dev.sightline.store.duckdb;

import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A purge replaces the file under running writes and reads: none fails and no write is lost. */
class DuckDbPurgeConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void writesAndReadsDuringPurgesAllSucceedAndEveryWriteIsKept() throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (DuckDbEventStore store = new DuckDbEventStore(dir)) {
            store.write(List.of(batch("p", "seed").build()));
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 60; i++) {
                        store.write(List.of(batch("p", "written-" + i).build()));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            Thread reader = new Thread(() -> {
                try {
                    while (running.get()) {
                        assertThat(store.session("p", "seed")).isPresent();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writer.start();
            reader.start();
            for (int i = 0; i < 5; i++) {
                store.privacy().purgeDeleted();
            }
            writer.join();
            running.set(false);
            reader.join();

            assertThat(failures).isEmpty();
            for (int i = 0; i < 60; i++) {
                assertThat(store.session("p", "written-" + i)).as("written-" + i).isPresent();
            }
        }
    }
}
