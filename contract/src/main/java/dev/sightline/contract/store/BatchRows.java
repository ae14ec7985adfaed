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
 * @param pageChanges the runs of page changes in this upload's recording, in time order (insights read them)
 */
public record BatchRows(BatchKey key, String visitorId, Instant receivedAt, Visit visit,
                        Optional<Acquisition> acquisition, PageViewFacts page, Optional<String> userHash,
                        List<AnalyticsEvent> events, List<PageChangeRun> pageChanges) {
    public BatchRows {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(visitorId, "visitorId is null");
        Objects.requireNonNull(receivedAt, "receivedAt is null");
        Objects.requireNonNull(visit, "visit is null");
        Objects.requireNonNull(acquisition, "acquisition is null");
        Objects.requireNonNull(page, "page is null");
        Objects.requireNonNull(userHash, "userHash is null");
        events = List.copyOf(events);
        pageChanges = List.copyOf(pageChanges);
    }

    /** A batch whose recording was not scanned for page changes (or had none). */
    public BatchRows(BatchKey key, String visitorId, Instant receivedAt, Visit visit, Optional<Acquisition> acquisition,
                     PageViewFacts page, Optional<String> userHash, List<AnalyticsEvent> events) {
        this(key, visitorId, receivedAt, visit, acquisition, page, userHash, events, List.of());
    }

    /** The same batch with the page-change runs found in its recording. */
    public BatchRows withPageChanges(List<PageChangeRun> runs) {
        return new BatchRows(key, visitorId, receivedAt, visit, acquisition, page, userHash, events, runs);
    }

    /** Absolute time of an event of this batch. */
    public Instant timeOf(AnalyticsEvent event) {
        return page.startedAt().plusMillis(event.t());
    }
}
