package dev.sightline.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.dashboard.RecordingNote;
import dev.sightline.contract.dashboard.SavedFunnel;
import dev.sightline.contract.dashboard.Segment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbDashboardStoreTest {
    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void segmentsAndFunnelsAreSavedReplacedListedByNameAndDeletedPerProject() {
        try (DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir)) {
            store.dashboards().saveSegment(new Segment("p1", "s1", "Mobile buyers", List.of("device:equals:mobile",
                    "event:done:purchase"), "a1", T));
            store.dashboards().saveSegment(new Segment("p1", "s2", "Angry", List.of("insight:rage_click:yes"), "a1", T));
            store.dashboards().saveSegment(new Segment("p2", "s3", "Other project", List.of(), "a1", T));
            Segment renamed = new Segment("p1", "s1", "Phone buyers", List.of("device:equals:mobile"), "a1", T);
            store.dashboards().saveSegment(renamed);
            store.dashboards().saveFunnel(new SavedFunnel("p1", "f1", "Checkout", List.of("page:contains:/cart",
                    "event:equals:purchase"), "a1", T));

            assertThat(store.dashboards().segments("p1")).extracting(Segment::name).containsExactly("Angry", "Phone buyers");
            assertThat(store.dashboards().segments("p1").get(1)).isEqualTo(renamed);
            assertThat(store.dashboards().funnels("p1").get(0).steps()).containsExactly("page:contains:/cart",
                    "event:equals:purchase");
            assertThat(store.dashboards().deleteSegment("p2", "s1")).isFalse();
            assertThat(store.dashboards().deleteSegment("p1", "s1")).isTrue();
            assertThat(store.dashboards().segments("p1")).extracting(Segment::id).containsExactly("s2");
            assertThat(store.dashboards().deleteFunnel("p1", "f1")).isTrue();
            assertThat(store.dashboards().funnels("p1")).isEmpty();
        }
    }

    @Test
    void notesSurviveAReopenAndAreDeletedWithTheirSessions() {
        RecordingNote note = new RecordingNote("p1", "sess-1", true, List.of("bug", "checkout"), "Stuck on step 2",
                "a1", T);
        try (DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir)) {
            store.dashboards().saveNote(note);
            store.dashboards().saveNote(new RecordingNote("p1", "sess-2", false, List.of(), "", "a1", T));
        }
        try (DuckDbMetadataStore store = new DuckDbMetadataStore(dataDir)) {
            assertThat(store.dashboards().note("p1", "sess-1")).contains(note);
            assertThat(store.dashboards().note("p2", "sess-1")).isEmpty();
            assertThat(store.dashboards().notes("p1", List.of("sess-1", "sess-2", "sess-3"))).containsOnlyKeys("sess-1", "sess-2");

            store.dashboards().deleteNotes("p1", List.of("sess-1"));

            assertThat(store.dashboards().notes("p1", List.of("sess-1", "sess-2"))).containsOnlyKeys("sess-2");
            assertThat(store.dashboards().notes("p1", List.of())).isEqualTo(Map.of());
        }
    }
}
