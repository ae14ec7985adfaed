package dev.sightline.contract.wire;

/** The tab became hidden ({@code visible = 0}) or visible again ({@code visible = 1}). */
public record Visibility(long t, int visible) implements AnalyticsEvent {
}
