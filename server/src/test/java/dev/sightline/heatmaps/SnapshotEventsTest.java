package dev.sightline.heatmaps;

import static dev.sightline.heatmaps.RrwebEvents.array;
import static dev.sightline.heatmaps.RrwebEvents.fullSnapshot;
import static dev.sightline.heatmaps.RrwebEvents.meta;
import static dev.sightline.heatmaps.RrwebEvents.mouseMove;
import static dev.sightline.heatmaps.RrwebEvents.mutation;
import static dev.sightline.heatmaps.RrwebEvents.scroll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSettledPageIsItsFullSnapshotAndTheDocumentChangesOfTheNextSeconds() throws Exception {
        JsonNode events = JSON.readTree(array(mouseMove(900), meta(1000, 1440, 900), fullSnapshot(1001, "a"),
                mouseMove(1100), mutation(1200), scroll(1300), mutation(1001 + SnapshotEvents.SETTLING_MS + 1)));

        SnapshotEvents.Picked picked = SnapshotEvents.settled(events).orElseThrow();

        assertThat(timestamps(picked.events())).containsExactly(1000L, 1001L, 1200L);
        assertThat(picked.viewportWidth()).isEqualTo(1440);
        assertThat(picked.viewportHeight()).isEqualTo(900);
        assertThat(picked.fullSnapshotAt()).isEqualTo(1001);
    }

    @Test
    void anUploadWithoutAMetaAndFullSnapshotPairGivesNothing() throws Exception {
        assertThat(SnapshotEvents.settled(JSON.readTree(array(mutation(1), mouseMove(2))))).isEmpty();
        assertThat(SnapshotEvents.settled(JSON.readTree(array(fullSnapshot(1, "a"), meta(2, 1, 1))))).isEmpty();
        assertThat(SnapshotEvents.settled(JSON.readTree("{\"type\":4}"))).isEmpty();
    }

    @Test
    void aMomentOfARecordingIsTheLastFullSnapshotBeforeItAndTheChangesUpToIt() throws Exception {
        List<JsonNode> chunks = List.of(
                JSON.readTree(array(meta(1000, 1440, 900), fullSnapshot(1001, "first"), mutation(2000))),
                JSON.readTree(array(mutation(3000), meta(4000, 1280, 800))),
                JSON.readTree(array(fullSnapshot(4001, "second"), mutation(5000), scroll(5500), mutation(6000), mutation(9000))));

        SnapshotEvents.Picked picked = SnapshotEvents.at(chunks, 6000).orElseThrow();

        assertThat(timestamps(picked.events())).containsExactly(4000L, 4001L, 5000L, 6000L);
        assertThat(picked.viewportWidth()).isEqualTo(1280);
        assertThat(timestamps(SnapshotEvents.at(chunks, 3500).orElseThrow().events()))
                .containsExactly(1000L, 1001L, 2000L, 3000L);
        assertThat(SnapshotEvents.at(chunks, 999)).isEmpty();
    }

    private static List<Long> timestamps(JsonNode events) {
        List<Long> list = new ArrayList<>();
        events.forEach(e -> list.add(e.get("timestamp").asLong()));
        return list;
    }
}
