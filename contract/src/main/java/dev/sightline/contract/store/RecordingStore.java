package dev.sightline.contract.store;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recording chunks: the rrweb events of one upload, as a gzip-compressed JSON array. The embedded
 * default is a folder on disk; a cluster uses S3-compatible object storage.
 */
public interface RecordingStore extends AutoCloseable {

    /** Stores a chunk, replacing one with the same key. Durable when it returns. */
    void put(ChunkKey key, byte[] gzippedJsonArray);

    /**
     * Stores several chunks, each replacing one with the same key; every one is durable when it
     * returns. A store may make them durable together, which is far cheaper than one at a time.
     */
    default void putAll(Map<ChunkKey, byte[]> gzippedJsonArrays) {
        gzippedJsonArrays.forEach(this::put);
    }

    /**
     * The chunks of a session, ordered by page number then sequence.
     *
     * @param days the UTC days on which the session's page views started
     */
    List<StoredChunk> list(String projectId, String sessionId, Collection<LocalDate> days);

    /** Opens a chunk's gzip-compressed bytes. */
    InputStream open(ChunkKey key);

    /** Deletes every chunk of the sessions; unknown sessions are ignored. */
    void deleteSessions(String projectId, Collection<String> sessionIds, Collection<LocalDate> days);

    /** Deletes every chunk of the project filed under a day before the cutoff; returns how many went. */
    long deleteDaysBefore(String projectId, LocalDate cutoff);

    /**
     * Deletes every chunk of the project filed under a day before the cutoff except the chunks of the
     * kept sessions; returns how many went.
     */
    long deleteDaysBefore(String projectId, LocalDate cutoff, Set<String> keptSessionIds);

    @Override
    void close();
}
