package dev.sightline.bench.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.bench.ingest.CapturedVisit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A 30-minute, multi-page session made from the captured real visit: {@value #PAGES} page views of
 * {@value #PAGE_SECONDS} s, cycling through the visit's pages. Each page view opens with its captured
 * full snapshot; then the page's captured pointer, scroll, input and viewport events repeat (times
 * moved on) until the page view ends, uploaded every 5 s as the tracker does. DOM mutations are kept
 * once, where they happened: repeating them would add nodes twice.
 */
final class LongSession {
    static final int PAGES = 12;
    static final int PAGE_SECONDS = 150;
    private static final long UPLOAD_EVERY_MS = 5_000;
    private static final int INCREMENTAL = 3;
    private static final int MUTATION = 0;

    private LongSession() {
    }

    /** The uploads, in order, of a session with these ids whose first page started at {@code startMillis}. */
    static List<ObjectNode> uploads(CapturedVisit visit, String visitorId, String sessionId, long startMillis) {
        TreeMap<Integer, List<ObjectNode>> byPage = new TreeMap<>();
        for (ObjectNode upload : visit.uploads()) {
            byPage.computeIfAbsent(upload.get("pn").asInt(), p -> new ArrayList<>()).add(upload);
        }
        List<List<ObjectNode>> pages = new ArrayList<>(byPage.values());
        List<ObjectNode> out = new ArrayList<>();
        for (int n = 1; n <= PAGES; n++) {
            out.addAll(pageView(pages.get((n - 1) % pages.size()), visitorId, sessionId, n,
                    startMillis + (n - 1) * PAGE_SECONDS * 1000L));
        }
        return out;
    }

    private static List<ObjectNode> pageView(List<ObjectNode> captured, String visitorId, String sessionId, int pageNumber,
                                             long pageStart) {
        long capturedStart = captured.get(0).get("ts").asLong();
        // Every captured event with its time from the page's start.
        List<Timed> once = new ArrayList<>();
        List<Timed> repeating = new ArrayList<>();
        long capturedLength = 1;
        for (ObjectNode upload : captured) {
            for (JsonNode event : upload.withArray("r")) {
                long at = event.get("timestamp").asLong() - capturedStart;
                capturedLength = Math.max(capturedLength, at + 1);
                boolean repeats = event.get("type").asInt() == INCREMENTAL && event.path("data").path("source").asInt() != MUTATION;
                (repeats ? repeating : once).add(new Timed(at, event, true));
            }
            for (JsonNode event : upload.withArray("a")) {
                long at = event.get(1).asLong();
                capturedLength = Math.max(capturedLength, at + 1);
                boolean repeats = !event.get(0).asText().equals("page");
                (repeats ? repeating : once).add(new Timed(at, event, false));
            }
        }
        long pageLength = PAGE_SECONDS * 1000L;
        List<Timed> all = new ArrayList<>(once);
        for (long cycle = capturedLength; cycle < pageLength && !repeating.isEmpty(); cycle += capturedLength) {
            for (Timed t : repeating) {
                if (cycle + t.at() < pageLength) {
                    all.add(new Timed(cycle + t.at(), t.event(), t.recording()));
                }
            }
        }
        all.sort(java.util.Comparator.comparingLong(Timed::at));

        ObjectNode envelope = captured.get(0).deepCopy();
        envelope.remove("a");
        envelope.remove("r");
        envelope.put("vid", visitorId).put("sid", sessionId).put("pn", pageNumber).put("ts", pageStart);
        List<ObjectNode> uploads = new ArrayList<>();
        int next = 0;
        for (long until = UPLOAD_EVERY_MS; next < all.size() || until <= pageLength; until += UPLOAD_EVERY_MS) {
            ObjectNode upload = envelope.deepCopy();
            ArrayNode analytics = upload.putArray("a");
            ArrayNode recording = upload.putArray("r");
            while (next < all.size() && (all.get(next).at() < until || until >= pageLength)) {
                Timed t = all.get(next++);
                if (t.recording()) {
                    ObjectNode event = t.event().deepCopy();
                    event.put("timestamp", pageStart + t.at());
                    recording.add(event);
                } else {
                    ArrayNode event = t.event().deepCopy();
                    event.set(1, event.numberNode(t.at()));
                    analytics.add(event);
                }
            }
            boolean last = until >= pageLength;
            upload.put("seq", uploads.size()).put("sent", pageStart + Math.min(until, pageLength)).put("last", last);
            uploads.add(upload);
            if (last) {
                break;
            }
        }
        return uploads;
    }

    private record Timed(long at, JsonNode event, boolean recording) {
    }
}
