package dev.sightline.contract.dashboard;

import static java.util.Objects.requireNonNull;

/** One step of a funnel: a page whose URL matches, or a custom event whose name matches. */
public record FunnelStep(Kind kind, TextMatch match) {
    public enum Kind {
        PAGE, EVENT
    }

    public FunnelStep {
        requireNonNull(kind, "kind is null");
        requireNonNull(match, "match is null");
    }
}
