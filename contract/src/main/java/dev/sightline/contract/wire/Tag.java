package dev.sightline.contract.wire;

/** {@code sightline('set', key, value)}. */
public record Tag(long t, String key, String value) implements AnalyticsEvent {
}
