package dev.sightline.contract.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What retention and erasure need from the {@link EventStore} ({@link EventStore#privacy()}): finding a
 * person's sessions, keeping chosen sessions past the usual retention, finding expired sessions, and
 * making deletions physical.
 */
public interface PrivacyStore {

    /** Every session of the visitor in the project, oldest first. */
    List<String> sessionsOfVisitor(String projectId, String visitorId);

    /**
     * Every session identified as the user (by the SHA-256 hex the tracker sends), and every other
     * session of the visitors who were identified as them in the project: a browser that identified
     * once is that person's browser. Oldest first.
     */
    List<String> sessionsOfUser(String projectId, String userHash);

    /** The UTC days the sessions' page views started on: where their recordings are filed. */
    Set<LocalDate> recordingDays(String projectId, Collection<String> sessionIds);

    /**
     * Keeps the session (a favourite, a labelled recording) until the given time, past the project's
     * retention: its recording and its rows stay. Replaces an earlier time.
     *
     * @return false when the project has no such session (nothing is kept then)
     */
    boolean keep(String projectId, String sessionId, Instant until);

    /** Lets the session follow the project's retention again; unknown sessions are ignored. */
    void release(String projectId, String sessionId);

    /** Until when the session is kept, if it is. */
    Optional<Instant> keptUntil(String projectId, String sessionId);

    /** The sessions of the project kept beyond {@code at}. */
    Set<String> keptAt(String projectId, Instant at);

    /**
     * Sessions of the project that started before the cutoff and are not kept beyond {@code now},
     * oldest first, at most {@code limit}.
     */
    List<String> expiredSessions(String projectId, Instant startedBefore, Instant now, int limit);

    /**
     * Rewrites the store's files so that no byte of deleted data remains in them (databases keep
     * deleted rows in free space until it is reused). Slow on large stores: call it after a batch of
     * deletions, not after each.
     */
    void purgeDeleted();
}
