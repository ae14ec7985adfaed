package dev.sightline.store.duckdb;

import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.StoreException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write is one transaction, appended fact rows included: when any part fails, nothing of it stays.
 * The failure is a real one — a unique index the test adds to {@code custom_events}, which DuckDB
 * checks when the appender flushes, after other tables have been written in the same transaction.
 */
class DuckDbWriteAtomicityTest {

    @TempDir
    Path dataDir;

    @Test
    void aWriteThatFailsHalfWayLeavesNoRowInAnyTable() throws Exception {
        try (DuckDbEventStore store = new DuckDbEventStore(dataDir)) {
            store.write(List.of(batch("p1", "before").customEvent(10, "taken").build()));
        }
        execute("CREATE UNIQUE INDEX one_of_each_name ON custom_events (name)");

        BatchRows innocent = batch("p1", "innocent").visitor("v-innocent").oneOfEachFact(100).build();
        BatchRows poisoned = batch("p1", "poisoned").customEvent(10, "taken").build();
        try (DuckDbEventStore store = new DuckDbEventStore(dataDir)) {
            assertThatThrownBy(() -> store.write(List.of(innocent, poisoned))).isInstanceOf(StoreException.class);

            assertThat(store.session("p1", "innocent")).isEmpty();
            assertThat(store.session("p1", "before")).isPresent();
        }

        for (String table : tablesBySession()) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE session_id IN ('innocent', 'poisoned')"))
                    .as(table).isZero();
        }
        assertThat(count("SELECT count(*) FROM visitors WHERE visitor_id = 'v-innocent'")).isZero();
        assertThat(count("SELECT count(*) FROM custom_events")).isEqualTo(1);

        try (DuckDbEventStore store = new DuckDbEventStore(dataDir)) {
            assertThat(store.write(List.of(innocent))).as("its key was not recorded either").isEqualTo(1);
            assertThat(store.session("p1", "innocent").orElseThrow().summary().clicks()).isEqualTo(1);
        }
    }

    @Test
    void theStoreKeepsWorkingAfterAFailedWrite() throws Exception {
        new DuckDbEventStore(dataDir).close();
        execute("CREATE UNIQUE INDEX one_of_each_name ON custom_events (name)");
        try (DuckDbEventStore store = new DuckDbEventStore(dataDir)) {
            store.write(List.of(batch("p1", "s1").customEvent(10, "taken").build()));
            assertThatThrownBy(() -> store.write(List.of(batch("p1", "s2").customEvent(10, "taken").build())))
                    .isInstanceOf(StoreException.class);

            assertThat(store.write(List.of(batch("p1", "s3").customEvent(10, "free").click(5, "#a").build())))
                    .isEqualTo(1);
            assertThat(store.session("p1", "s3").orElseThrow().summary().clicks()).isEqualTo(1);
        }
    }

    private static List<String> tablesBySession() {
        List<String> tables = new ArrayList<>(List.of("batches", "sessions", "page_views"));
        tables.addAll(EventSchema.FACT_TABLES);
        return tables;
    }

    private void execute(String sql) throws Exception {
        RawDatabase.execute(dataDir.resolve(DuckDbEventStore.FILE_NAME), sql);
    }

    private long count(String sql) throws Exception {
        return RawDatabase.count(dataDir.resolve(DuckDbEventStore.FILE_NAME), sql);
    }
}
