package dev.sightline.heatmaps;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.store.BatchRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a representative snapshot per project, page key and device class while recordings are
 * processed: the first page view of a page on a device gives it its snapshot, and a later one
 * replaces it once it is older than {@link #REFRESH_AFTER}, so the background follows the site. A
 * snapshot someone pinned stays. Bots never give a snapshot.
 *
 * <p>Cheap on the ingest path: what is stored is remembered in memory, and an upload's recording is
 * parsed only when its key wants a snapshot and its text holds a full snapshot. A snapshot that cannot
 * be made is logged and skipped: heatmap backgrounds never hold up the recordings.
 */
public final class PageSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(PageSnapshots.class);

    static final Duration REFRESH_AFTER = Duration.ofDays(7);
    private static final byte[] FULL_SNAPSHOT_TYPE = "\"type\":2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] META_TYPE = "\"type\":4".getBytes(StandardCharsets.US_ASCII);
    /**
     * Snapshots a project keeps at most, so a site with countless distinct URLs (one key per product id)
     * cannot fill the disk: pages past the cap get none until retention makes room (group them instead).
     */
    static final int MAX_PER_PROJECT = 20_000;
    private static final long RECOUNT_AT_CAP_NANOS = Duration.ofHours(1).toNanos();

    private final PageSnapshotStore store;
    private final ObjectMapper json;
    private final int maxPerProject;
    /** What the store holds per key, as far as this process has looked; absent means not looked yet. */
    private final Map<SnapshotKey, Optional<PageSnapshot>> known = new ConcurrentHashMap<>();
    /** How many snapshots each project holds: counted from the store, then kept up to date. */
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    /** A project's snapshot count; at the cap it is counted again (retention may have made room), at most hourly. */
    private final class Count {
        private final String projectId;
        private final AtomicInteger value = new AtomicInteger();
        private volatile long countedAtNanos;

        Count(String projectId) {
            this.projectId = projectId;
            recount();
        }

        private void recount() {
            value.set(store.list(projectId).size());
            countedAtNanos = System.nanoTime();
        }

        boolean full() {
            if (value.get() >= maxPerProject && System.nanoTime() - countedAtNanos > RECOUNT_AT_CAP_NANOS) {
                recount();
            }
            return value.get() >= maxPerProject;
        }
    }

    public PageSnapshots(PageSnapshotStore store, ObjectMapper json) {
        this(store, json, MAX_PER_PROJECT);
    }

    PageSnapshots(PageSnapshotStore store, ObjectMapper json, int maxPerProject) {
        this.store = requireNonNull(store, "store is null");
        this.json = requireNonNull(json, "json is null");
        this.maxPerProject = maxPerProject;
    }

    /** Offers the recording of one processed upload; stores a snapshot from it when its page needs one. */
    public void offer(BatchRows rows, byte[] recordingJson) {
        requireNonNull(rows, "rows is null");
        requireNonNull(recordingJson, "recordingJson is null");
        if (rows.visit().bot() || !mayHoldFullSnapshot(recordingJson)) {
            return;
        }
        SnapshotKey key = new SnapshotKey(rows.key().projectId(), rows.page().pageKey(), rows.visit().deviceClass());
        try {
            Optional<PageSnapshot> current = known.computeIfAbsent(key, store::find);
            if (current.isPresent() && (current.get().pinned()
                    || current.get().takenAt().plus(REFRESH_AFTER).isAfter(rows.page().startedAt()))) {
                return;
            }
            Count count = counts.computeIfAbsent(key.projectId(), Count::new);
            if (current.isEmpty() && count.full()) {
                return;
            }
            SnapshotEvents.settled(json.readTree(recordingJson)).ifPresent(picked -> {
                PageSnapshot snapshot = new PageSnapshot(key, rows.key().sessionId(), rows.page().pageNumber(),
                        rows.page().startedAt(), picked.viewportWidth(), picked.viewportHeight(), false);
                store.put(snapshot, gzip(json, picked.events()));
                known.put(key, Optional.of(snapshot));
                if (current.isEmpty()) {
                    count.value.incrementAndGet();
                }
            });
        } catch (IOException | RuntimeException e) {
            known.remove(key);
            LOG.warn("no heatmap snapshot of {} from session {}: {}", key.pageKey(), rows.key().sessionId(), e.toString());
        }
    }

    /** Stores a snapshot someone chose; the automatic refresh leaves it alone. */
    void pin(PageSnapshot snapshot, byte[] gzippedEvents) {
        store.put(snapshot, gzippedEvents);
        known.put(snapshot.key(), Optional.of(snapshot));
    }

    /** Every upload of a page view's first moments carries rrweb's Meta and FullSnapshot, whose text is recognisable. */
    private static boolean mayHoldFullSnapshot(byte[] recordingJson) {
        return contains(recordingJson, FULL_SNAPSHOT_TYPE) && contains(recordingJson, META_TYPE);
    }

    private static boolean contains(byte[] text, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= text.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (text[i + j] != part[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static byte[] gzip(ObjectMapper json, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 8192)) {
            json.writeValue(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
