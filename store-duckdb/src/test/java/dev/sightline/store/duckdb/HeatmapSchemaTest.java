package dev.sightline.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.heatmap.PagePattern;
import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.PageGroup;
import dev.sightline.contract.meta.Project;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapSchemaTest {

    @TempDir
    Path dataDir;

    @Test
    void aMetadataFileFromBeforeHeatmapsGainsPageGroupsAndKeepsItsProjects() throws Exception {
        Instant created = Instant.parse("2026-03-02T10:00:00Z");
        Project project = new Project("p1", "Shop", "k1", List.of(), MaskingMode.BALANCED, false, false, 30, 395, created);
        try (DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir)) {
            store.saveProject(project);
        }
        Path file = dataDir.resolve(DuckDbMetadataStore.FILE_NAME);
        RawDatabase.execute(file, "DROP TABLE page_groups");
        for (String later : List.of("segments", "funnels", "recording_notes")) {
            RawDatabase.execute(file, "DROP TABLE " + later);
        }
        RawDatabase.execute(file, "UPDATE schema_version SET version = " + (HeatmapSchema.PAGE_GROUPS.version() - 1));

        try (DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir)) {
            PageGroup group = new PageGroup("p1", "g1", "Products", new PagePattern("/product/*"), created);
            store.savePageGroup(group);

            assertThat(store.project("p1")).contains(project);
            assertThat(store.pageGroups("p1")).containsExactly(group);
        }
        assertThat(RawDatabase.schemaVersion(file))
                .isEqualTo(MetadataSchema.MIGRATIONS.get(MetadataSchema.MIGRATIONS.size() - 1).version());
    }
}
