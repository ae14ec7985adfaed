package dev.sightline.heatmaps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Picks, from recorded rrweb events, the ones that rebuild the page as it looked at a moment: the last
 * Meta event followed by a FullSnapshot, and after them only what changes the document (DOM
 * mutations, style sheet rules, fonts, custom elements) up to that moment. Pointer, scroll, input and
 * viewport events are left out: a background shows the page, not one visitor's actions on it.
 */
final class SnapshotEvents {

    /** How long after its full snapshot a page view may still be building its content (lazy parts, SPA views). */
    static final long SETTLING_MS = 3_000;

    private static final int FULL_SNAPSHOT = 2;
    private static final int INCREMENTAL = 3;
    private static final int META = 4;
    /** Incremental sources that change the document: mutation, style sheet rule, font, style declaration, adopted style sheets, custom element. */
    private static final Set<Integer> DOCUMENT_SOURCES = Set.of(0, 8, 10, 13, 15, 16);

    /** The picked events and the viewport their Meta event recorded. */
    record Picked(ArrayNode events, int viewportWidth, int viewportHeight, long fullSnapshotAt) {
    }

    private SnapshotEvents() {
    }

    /** The page as it stood once it settled: from its first full snapshot to {@link #SETTLING_MS} later. */
    static Optional<Picked> settled(JsonNode events) {
        if (!events.isArray()) {
            return Optional.empty();
        }
        for (int i = 0; i + 1 < events.size(); i++) {
            if (type(events.get(i)) == META && type(events.get(i + 1)) == FULL_SNAPSHOT) {
                long until = timestamp(events.get(i + 1)) + SETTLING_MS;
                return Optional.of(pick(List.of(events), i, until));
            }
        }
        return Optional.empty();
    }

    /** The page as it stood at {@code timestamp}, from the chunks of one page view in play order. */
    static Optional<Picked> at(List<JsonNode> chunks, long timestamp) {
        int chunkIndex = -1;
        int eventIndex = -1;
        for (int c = 0; c < chunks.size(); c++) {
            JsonNode events = chunks.get(c);
            for (int i = 0; i < events.size(); i++) {
                JsonNode event = events.get(i);
                if (timestamp(event) > timestamp) {
                    break;
                }
                if (type(event) == META && followedByFullSnapshot(chunks, c, i)) {
                    chunkIndex = c;
                    eventIndex = i;
                }
            }
        }
        if (chunkIndex < 0) {
            return Optional.empty();
        }
        return Optional.of(pick(chunks.subList(chunkIndex, chunks.size()), eventIndex, timestamp));
    }

    private static boolean followedByFullSnapshot(List<JsonNode> chunks, int chunk, int index) {
        if (index + 1 < chunks.get(chunk).size()) {
            return type(chunks.get(chunk).get(index + 1)) == FULL_SNAPSHOT;
        }
        return chunk + 1 < chunks.size() && chunks.get(chunk + 1).size() > 0
                && type(chunks.get(chunk + 1).get(0)) == FULL_SNAPSHOT;
    }

    /** The Meta at {@code start} of the first chunk, its full snapshot, and the document events after it until the time. */
    private static Picked pick(List<JsonNode> chunks, int start, long until) {
        ArrayNode picked = JsonNodeFactory.instance.arrayNode();
        JsonNode meta = chunks.get(0).get(start);
        picked.add(meta);
        boolean first = true;
        long fullSnapshotAt = 0;
        for (JsonNode events : chunks) {
            for (int i = first ? start + 1 : 0; i < events.size(); i++) {
                JsonNode event = events.get(i);
                int type = type(event);
                if (type == META || (type == FULL_SNAPSHOT && picked.size() > 1) || timestamp(event) > until) {
                    return new Picked(picked, viewport(meta, "width"), viewport(meta, "height"), fullSnapshotAt);
                }
                if (type == FULL_SNAPSHOT) {
                    fullSnapshotAt = timestamp(event);
                    picked.add(event);
                } else if (type == INCREMENTAL && DOCUMENT_SOURCES.contains(event.path("data").path("source").asInt(-1))) {
                    picked.add(event);
                }
            }
            first = false;
        }
        return new Picked(picked, viewport(meta, "width"), viewport(meta, "height"), fullSnapshotAt);
    }

    private static int type(JsonNode event) {
        return event.path("type").asInt(-1);
    }

    private static long timestamp(JsonNode event) {
        return event.path("timestamp").asLong(0);
    }

    private static int viewport(JsonNode meta, String field) {
        return meta.path("data").path(field).asInt(0);
    }
}
