package dev.sightline.retention;

import dev.sightline.contract.ingest.IngestLog;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.PrivacyStore;
import dev.sightline.contract.store.RecordingStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of retention over every project: recordings filed before the project's recording cutoff
 * go (kept sessions' recordings stay), sessions that started before the analytics cutoff go with all
 * their rows and recordings (kept sessions stay until their time is up), then the ingest log drops
 * what it has handled and the event store purges deleted rows from its files, so nothing expired
 * lives on anywhere under the data directory. Expired logins, invitations and old login-audit lines
 * go too.
 */
public final class RetentionPass {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPass.class);
    private static final int BATCH = 1_000;
    private static final Duration LOG_DRAIN = Duration.ofMinutes(2);

    /** What one run removed. */
    public record Outcome(long recordingChunks, long sessions) {
        boolean deletedAnything() {
            return recordingChunks > 0 || sessions > 0;
        }
    }

    private final MetadataStore metadata;
    private final EventStore events;
    private final RecordingStore recordings;
    private final IngestLog log;
    private final Clock clock;
    private final SessionErasure erasure;

    public RetentionPass(MetadataStore metadata, EventStore events, RecordingStore recordings, SessionErasure erasure,
                         IngestLog log, Clock clock) {
        this.erasure = Objects.requireNonNull(erasure, "erasure is null");
        this.metadata = Objects.requireNonNull(metadata, "metadata is null");
        this.events = Objects.requireNonNull(events, "events is null");
        this.recordings = Objects.requireNonNull(recordings, "recordings is null");
        this.log = Objects.requireNonNull(log, "log is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public synchronized Outcome run() throws InterruptedException {
        Instant now = clock.instant();
        long chunks = 0;
        long sessions = 0;
        for (Project project : metadata.projects()) {
            chunks += expireRecordings(project, now);
            sessions += expireSessions(project, now);
        }
        if (!log.purgeHandled(LOG_DRAIN)) {
            LOG.warn("retention: the ingest log is behind; handled uploads stay in it until the next run");
        }
        Outcome outcome = new Outcome(chunks, sessions);
        if (outcome.deletedAnything()) {
            events.privacy().purgeDeleted();
        }
        metadata.security().deleteExpired(now);
        metadata.security().deleteLoginsBefore(now.minus(RetentionPolicy.LOGIN_AUDIT));
        LOG.info("retention: deleted {} recording chunks and {} sessions", chunks, sessions);
        return outcome;
    }

    private long expireRecordings(Project project, Instant now) {
        LocalDate cutoff = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(project.recordingRetentionDays());
        Set<String> kept = events.privacy().keptAt(project.id(), now);
        return recordings.deleteDaysBefore(project.id(), cutoff, kept);
    }

    private long expireSessions(Project project, Instant now) {
        PrivacyStore privacy = events.privacy();
        Instant cutoff = now.minus(Duration.ofDays(project.analyticsRetentionDays()));
        erasure.expireSnapshots(project.id(), cutoff);
        long deleted = 0;
        List<String> expired;
        while (!(expired = privacy.expiredSessions(project.id(), cutoff, now, BATCH)).isEmpty()) {
            erasure.erase(project.id(), expired);
            deleted += expired.size();
        }
        return deleted;
    }
}
