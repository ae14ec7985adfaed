package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.Objects;

/**
 * The trace an erasure leaves: when, by whom, of what kind, and how much went. The erased id itself is
 * not kept, only {@code subjectHint} (its first characters), so the record is no copy of the data.
 */
public record ErasureRecord(String id, String projectId, SubjectKind subjectKind, String subjectHint,
                            int sessionsDeleted, String requestedBy, Instant at) {

    /** How the person was named. */
    public enum SubjectKind {
        /** The tracker's visitor id (the {@code _slv} cookie). */
        VISITOR,
        /** The id given to {@code sightline('identify', …)}, by its SHA-256. */
        USER
    }

    public ErasureRecord {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(subjectKind, "subjectKind is null");
        Objects.requireNonNull(subjectHint, "subjectHint is null");
        Objects.requireNonNull(requestedBy, "requestedBy is null");
        Objects.requireNonNull(at, "at is null");
    }
}
