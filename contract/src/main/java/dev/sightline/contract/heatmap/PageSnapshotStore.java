package dev.sightline.contract.heatmap;

import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Heatmap backgrounds: one {@link PageSnapshot} per project, page key and device class, with its
 * events as a gzip-compressed JSON array. Kept independently of the {@link
 * dev.sightline.contract.store.RecordingStore}: deleting recordings never touches them. The embedded
 * default is a folder on disk; a cluster uses object storage.
 */
public interface PageSnapshotStore extends AutoCloseable {

    /** Stores a snapshot, replacing the one with the same key. Durable when it returns. */
    void put(PageSnapshot snapshot, byte[] gzippedJsonArray);

    Optional<PageSnapshot> find(SnapshotKey key);

    /** Opens the gzip-compressed events of the snapshot stored under the key. */
    InputStream open(SnapshotKey key);

    /** Every snapshot of the project, by page key then device class. */
    List<PageSnapshot> list(String projectId);

    /** Retention: deletes the project's snapshots taken before the cutoff, pinned ones too; returns how many went. */
    long deleteTakenBefore(String projectId, Instant cutoff);

    /** Erasure: deletes the snapshots taken from these sessions; unknown sessions are ignored. */
    void deleteSessions(String projectId, Collection<String> sessionIds);

    @Override
    void close();
}
