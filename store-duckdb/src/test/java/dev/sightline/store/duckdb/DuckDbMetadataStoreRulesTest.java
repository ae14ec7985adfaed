package dev.sightline.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the DuckDB metadata store adds to the contract: its own file, and uniqueness it enforces. */
class DuckDbMetadataStoreRulesTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T09:30:00Z");

    @TempDir
    Path dataDir;

    @Test
    void theMetadataLivesInItsOwnFileBesideTheEvents() {
        try (DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir.resolve("new/folder"))) {
            store.saveAccount(new Account("a1", "a@example.com", "h", true, CREATED));
        }

        assertThat(dataDir.resolve("new/folder").resolve(DuckDbMetadataStore.FILE_NAME)).isRegularFile();
        assertThat(dataDir.resolve("new/folder").resolve(DuckDbEventStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void twoAccountsCannotShareAnEmailAddressInAnyCase() {
        try (DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir)) {
            store.saveAccount(new Account("a1", "Ada@Example.com", "h", true, CREATED));

            assertThatThrownBy(() -> store.saveAccount(new Account("a2", "ada@example.COM", "h", false, CREATED)))
                    .isInstanceOf(StoreException.class);
            assertThat(store.accountCount()).isEqualTo(1);
            assertThat(store.accountByEmail("ADA@example.com").orElseThrow().id()).isEqualTo("a1");
        }
    }

    @Test
    void twoProjectsCannotShareASiteKeyAndAFailedSaveChangesNothing() {
        try (DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir)) {
            Project first = project("p1", "key");
            Project second = project("p2", "other-key");
            store.saveProject(first);
            store.saveProject(second);

            assertThatThrownBy(() -> store.saveProject(project("p2", "key"))).isInstanceOf(StoreException.class);
            assertThat(store.project("p2")).as("the old row survives the failed replace").contains(second);
            assertThat(store.projectBySiteKey("key")).contains(first);
        }
    }

    @Test
    void aClosedStoreRefusesWork() {
        DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir);
        store.close();
        store.close();

        assertThatThrownBy(store::projects).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reopeningKeepsTheSchemaVersion() throws Exception {
        new DuckDbMetadataStore(dataDir).close();
        new DuckDbMetadataStore(dataDir).close();

        assertThat(RawDatabase.schemaVersion(dataDir.resolve(DuckDbMetadataStore.FILE_NAME)))
                .isEqualTo(MetadataSchema.MIGRATIONS.get(MetadataSchema.MIGRATIONS.size() - 1).version());
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString()))
                .contains(DuckDbMetadataStore.FILE_NAME);
    }

    private static Project project(String id, String siteKey) {
        return new Project(id, "Shop", siteKey, List.of(), MaskingMode.BALANCED, false, false, 30, 395, CREATED);
    }
}
