package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

/**
 * What a write does to one session, as far as new-versus-returning cares.
 *
 * @param visitorId the stored visitor, or for a new session the visitor of its lowest batch
 * @param storedStartMicros the stored start, or {@code null} for a new session
 * @param writtenStartMicros the earliest page start among the write's batches
 */
record SessionChange(String projectId, String sessionId, String sessionKey, String visitorId,
                     Long storedStartMicros, long writtenStartMicros) {

    SessionChange {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(sessionKey, "sessionKey is null");
        requireNonNull(visitorId, "visitorId is null");
    }

    /** Only a new session or one that now starts earlier can become its visitor's first. */
    boolean mayBecomeFirst() {
        return storedStartMicros == null || writtenStartMicros < storedStartMicros;
    }

    FirstSession asFirst() {
        long start = storedStartMicros == null ? writtenStartMicros : Math.min(storedStartMicros, writtenStartMicros);
        return new FirstSession(sessionId, start);
    }
}
