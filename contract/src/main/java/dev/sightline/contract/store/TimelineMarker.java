package dev.sightline.contract.store;

import java.time.Instant;
import java.util.Objects;

/** Something worth a mark on the player's seek bar: a click, a page change, an error, a custom event. */
public record TimelineMarker(Kind kind, int pageNumber, Instant at, String label) {
    public enum Kind { PAGE, CLICK, ERROR, EVENT }

    public TimelineMarker {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(at, "at is null");
        Objects.requireNonNull(label, "label is null");
    }
}
