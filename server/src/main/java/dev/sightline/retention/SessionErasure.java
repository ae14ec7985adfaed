package dev.sightline.retention;

import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.RecordingStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Deletes sessions from both stores: recordings first, so a session the event store lists always has its recording. */
public final class SessionErasure {

    private SessionErasure() {
    }

    public static void erase(EventStore events, RecordingStore recordings, String projectId, Collection<String> sessionIds) {
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
        recordings.deleteSessions(projectId, ids, days);
        events.deleteSessions(projectId, ids);
    }
}
