package dev.sightline.store.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.store.ChunkKey;
import dev.sightline.contract.store.StoredChunk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk layout itself: where files go, what is left after puts and deletes, what is ignored. */
class DiskRecordingStoreLayoutTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dataDir;

    private DiskRecordingStore store;

    @BeforeEach
    void open() {
        store = new DiskRecordingStore(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aChunkIsOneFileAtItsKeysPathUnderRecordings() throws IOException {
        store.put(new ChunkKey("p1", DAY, "s1", 2, 7), new byte[] {1, 2, 3});

        Path file = dataDir.resolve("recordings/p1/2026/03/02/s1/2/7.json.gz");
        assertThat(file).isRegularFile();
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void aPutLeavesNoTemporaryFileBehind() throws IOException {
        ChunkKey key = new ChunkKey("p1", DAY, "s1", 1, 0);
        store.put(key, new byte[] {1});
        store.put(key, new byte[] {2});

        try (Stream<Path> files = Files.list(dataDir.resolve("recordings/p1/2026/03/02/s1/1"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("0.json.gz");
        }
    }

    @Test
    void filesTheStoreDidNotWriteAreNotListed() throws IOException {
        store.put(new ChunkKey("p1", DAY, "s1", 1, 0), new byte[] {1});
        Path page = dataDir.resolve("recordings/p1/2026/03/02/s1/1");
        Files.write(page.resolve(".0.json.gz123.tmp"), new byte[] {9});
        Files.write(page.resolve("notes.txt"), new byte[] {9});
        Files.write(page.resolve("01.json.gz"), new byte[] {9});
        Files.createDirectories(page.resolveSibling("x"));

        assertThat(store.list("p1", "s1", List.of(DAY))).extracting(StoredChunk::key)
                .containsExactly(new ChunkKey("p1", DAY, "s1", 1, 0));
    }

    @Test
    void deletingASessionRemovesTheFoldersItLeavesEmpty() {
        store.put(new ChunkKey("p1", DAY, "s1", 1, 0), new byte[] {1});
        store.put(new ChunkKey("p1", DAY.plusDays(1), "s2", 1, 0), new byte[] {1});

        store.deleteSessions("p1", List.of("s1"), List.of(DAY));

        assertThat(dataDir.resolve("recordings/p1/2026/03/02")).doesNotExist();
        assertThat(dataDir.resolve("recordings/p1/2026/03/03/s2")).isDirectory();
    }

    @Test
    void deletingOldDaysRemovesEmptyMonthAndYearFoldersAndKeepsStrangers() throws IOException {
        store.put(new ChunkKey("p1", LocalDate.of(2025, 12, 31), "s1", 1, 0), new byte[] {1});
        store.put(new ChunkKey("p1", LocalDate.of(2026, 1, 5), "s2", 1, 0), new byte[] {1});
        store.put(new ChunkKey("p1", DAY, "s3", 1, 0), new byte[] {1});
        Files.createDirectories(dataDir.resolve("recordings/p1/backup"));

        assertThat(store.deleteDaysBefore("p1", DAY)).isEqualTo(2);

        assertThat(dataDir.resolve("recordings/p1/2025")).doesNotExist();
        assertThat(dataDir.resolve("recordings/p1/2026/01")).doesNotExist();
        assertThat(dataDir.resolve("recordings/p1/2026/03/02/s3")).isDirectory();
        assertThat(dataDir.resolve("recordings/p1/backup")).isDirectory();
    }

    @Test
    void negativePageNumbersAndYearsOutsideTheLayoutAreRejected() {
        assertThatThrownBy(() -> store.put(new ChunkKey("p1", DAY, "s1", -1, 0), new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(new ChunkKey("p1", DAY, "s1", 1, -2), new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put(new ChunkKey("p1", LocalDate.of(12026, 1, 1), "s1", 1, 0), new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOpenedChunkStaysReadableWhenItIsDeletedMeanwhile() throws IOException {
        ChunkKey key = new ChunkKey("p1", DAY, "s1", 1, 0);
        store.put(key, new byte[] {4, 5, 6});

        try (InputStream in = store.open(key)) {
            store.deleteSessions("p1", List.of("s1"), List.of(DAY));
            assertThat(in.readAllBytes()).containsExactly(4, 5, 6);
        }
    }

    @Test
    void aClosedStoreRefusesWork() {
        store.close();

        assertThatThrownBy(() -> store.put(new ChunkKey("p1", DAY, "s1", 1, 0), new byte[] {1}))
                .isInstanceOf(IllegalStateException.class);
    }
}
