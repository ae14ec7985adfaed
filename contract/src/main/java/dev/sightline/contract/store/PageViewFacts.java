package dev.sightline.contract.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What one batch tells about its page view. Stores merge the facts of all batches of a page view:
 * the earliest {@code startedAt}, the latest {@code lastSeenAt}, the sum of {@code activeMs}, the
 * largest scroll depth and document height, and the first non-empty title and referrer.
 *
 * @param pageKey the normalised URL heatmaps group by (no fragment, only allowed query parameters)
 * @param maxScrollPermille deepest point seen, in thousandths of the document height
 * @param title empty when this batch did not carry the page's title
 */
public record PageViewFacts(int pageNumber, String url, String pageKey, String title, String referrer,
                            Instant startedAt, Instant lastSeenAt, long activeMs, int maxScrollPermille,
                            int viewportWidth, int viewportHeight, int documentHeight, boolean ended) {
    public PageViewFacts {
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(pageKey, "pageKey is null");
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(referrer, "referrer is null");
        Objects.requireNonNull(startedAt, "startedAt is null");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt is null");
    }
}
