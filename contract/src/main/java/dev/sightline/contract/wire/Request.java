package dev.sightline.contract.wire;

/** The page started a fetch or XMLHttpRequest (a sign that a click got a response). */
public record Request(long t) implements AnalyticsEvent {
}
