package dev.sightline.contract.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link DashboardStore} must do: keep segments, funnels and notes per project, across a reopen. */
public abstract class DashboardStoreContract {
    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    protected Path dataDir;

    private DashboardStore store;

    /** Opens the store over the directory (a reopen finds what the last one saved). */
    protected abstract DashboardStore openStore(Path dataDir);

    /** Closes what {@link #openStore} opened last. */
    protected abstract void closeStore();

    @BeforeEach
    void openTheStore() {
        store = openStore(dataDir);
    }

    @AfterEach
    void closeTheStore() {
        closeStore();
    }

    private void reopen() {
        closeStore();
        store = openStore(dataDir);
    }

    @Test
    void segmentsAndFunnelsAreSavedReplacedListedByNameAndDeletedPerProject() {
        store.saveSegment(new Segment("p1", "s1", "Mobile buyers", List.of("device:equals:mobile",
                "event:done:purchase"), "a1", T));
        store.saveSegment(new Segment("p1", "s2", "Angry", List.of("insight:rage_click:yes"), "a1", T));
        store.saveSegment(new Segment("p2", "s3", "Other project", List.of(), "a1", T));
        Segment renamed = new Segment("p1", "s1", "Phone buyers", List.of("device:equals:mobile"), "a1", T);
        store.saveSegment(renamed);
        store.saveFunnel(new SavedFunnel("p1", "f1", "Checkout", List.of("page:contains:/cart",
                "event:equals:purchase"), "a1", T));

        assertThat(store.segments("p1")).extracting(Segment::name).containsExactly("Angry", "Phone buyers");
        assertThat(store.segments("p1").get(1)).isEqualTo(renamed);
        assertThat(store.funnels("p1").get(0).steps()).containsExactly("page:contains:/cart",
                "event:equals:purchase");
        assertThat(store.deleteSegment("p2", "s1")).isFalse();
        assertThat(store.deleteSegment("p1", "s1")).isTrue();
        assertThat(store.segments("p1")).extracting(Segment::id).containsExactly("s2");
        assertThat(store.deleteFunnel("p1", "f1")).isTrue();
        assertThat(store.funnels("p1")).isEmpty();
    }

    @Test
    void notesSurviveAReopenAndAreDeletedWithTheirSessions() {
        RecordingNote note = new RecordingNote("p1", "sess-1", true, List.of("bug", "checkout"), "Stuck on step 2",
                "a1", T);
        store.saveNote(note);
        store.saveNote(new RecordingNote("p1", "sess-2", false, List.of(), "", "a1", T));

        reopen();

        assertThat(store.note("p1", "sess-1")).contains(note);
        assertThat(store.note("p2", "sess-1")).isEmpty();
        assertThat(store.notes("p1", List.of("sess-1", "sess-2", "sess-3"))).containsOnlyKeys("sess-1", "sess-2");

        store.deleteNotes("p1", List.of("sess-1"));

        assertThat(store.notes("p1", List.of("sess-1", "sess-2"))).containsOnlyKeys("sess-2");
        assertThat(store.notes("p1", List.of())).isEqualTo(Map.of());
    }

    @Test
    void aSavedNoteReplacesTheLastOneAndADeletedSegmentCanBeSavedAgain() {
        store.saveNote(new RecordingNote("p1", "sess-1", true, List.of("bug"), "first", "a1", T));
        RecordingNote second = new RecordingNote("p1", "sess-1", false, List.of(), "second", "a2", T.plusSeconds(5));
        store.saveNote(second);
        Segment segment = new Segment("p1", "s1", "Again", List.of("device:equals:mobile"), "a1", T);
        store.saveSegment(segment);
        assertThat(store.deleteSegment("p1", "s1")).isTrue();
        assertThat(store.deleteSegment("p1", "s1")).isFalse();
        store.saveSegment(segment);

        reopen();

        assertThat(store.note("p1", "sess-1")).contains(second);
        assertThat(store.segments("p1")).containsExactly(segment);
    }
}
