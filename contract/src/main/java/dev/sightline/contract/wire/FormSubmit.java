package dev.sightline.contract.wire;

public record FormSubmit(long t, String form) implements AnalyticsEvent {
}
