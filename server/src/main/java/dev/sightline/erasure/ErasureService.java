package dev.sightline.erasure;

import dev.sightline.contract.ingest.IngestLog;
import dev.sightline.contract.meta.ErasureRecord;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.store.EventStore;
import dev.sightline.http.HttpProblem;
import dev.sightline.retention.SessionErasure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Erases everything stored about one person in one project, from every store:
 * <ol>
 *   <li>the ingest log is drained: uploads accepted before the request are processed, then removed
 *       from the log's files;</li>
 *   <li>the person's sessions are found (a visitor's; or a user's, with every session of the browsers
 *       they identified in) and their recordings and rows deleted;</li>
 *   <li>the event store rewrites its files, so the deleted rows leave no bytes behind.</li>
 * </ol>
 * Uploads of the person that arrive after the request started are new data and are kept. Erasures
 * run one at a time.
 */
public final class ErasureService {
    static final Duration LOG_DRAIN = Duration.ofSeconds(60);

    private final MetadataStore metadata;
    private final EventStore events;
    private final SessionErasure erasure;
    private final IngestLog log;
    private final Clock clock;

    public ErasureService(MetadataStore metadata, EventStore events, SessionErasure erasure, IngestLog log, Clock clock) {
        this.metadata = Objects.requireNonNull(metadata, "metadata is null");
        this.events = Objects.requireNonNull(events, "events is null");
        this.erasure = Objects.requireNonNull(erasure, "erasure is null");
        this.log = Objects.requireNonNull(log, "log is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    /** The sessions an erasure of the subject would delete now. */
    public List<String> sessionsOf(String projectId, ErasureSubject subject) {
        return switch (subject.kind()) {
            case VISITOR -> events.privacy().sessionsOfVisitor(projectId, subject.value());
            case USER -> events.privacy().sessionsOfUser(projectId, subject.value());
        };
    }

    public synchronized ErasureRecord erase(String projectId, ErasureSubject subject, String requestedBy)
            throws InterruptedException {
        if (!log.purgeHandled(LOG_DRAIN)) {
            throw HttpProblem.unavailable("uploads are still being processed; try the erasure again in a minute", 60);
        }
        List<String> sessions = sessionsOf(projectId, subject);
        erasure.erase(projectId, sessions);
        events.privacy().purgeDeleted();
        ErasureRecord record = new ErasureRecord(UUID.randomUUID().toString(), projectId, subject.kind(),
                subject.hint(), sessions.size(), requestedBy, clock.instant());
        metadata.security().recordErasure(record);
        return record;
    }
}
