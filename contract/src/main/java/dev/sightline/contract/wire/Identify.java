package dev.sightline.contract.wire;

/** {@code sightline('identify', id)}; the id is hashed in the browser and never sent in clear. */
public record Identify(long t, String userHash) implements AnalyticsEvent {
}
