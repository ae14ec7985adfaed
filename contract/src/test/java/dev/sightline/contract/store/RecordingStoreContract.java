package dev.sightline.contract.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link RecordingStore} must do. A back end extends this class and says how to open itself
 * over a data directory; opening the same directory again must find every chunk put before.
 */
public abstract class RecordingStoreContract {

    protected static final String PROJECT = "project-a";
    protected static final String OTHER_PROJECT = "project-b";
    protected static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @TempDir
    protected Path dataDir;

    private RecordingStore store;

    /** Opens the store over the directory; called again on the same directory to test durability. */
    protected abstract RecordingStore openStore(Path dataDir);

    @BeforeEach
    void openTheStore() {
        store = openStore(dataDir);
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            store.close();
        }
    }

    protected final RecordingStore store() {
        return store;
    }

    protected final void reopen() {
        store.close();
        store = null;
        store = openStore(dataDir);
    }

    @Test
    void aChunkReadsBackByteForByte() {
        ChunkKey key = key(PROJECT, DAY, "s1", 1, 0);
        byte[] chunk = gzip("[{\"type\":2,\"data\":{}}]");

        store.put(key, chunk);

        assertThat(read(key)).isEqualTo(chunk);
    }

    @Test
    void puttingTheSameKeyAgainReplacesTheChunk() {
        ChunkKey key = key(PROJECT, DAY, "s1", 1, 0);
        store.put(key, gzip("[1]"));
        byte[] replacement = gzip("[2,3,4]");

        store.put(key, replacement);

        assertThat(read(key)).isEqualTo(replacement);
        assertThat(store.list(PROJECT, "s1", List.of(DAY)))
                .containsExactly(new StoredChunk(key, replacement.length));
    }

    @Test
    void manyChunksPutTogetherAreEachStoredReplacingEarlierOnesAndSurviveReopening() {
        ChunkKey replaced = key(PROJECT, DAY, "s2", 1, 0);
        store.put(replaced, gzip("[0]"));
        java.util.Map<ChunkKey, byte[]> chunks = new java.util.LinkedHashMap<>();
        for (int session = 1; session <= 3; session++) {
            for (int page = 1; page <= 2; page++) {
                for (int sequence = 0; sequence < 3; sequence++) {
                    chunks.put(key(PROJECT, DAY.plusDays(session % 2), "s" + session, page, sequence),
                            gzip("[" + session + "," + page + "," + sequence + "]"));
                }
            }
        }

        store.putAll(chunks);
        reopen();

        for (var chunk : chunks.entrySet()) {
            assertThat(read(chunk.getKey())).as(chunk.getKey().path()).isEqualTo(chunk.getValue());
        }
        assertThat(store.list(PROJECT, "s2", List.of(DAY, DAY.plusDays(1)))).hasSize(6);
        assertThat(read(replaced)).isEqualTo(chunks.get(replaced));
    }

    @Test
    void aSessionsChunksAreListedByPageThenSequenceAcrossDays() {
        LocalDate nextDay = DAY.plusDays(1);
        List<ChunkKey> keys = List.of(
                key(PROJECT, nextDay, "s1", 3, 0),
                key(PROJECT, DAY, "s1", 1, 10),
                key(PROJECT, DAY, "s1", 2, 0),
                key(PROJECT, DAY, "s1", 1, 2),
                key(PROJECT, DAY, "s1", 1, 0),
                key(PROJECT, nextDay, "s1", 3, 1));
        for (int i = 0; i < keys.size(); i++) {
            store.put(keys.get(i), gzip("[" + "0,".repeat(i * 50) + "0]"));
        }
        store.put(key(PROJECT, DAY, "s2", 1, 0), gzip("[]"));
        store.put(key(OTHER_PROJECT, DAY, "s1", 1, 1), gzip("[]"));

        List<StoredChunk> chunks = store.list(PROJECT, "s1", List.of(nextDay, DAY));

        assertThat(chunks).extracting(StoredChunk::key).containsExactly(
                key(PROJECT, DAY, "s1", 1, 0),
                key(PROJECT, DAY, "s1", 1, 2),
                key(PROJECT, DAY, "s1", 1, 10),
                key(PROJECT, DAY, "s1", 2, 0),
                key(PROJECT, nextDay, "s1", 3, 0),
                key(PROJECT, nextDay, "s1", 3, 1));
        for (StoredChunk chunk : chunks) {
            assertThat(chunk.compressedBytes()).isEqualTo(read(chunk.key()).length);
        }
    }

    @Test
    void listingOnlyLooksAtTheGivenDays() {
        store.put(key(PROJECT, DAY, "s1", 1, 0), gzip("[]"));

        assertThat(store.list(PROJECT, "s1", List.of(DAY.plusDays(1)))).isEmpty();
        assertThat(store.list(PROJECT, "s1", List.of())).isEmpty();
        assertThat(store.list(PROJECT, "s1", List.of(DAY, DAY))).hasSize(1);
    }

    @Test
    void anUnknownSessionHasNoChunks() {
        assertThat(store.list(PROJECT, "nobody", List.of(DAY))).isEmpty();
    }

    @Test
    void openingAMissingChunkThrowsChunkNotFound() {
        store.put(key(PROJECT, DAY, "s1", 1, 0), gzip("[]"));

        assertThatThrownBy(() -> store.open(key(PROJECT, DAY, "s1", 1, 1)).close())
                .isInstanceOf(ChunkNotFoundException.class);
        assertThatThrownBy(() -> store.open(key(PROJECT, DAY, "s9", 1, 0)).close())
                .isInstanceOf(ChunkNotFoundException.class);
    }

    @Test
    void deletingSessionsRemovesOnlyTheirChunks() {
        LocalDate nextDay = DAY.plusDays(1);
        store.put(key(PROJECT, DAY, "s1", 1, 0), gzip("[]"));
        store.put(key(PROJECT, nextDay, "s1", 2, 0), gzip("[]"));
        store.put(key(PROJECT, DAY, "s2", 1, 0), gzip("[]"));
        store.put(key(PROJECT, DAY, "s3", 1, 0), gzip("[]"));
        store.put(key(OTHER_PROJECT, DAY, "s1", 1, 0), gzip("[]"));

        store.deleteSessions(PROJECT, List.of("s1", "s2", "unknown"), List.of(DAY, nextDay));

        assertThat(store.list(PROJECT, "s1", List.of(DAY, nextDay))).isEmpty();
        assertThat(store.list(PROJECT, "s2", List.of(DAY))).isEmpty();
        assertThat(store.list(PROJECT, "s3", List.of(DAY))).hasSize(1);
        assertThat(store.list(OTHER_PROJECT, "s1", List.of(DAY))).hasSize(1);
        assertThatThrownBy(() -> store.open(key(PROJECT, DAY, "s1", 1, 0)).close())
                .isInstanceOf(ChunkNotFoundException.class);
    }

    @Test
    void deletingDaysBeforeACutoffRemovesThoseWholeDaysAndCountsTheirChunks() {
        LocalDate older = DAY.minusDays(40);
        store.put(key(PROJECT, older, "s0", 1, 0), gzip("[]"));
        store.put(key(PROJECT, DAY.minusDays(1), "s1", 1, 0), gzip("[]"));
        store.put(key(PROJECT, DAY.minusDays(1), "s1", 1, 1), gzip("[]"));
        store.put(key(PROJECT, DAY.minusDays(1), "s2", 2, 0), gzip("[]"));
        store.put(key(PROJECT, DAY, "s3", 1, 0), gzip("[]"));
        store.put(key(PROJECT, DAY.plusDays(1), "s4", 1, 0), gzip("[]"));
        store.put(key(OTHER_PROJECT, older, "s5", 1, 0), gzip("[]"));

        assertThat(store.deleteDaysBefore(PROJECT, DAY)).isEqualTo(4);

        assertThat(store.list(PROJECT, "s0", List.of(older))).isEmpty();
        assertThat(store.list(PROJECT, "s1", List.of(DAY.minusDays(1)))).isEmpty();
        assertThat(store.list(PROJECT, "s3", List.of(DAY))).as("the cutoff day stays").hasSize(1);
        assertThat(store.list(PROJECT, "s4", List.of(DAY.plusDays(1)))).hasSize(1);
        assertThat(store.list(OTHER_PROJECT, "s5", List.of(older))).hasSize(1);
        assertThat(store.deleteDaysBefore(PROJECT, DAY)).isZero();
    }

    @Test
    void deletingDaysBeforeACutoffKeepsTheChunksOfKeptSessions() {
        LocalDate older = DAY.minusDays(40);
        store.put(key(PROJECT, older, "kept", 1, 0), gzip("[]"));
        store.put(key(PROJECT, older, "kept", 2, 0), gzip("[]"));
        store.put(key(PROJECT, older, "gone", 1, 0), gzip("[]"));
        store.put(key(PROJECT, older.plusDays(1), "also-gone", 1, 0), gzip("[]"));

        assertThat(store.deleteDaysBefore(PROJECT, DAY, java.util.Set.of("kept"))).isEqualTo(2);

        assertThat(store.list(PROJECT, "kept", List.of(older))).hasSize(2);
        assertThat(store.list(PROJECT, "gone", List.of(older))).isEmpty();
        assertThat(store.list(PROJECT, "also-gone", List.of(older.plusDays(1)))).isEmpty();

        assertThat(store.deleteDaysBefore(PROJECT, DAY, java.util.Set.of())).isEqualTo(2);
        assertThat(store.list(PROJECT, "kept", List.of(older))).isEmpty();
    }

    @Test
    void deletingInAnEmptyStoreFindsNothing() {
        assertThat(store.deleteDaysBefore(PROJECT, DAY)).isZero();
        store.deleteSessions(PROJECT, List.of("s1"), List.of(DAY));
        store.deleteSessions(PROJECT, List.of(), List.of());
    }

    @Test
    void aSessionCanBeRecordedAgainAfterItWasDeleted() {
        ChunkKey key = key(PROJECT, DAY, "s1", 1, 0);
        store.put(key, gzip("[1]"));
        store.deleteSessions(PROJECT, List.of("s1"), List.of(DAY));
        store.deleteDaysBefore(PROJECT, DAY.plusDays(1));
        byte[] again = gzip("[2]");

        store.put(key, again);

        assertThat(read(key)).isEqualTo(again);
    }

    @Test
    void chunksSurviveCloseAndReopen() {
        ChunkKey key = key(PROJECT, DAY, "s1", 1, 0);
        byte[] chunk = gzip("[{\"type\":4}]");
        store.put(key, chunk);

        reopen();

        assertThat(read(key)).isEqualTo(chunk);
        assertThat(store.list(PROJECT, "s1", List.of(DAY))).containsExactly(new StoredChunk(key, chunk.length));
    }

    @Test
    void idsThatCouldEscapeTheLayoutAreRejected() {
        for (String bad : List.of("..", "../x", "a/b", "a\\b", "", "a.b", "a b", "ä")) {
            assertThatThrownBy(() -> store.put(key(bad, DAY, "s1", 1, 0), gzip("[]")))
                    .as("project id %s", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.put(key(PROJECT, DAY, bad, 1, 0), gzip("[]")))
                    .as("session id %s", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.list(PROJECT, bad, List.of(DAY)))
                    .as("listed session id %s", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.open(key(PROJECT, DAY, bad, 1, 0)))
                    .as("opened session id %s", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deleteSessions(PROJECT, List.of(bad), List.of(DAY)))
                    .as("deleted session id %s", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deleteDaysBefore(bad, DAY))
                    .as("project id %s", bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(store.list(PROJECT, "Ok_id-09", List.of(DAY))).isEmpty();
    }

    // ---- helpers ----

    protected static ChunkKey key(String projectId, LocalDate day, String sessionId, int page, int sequence) {
        return new ChunkKey(projectId, day, sessionId, page, sequence);
    }

    protected final byte[] read(ChunkKey key) {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static byte[] gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
