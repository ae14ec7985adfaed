package dev.sightline.contract.store;

import dev.sightline.contract.wire.AnalyticsEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One processed upload, ready to store: its key, the visit it belongs to, the page view facts, and
 * its analytics events. An event's absolute time is {@code page.startedAt() + event.t()}.
 *
 * @param acquisition present only on the first upload of a session's first page
 * @param userHash present when the page called {@code identify}
 */
public record BatchRows(BatchKey key, String visitorId, Instant receivedAt, Visit visit,
                        Optional<Acquisition> acquisition, PageViewFacts page, Optional<String> userHash,
                        List<AnalyticsEvent> events) {
    public BatchRows {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(visitorId, "visitorId is null");
        Objects.requireNonNull(receivedAt, "receivedAt is null");
        Objects.requireNonNull(visit, "visit is null");
        Objects.requireNonNull(acquisition, "acquisition is null");
        Objects.requireNonNull(page, "page is null");
        Objects.requireNonNull(userHash, "userHash is null");
        events = List.copyOf(events);
    }

    /** Absolute time of an event of this batch. */
    public Instant timeOf(AnalyticsEvent event) {
        return page.startedAt().plusMillis(event.t());
    }
}
