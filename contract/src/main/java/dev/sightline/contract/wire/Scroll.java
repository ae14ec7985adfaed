package dev.sightline.contract.wire;

/** The main document's scroll position, with the sizes needed to turn it into a depth. */
public record Scroll(long t, int x, int y, int documentHeight, int viewportHeight) implements AnalyticsEvent {
}
