package dev.sightline.contract.wire;

public record Resize(long t, int viewportWidth, int viewportHeight, int documentHeight) implements AnalyticsEvent {
}
