package dev.sightline.heatmaps;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.store.ChunkNotFoundException;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.PageViewSummary;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.StoredChunk;
import dev.sightline.http.HttpProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Which snapshot a heatmap is drawn over, and pinning one from a moment of a recording. A page's own
 * snapshot on the asked device class comes first; a page group takes the newest snapshot of its pages
 * (pinned ones first); "all devices" prefers desktop, then mobile, tablet, other.
 */
public final class Backgrounds {
    private static final List<DeviceClass> PREFERENCE = List.of(DeviceClass.DESKTOP, DeviceClass.MOBILE,
            DeviceClass.TABLET, DeviceClass.OTHER);
    private static final Comparator<PageSnapshot> BEST = Comparator.comparing(PageSnapshot::pinned)
            .thenComparing(PageSnapshot::takenAt);

    private final PageSnapshotStore store;
    private final PageSnapshots snapshots;
    private final EventStore events;
    private final RecordingStore recordings;
    private final ObjectMapper json;

    public Backgrounds(PageSnapshotStore store, PageSnapshots snapshots, EventStore events, RecordingStore recordings,
                       ObjectMapper json) {
        this.store = requireNonNull(store, "store is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
        this.events = requireNonNull(events, "events is null");
        this.recordings = requireNonNull(recordings, "recordings is null");
        this.json = requireNonNull(json, "json is null");
    }

    Optional<PageSnapshot> find(String projectId, PageScope scope, Optional<DeviceClass> device) {
        List<DeviceClass> devices = device.map(List::of).orElse(PREFERENCE);
        if (scope instanceof PageScope.Page page) {
            for (DeviceClass d : devices) {
                Optional<PageSnapshot> found = store.find(new SnapshotKey(projectId, page.pageKey(), d));
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        List<PageSnapshot> all = store.list(projectId);
        for (DeviceClass d : devices) {
            Optional<PageSnapshot> best = all.stream()
                    .filter(s -> s.key().device() == d && scope.contains(s.key().pageKey())).max(BEST);
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    InputStream open(SnapshotKey key) {
        return store.open(key);
    }

    /** Keys of the project's snapshots on a device class (every class when empty). */
    List<SnapshotKey> keys(String projectId, Optional<DeviceClass> device) {
        return store.list(projectId).stream().map(PageSnapshot::key)
                .filter(k -> device.isEmpty() || k.device() == device.get()).toList();
    }

    /**
     * Makes the page as a recording showed it {@code atMs} after its session started the background of
     * that page on the session's device class, pinned.
     */
    PageSnapshot pin(String projectId, String sessionId, int pageNumber, long atMs) {
        SessionDetail detail = events.session(projectId, sessionId).orElseThrow(() -> HttpProblem.notFound("session"));
        PageViewSummary page = detail.pages().stream().filter(p -> p.pageNumber() == pageNumber).findFirst()
                .orElseThrow(() -> HttpProblem.notFound("page view"));
        List<JsonNode> chunks = new ArrayList<>();
        for (StoredChunk chunk : recordings.list(projectId, sessionId, days(page))) {
            if (chunk.key().pageNumber() == pageNumber) {
                chunks.add(read(chunk));
            }
        }
        if (chunks.isEmpty()) {
            throw HttpProblem.notFound("recording of that page view");
        }
        long at = detail.summary().startedAt().toEpochMilli() + atMs;
        SnapshotEvents.Picked picked = SnapshotEvents.at(chunks, at).orElseThrow(() -> HttpProblem.badRequest(
                "no_snapshot_there", "the recording shows no complete page at that moment"));
        PageSnapshot snapshot = new PageSnapshot(new SnapshotKey(projectId, page.pageKey(), detail.summary().deviceClass()),
                sessionId, pageNumber, Instant.ofEpochMilli(at), picked.viewportWidth(), picked.viewportHeight(), true);
        snapshots.pin(snapshot, PageSnapshots.gzip(json, picked.events()));
        return snapshot;
    }

    private JsonNode read(StoredChunk chunk) {
        try (InputStream in = new GZIPInputStream(recordings.open(chunk.key()))) {
            return json.readTree(in);
        } catch (ChunkNotFoundException e) {
            return json.createArrayNode();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording chunk " + chunk.key().path(), e);
        }
    }

    /** The UTC day a page view started on, with a day's margin either side for clocks near midnight. */
    private static List<LocalDate> days(PageViewSummary page) {
        LocalDate day = page.startedAt().atZone(ZoneOffset.UTC).toLocalDate();
        return List.of(day.minusDays(1), day, day.plusDays(1));
    }
}
