package dev.sightline.contract.store;

import java.time.Instant;
import java.util.Objects;

/** One row of the recordings list. */
public record SessionSummary(String projectId, String sessionId, String visitorId, Instant startedAt,
                             Instant endedAt, long activeMs, int pages, int clicks, int errors,
                             DeviceClass deviceClass, String browser, String os, String country,
                             String entryUrl, String exitUrl, String referrer, Channel channel,
                             boolean newVisitor, boolean bot, String userHash) {
    public SessionSummary {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(startedAt, "startedAt is null");
        Objects.requireNonNull(endedAt, "endedAt is null");
    }

    public long durationMs() {
        return endedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
