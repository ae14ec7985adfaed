package dev.sightline.contract.wire;

public record Consent(long t, int granted) implements AnalyticsEvent {
}
