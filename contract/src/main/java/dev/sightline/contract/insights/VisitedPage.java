package dev.sightline.contract.insights;

import dev.sightline.contract.wire.Click;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page view as insights see it.
 *
 * @param lastClick its latest click (times relative to this page view's start), if it had any
 */
public record VisitedPage(int pageNumber, String url, String pageKey, Instant startedAt, Instant lastSeenAt,
                          boolean ended, int viewportHeight, Optional<Click> lastClick) {
    public VisitedPage {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(pageKey, "pageKey is null");
        Objects.requireNonNull(startedAt, "startedAt is null");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt is null");
        Objects.requireNonNull(lastClick, "lastClick is null");
    }

    /** Milliseconds from the start to the last sign of life. */
    public long durationMs() {
        return lastSeenAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
