package dev.sightline.contract.heatmap;

import java.time.Instant;
import java.util.Objects;

/**
 * A representative snapshot of a page on one device class, taken from a real recording: the recorded
 * rrweb events that rebuild the page (its Meta and FullSnapshot events, and the events of the same
 * upload that followed), stored apart from recordings so that a heatmap still renders after the
 * recordings expired.
 *
 * @param takenAt when the recorded page view showed this state
 * @param pinned chosen by a person ("use this moment as the heatmap background"); automatic refreshes
 *        leave a pinned snapshot alone
 */
public record PageSnapshot(SnapshotKey key, String sessionId, int pageNumber, Instant takenAt, int viewportWidth,
                           int viewportHeight, boolean pinned) {
    public PageSnapshot {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(takenAt, "takenAt is null");
    }
}
