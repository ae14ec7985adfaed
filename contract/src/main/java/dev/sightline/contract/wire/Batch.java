package dev.sightline.contract.wire;

import java.util.List;
import java.util.Objects;

/**
 * One upload from the tracker, already validated: the envelope, the analytics events, and the rrweb
 * recording events kept as the raw JSON text of their array (stored as they came, never interpreted
 * by ingest).
 */
public record Batch(String projectKey, String visitorId, String sessionId, int pageNumber, int sequence,
                    long pageStart, long sentAt, boolean last, String url, List<AnalyticsEvent> events,
                    String recordingJson) {

    public Batch {
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(visitorId, "visitorId is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(url, "url is null");
        events = List.copyOf(events);
        Objects.requireNonNull(recordingJson, "recordingJson is null");
    }

    public boolean hasRecording() {
        return !recordingJson.equals("[]");
    }
}
