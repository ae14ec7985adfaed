package dev.sightline.contract.wire;

/** A sampled pointer position, anchored to the element under it like a click. */
public record Move(long t, int x, int y, String selector, int relX, int relY) implements AnalyticsEvent {
}
