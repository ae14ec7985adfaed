package dev.sightline.contract.wire;

/** {@code sightline('event', name)}. */
public record CustomEvent(long t, String name) implements AnalyticsEvent {
}
