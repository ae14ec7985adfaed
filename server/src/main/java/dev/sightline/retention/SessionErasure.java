package dev.sightline.retention;

import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.RecordingStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deletes sessions from every store: heatmap backgrounds taken from them, their recordings, then
 * their rows — recordings before rows, so a session the event store lists always has its recording.
 */
public final class SessionErasure {
    private final EventStore events;
    private final RecordingStore recordings;
    private final PageSnapshotStore snapshots;
    private final DashboardStore notes;

    public SessionErasure(EventStore events, RecordingStore recordings, PageSnapshotStore snapshots,
                          DashboardStore notes) {
        this.events = Objects.requireNonNull(events, "events is null");
        this.recordings = Objects.requireNonNull(recordings, "recordings is null");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots is null");
        this.notes = Objects.requireNonNull(notes, "notes is null");
    }

    public void erase(String projectId, Collection<String> sessionIds) {
        List<String> ids = List.copyOf(sessionIds);
        if (ids.isEmpty()) {
            return;
        }
        Set<LocalDate> days = new TreeSet<>();
        // A day's margin either side, as the player's lookup has: clocks near midnight.
        for (LocalDate day : events.privacy().recordingDays(projectId, ids)) {
            days.add(day.minusDays(1));
            days.add(day);
            days.add(day.plusDays(1));
        }
        snapshots.deleteSessions(projectId, ids);
        recordings.deleteSessions(projectId, ids, days);
        events.deleteSessions(projectId, ids);
        notes.deleteNotes(projectId, ids);
    }

    /** Heatmap backgrounds taken before the cutoff: they age out with the rest of the analytics data. */
    public long expireSnapshots(String projectId, java.time.Instant cutoff) {
        return snapshots.deleteTakenBefore(projectId, cutoff);
    }
}
