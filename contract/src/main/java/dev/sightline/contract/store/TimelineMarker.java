package dev.sightline.contract.store;

import java.time.Instant;
import java.util.Objects;

/**
 * Something worth a mark on the player's seek bar: a click, a page change, an error, a custom event,
 * or a detected insight (rage, dead and error clicks, quick backs, excessive scrolling, form
 * abandonment — named like {@link dev.sightline.contract.insights.InsightKind}).
 */
public record TimelineMarker(Kind kind, int pageNumber, Instant at, String label) {
    public enum Kind { PAGE, CLICK, ERROR, EVENT, RAGE_CLICK, DEAD_CLICK, ERROR_CLICK, QUICK_BACK, EXCESSIVE_SCROLL,
        FORM_ABANDON }

    public TimelineMarker {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(at, "at is null");
        Objects.requireNonNull(label, "label is null");
    }
}
