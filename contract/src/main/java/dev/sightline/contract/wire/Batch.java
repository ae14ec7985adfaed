package dev.sightline.contract.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One upload from the tracker, already validated: the envelope, the analytics events, and the rrweb
 * recording events kept as the raw JSON text of their array, UTF-8 bytes exactly as they came (never
 * built into a tree or re-encoded by ingest: they are most of an upload). Nothing may change those
 * bytes; the record compares them by content. {@code stylesheets}: the stylesheet texts the upload
 * carries (envelope field {@code css}) by the SHA-256 hex that its recording refers to them by, each
 * already checked to match its hash.
 */
public record Batch(String projectKey, String visitorId, String sessionId, int pageNumber, int sequence,
                    long pageStart, long sentAt, boolean last, String url, List<AnalyticsEvent> events,
                    byte[] recordingJson, Map<String, String> stylesheets) {

    /** An upload that carries no stylesheet text. */
    public Batch(String projectKey, String visitorId, String sessionId, int pageNumber, int sequence,
                 long pageStart, long sentAt, boolean last, String url, List<AnalyticsEvent> events,
                 byte[] recordingJson) {
        this(projectKey, visitorId, sessionId, pageNumber, sequence, pageStart, sentAt, last, url, events,
                recordingJson, Map.of());
    }

    public Batch {
        Objects.requireNonNull(projectKey, "projectKey is null");
        Objects.requireNonNull(visitorId, "visitorId is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
        Objects.requireNonNull(url, "url is null");
        events = List.copyOf(events);
        Objects.requireNonNull(recordingJson, "recordingJson is null");
        stylesheets = Map.copyOf(stylesheets);
    }

    private static final byte[] EMPTY = {'[', ']'};

    public boolean hasRecording() {
        return !Arrays.equals(recordingJson, EMPTY);
    }

    /** This batch with another recording (UTF-8 JSON of its events). */
    public Batch withRecordingJson(byte[] json) {
        return new Batch(projectKey, visitorId, sessionId, pageNumber, sequence, pageStart, sentAt, last, url, events, json,
                stylesheets);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Batch b && projectKey.equals(b.projectKey) && visitorId.equals(b.visitorId)
                && sessionId.equals(b.sessionId) && pageNumber == b.pageNumber && sequence == b.sequence
                && pageStart == b.pageStart && sentAt == b.sentAt && last == b.last && url.equals(b.url)
                && events.equals(b.events) && Arrays.equals(recordingJson, b.recordingJson)
                && stylesheets.equals(b.stylesheets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionId, pageNumber, sequence, Arrays.hashCode(recordingJson));
    }

    @Override
    public String toString() {
        return "Batch[" + sessionId + " page " + pageNumber + " seq " + sequence + ", " + events.size() + " events, "
                + recordingJson.length + " recording bytes]";
    }
}
