package dev.sightline.contract.insights;

import dev.sightline.contract.store.DeviceClass;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of analysing one page view. Saving it replaces what an earlier analysis of the same page
 * view saved. Its events may belong to other page views of the session (a quick back is detected on
 * the page returned to but belongs to the page backed out of); they are still replaced with it.
 *
 * @param scrollReversals the page view's scroll direction reversals (what later norms are made of)
 */
public record PageInsights(PendingPageView page, Instant startedAt, String pageKey, DeviceClass deviceClass,
                           boolean bot, int scrollReversals, List<InsightEvent> events, List<FormVisit> forms) {
    public PageInsights {
        Objects.requireNonNull(page, "page is null");
        Objects.requireNonNull(startedAt, "startedAt is null");
        Objects.requireNonNull(pageKey, "pageKey is null");
        Objects.requireNonNull(deviceClass, "deviceClass is null");
        events = List.copyOf(events);
        forms = List.copyOf(forms);
    }
}
