package dev.sightline.contract.export;

import dev.sightline.contract.store.BatchRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One stored session as uploads to write again: writing {@link #batches} into any
 * {@link dev.sightline.contract.store.EventStore} stores the same session, page views and events,
 * under the same batch keys (so writing them twice stores nothing twice).
 *
 * @param recordingDays the UTC days its page views started on: where its recording chunks are filed
 * @param keptUntil until when it is kept past retention, if it is
 */
public record ExportedSession(String projectId, String sessionId, Set<LocalDate> recordingDays,
                              List<BatchRows> batches, Optional<Instant> keptUntil) {
    public ExportedSession {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        recordingDays = Set.copyOf(recordingDays);
        batches = List.copyOf(batches);
        Objects.requireNonNull(keptUntil, "keptUntil is null");
    }
}
