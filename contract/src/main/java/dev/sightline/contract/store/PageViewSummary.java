package dev.sightline.contract.store;

import java.time.Instant;

/** One page view of a session, as the player and the metadata panel show it. */
public record PageViewSummary(int pageNumber, String url, String pageKey, String title, String referrer,
                              Instant startedAt, Instant lastSeenAt, long activeMs, int maxScrollPermille,
                              int viewportWidth, int viewportHeight, int documentHeight) {

    public long durationMs() {
        return lastSeenAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
