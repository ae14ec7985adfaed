package dev.sightline.sanitize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Puts back the node ids the tracker leaves out of a full snapshot (tracker: snapshot-ids.ts). rrweb
 * numbers a snapshot's nodes one after another in document order, skipping some numbers; the tracker
 * sends the first number ({@code data.ids}) and only the ids that do not follow their predecessor's, and
 * the nodes are numbered again here, in document order, before anything reads them by id.
 */
final class NodeIds {
    /** Leaves room below Integer.MAX_VALUE for the nodes added to the page after the snapshot. */
    private static final int HIGHEST_FIRST = 1 << 30;

    private NodeIds() {
    }

    /**
     * Numbers root and every node below it in document order, starting at {@code first}; a node that
     * came with its id keeps it, and the count goes on from there.
     */
    static void number(ObjectNode root, JsonNode first) {
        if (!first.isIntegralNumber() || !first.canConvertToInt() || first.asInt() < 1 || first.asInt() > HIGHEST_FIRST) {
            throw new IllegalArgumentException("a full snapshot's first node id (data.ids) must be a whole number from 1 to "
                    + HIGHEST_FIRST + ", not " + first);
        }
        int next = first.asInt();
        Deque<ObjectNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            ObjectNode node = pending.pop();
            JsonNode sent = node.get("id");
            if (sent != null && sent.isIntegralNumber() && sent.canConvertToInt()) {
                next = sent.asInt();
            }
            node.put("id", next++);
            JsonNode children = node.path("childNodes");
            for (int i = children.size() - 1; i >= 0; i--) {
                if (children.get(i) instanceof ObjectNode child) {
                    pending.push(child);
                }
            }
        }
    }
}
