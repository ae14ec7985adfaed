package dev.sightline.contract.insights;

import java.time.Instant;
import java.util.Objects;

/**
 * A page view that received uploads since it was last analysed. Every write of a page view's uploads
 * adds a mark, and so does the first upload of the page view after it (its analysis reads the next
 * page view); analysis clears them only if no mark was added meanwhile, so a page view that changes
 * during its analysis is analysed again.
 *
 * @param marks how many marks were read; saving clears the marks only if there are still this many
 * @param lastReceivedAt when the latest of its uploads arrived (server clock)
 * @param ended whether its last upload (the tracker's {@code last: true}) or the next page view's first
 *              has arrived
 */
public record PendingPageView(String projectId, String sessionId, int pageNumber, long marks, Instant lastReceivedAt,
                              boolean ended) {
    public PendingPageView {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(lastReceivedAt, "lastReceivedAt is null");
    }
}
