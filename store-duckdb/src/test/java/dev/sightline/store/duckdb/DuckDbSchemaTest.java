package dev.sightline.store.duckdb;

import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.store.StoreException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbSchemaTest {

    @TempDir
    Path dataDir;

    @Test
    void theEventsLiveInEventsDuckdbInADataDirectoryCreatedIfMissing() {
        Path nested = dataDir.resolve("a/b");

        new DuckDbEventStore(nested).close();

        assertThat(nested.resolve(DuckDbEventStore.FILE_NAME)).isRegularFile();
    }

    @Test
    void reopeningTheSameFileAgainAndAgainKeepsSchemaAndData() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (DuckDbEventStore store = new DuckDbEventStore(dataDir)) {
                store.write(List.of(batch("p1", "s" + i).click(10, "#a").build()));
                for (int j = 0; j <= i; j++) {
                    assertThat(store.session("p1", "s" + j)).isPresent();
                }
            }
        }

        assertThat(RawDatabase.schemaVersion(dataDir.resolve(DuckDbEventStore.FILE_NAME)))
                .isEqualTo(EventSchema.MIGRATIONS.get(EventSchema.MIGRATIONS.size() - 1).version());
    }

    @Test
    void aFileWrittenByANewerSchemaIsRefused() throws Exception {
        new DuckDbEventStore(dataDir).close();
        RawDatabase.execute(dataDir.resolve(DuckDbEventStore.FILE_NAME), "UPDATE schema_version SET version = 99");

        assertThatThrownBy(() -> new DuckDbEventStore(dataDir))
                .isInstanceOf(StoreException.class).hasMessageContaining("newer");
    }

    @Test
    void aClosedStoreRefusesWorkAndClosingTwiceIsHarmless() {
        DuckDbEventStore store = new DuckDbEventStore(dataDir);
        store.close();
        store.close();

        assertThatThrownBy(() -> store.write(List.of(batch("p1", "s1").build())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.session("p1", "s1")).isInstanceOf(IllegalStateException.class);
    }
}
