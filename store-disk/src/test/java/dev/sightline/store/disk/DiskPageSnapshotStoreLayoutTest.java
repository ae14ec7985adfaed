package dev.sightline.store.disk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.store.ChunkKey;
import dev.sightline.contract.store.DeviceClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskPageSnapshotStoreLayoutTest {

    @TempDir
    Path dataDir;

    @Test
    void snapshotsLiveBesideTheRecordingsAndOutliveTheirDeletion() throws Exception {
        LocalDate day = LocalDate.of(2026, 3, 2);
        try (DiskRecordingStore recordings = new DiskRecordingStore(dataDir);
             DiskPageSnapshotStore snapshots = new DiskPageSnapshotStore(dataDir)) {
            recordings.put(new ChunkKey("p1", day, "s1", 1, 0), new byte[] {1});
            PageSnapshot snapshot = new PageSnapshot(new SnapshotKey("p1", "shop.example/", DeviceClass.DESKTOP), "s1", 1,
                    Instant.parse("2026-03-02T10:00:00Z"), 1440, 900, false);
            snapshots.put(snapshot, new byte[] {2});

            recordings.deleteSessions("p1", List.of("s1"), List.of(day));
            recordings.deleteDaysBefore("p1", day.plusDays(400));

            assertThat(snapshots.find(snapshot.key())).contains(snapshot);
            assertThat(snapshots.open(snapshot.key()).readAllBytes()).containsExactly(2);
        }
        assertThat(dataDir.resolve(DiskPageSnapshotStore.FOLDER + "/p1/desktop")).isDirectory();
    }

    @Test
    void replacingASnapshotLeavesOneEventsFileBehind() throws Exception {
        try (DiskPageSnapshotStore snapshots = new DiskPageSnapshotStore(dataDir)) {
            SnapshotKey key = new SnapshotKey("p1", "shop.example/", DeviceClass.MOBILE);
            Instant taken = Instant.parse("2026-03-02T10:00:00Z");
            for (int i = 0; i < 3; i++) {
                snapshots.put(new PageSnapshot(key, "s" + i, 1, taken.plusSeconds(i), 390, 844, false), new byte[] {(byte) i});
            }
        }
        try (Stream<Path> files = Files.list(dataDir.resolve(DiskPageSnapshotStore.FOLDER + "/p1/mobile"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .hasSize(2).anyMatch(n -> n.endsWith(".properties")).anyMatch(n -> n.endsWith(".json.gz"));
        }
    }
}
