package dev.sightline.sanitize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Defuses a recorded page before it is stored. Recorded pages are untrusted: a visitor's browser (or
 * anyone with the site key) sends whatever DOM it likes. The player replays in a sandboxed iframe
 * without script permission and cleans events again; this is the server's layer of the same defence:
 * event handler attributes, script URLs, {@code srcdoc}, meta refresh, {@code <base>} and form targets
 * are removed, and scripts keep their place in the tree but lose their attributes and their code.
 *
 * <p>A full snapshot sent without its node ids gets them back first ({@link NodeIds}).
 *
 * <p>It reads rrweb's events: full snapshots (type 2), DOM mutations (type 3, source 0: added nodes,
 * attribute and text changes) and Meta (type 4). Text changes of a script are recognised when the
 * script was seen in the same upload; the player's own cleaning and its sandbox cover the rest.
 */
public final class RecordingSanitizer {
    private static final int FULL_SNAPSHOT = 2;
    private static final int INCREMENTAL_SNAPSHOT = 3;
    private static final int META = 4;
    private static final int MUTATION = 0;
    private static final int ELEMENT = 2;
    private static final int TEXT = 3;

    private final ObjectMapper json;

    public RecordingSanitizer(ObjectMapper json) {
        this.json = Objects.requireNonNull(json, "json is null");
    }

    /**
     * The recording (the UTF-8 text of a JSON array of rrweb events) without script vectors; unchanged
     * input comes back as the very same array.
     */
    public byte[] clean(byte[] recordingJson) {
        JsonNode events;
        try {
            events = json.readTree(recordingJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("the recording is not JSON: " + e.getMessage(), e);
        }
        if (events == null || !events.isArray()) {
            throw new IllegalArgumentException("the recording is not a JSON array");
        }
        Upload upload = new Upload();
        for (JsonNode event : events) {
            upload.clean(event);
        }
        if (!upload.changed) {
            return recordingJson;
        }
        try {
            return json.writeValueAsBytes(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cleaned recording", e);
        }
    }

    /** What one upload's events tell about its nodes: tags by id, and which text nodes are script code. */
    private static final class Upload {
        private final Map<Integer, String> tags = new HashMap<>();
        private final Set<Integer> scriptTexts = new HashSet<>();
        private boolean changed;

        void clean(JsonNode event) {
            if (!(event instanceof ObjectNode) || !(event.get("data") instanceof ObjectNode data)) {
                return;
            }
            int type = event.path("type").asInt(-1);
            if (type == FULL_SNAPSHOT && data.get("node") instanceof ObjectNode root) {
                if (data.has("ids")) {
                    NodeIds.number(root, data.remove("ids"));
                    changed = true;
                }
                walk(root, "");
            } else if (type == INCREMENTAL_SNAPSHOT && data.path("source").asInt(-1) == MUTATION) {
                for (JsonNode add : data.path("adds")) {
                    if (add.get("node") instanceof ObjectNode node) {
                        walk(node, tags.getOrDefault(add.path("parentId").asInt(Integer.MIN_VALUE), ""));
                    }
                }
                for (JsonNode change : data.path("attributes")) {
                    if (change.get("attributes") instanceof ObjectNode attributes) {
                        cleanAttributes(tags.getOrDefault(change.path("id").asInt(Integer.MIN_VALUE), ""), attributes);
                    }
                }
                for (JsonNode text : data.path("texts")) {
                    if (text instanceof ObjectNode change && scriptTexts.contains(change.path("id").asInt(Integer.MIN_VALUE))
                            && !change.path("value").asText("").isEmpty()) {
                        change.put("value", "");
                        changed = true;
                    }
                }
            } else if (type == META && data.path("href").isTextual()
                    && HostileMarkup.isScriptUrl(data.path("href").asText(), "")) {
                data.put("href", "about:blank");
                changed = true;
            }
        }

        private void walk(ObjectNode root, String parentTag) {
            Deque<ObjectNode> nodes = new ArrayDeque<>();
            Deque<String> parents = new ArrayDeque<>();
            nodes.push(root);
            parents.push(parentTag);
            while (!nodes.isEmpty()) {
                ObjectNode node = nodes.pop();
                String parent = parents.pop();
                int type = node.path("type").asInt(-1);
                String tag = "";
                if (type == ELEMENT) {
                    tag = node.path("tagName").asText("").toLowerCase(java.util.Locale.ROOT);
                    if (node.has("id")) {
                        tags.put(node.path("id").asInt(), tag);
                    }
                    if (node.get("attributes") instanceof ObjectNode attributes) {
                        cleanAttributes(tag, attributes);
                    }
                } else if (type == TEXT && HostileMarkup.isScript(parent)) {
                    if (node.has("id")) {
                        scriptTexts.add(node.path("id").asInt());
                    }
                    if (!node.path("textContent").asText("").isEmpty()) {
                        node.put("textContent", "");
                        changed = true;
                    }
                }
                for (JsonNode child : node.path("childNodes")) {
                    if (child instanceof ObjectNode childNode) {
                        nodes.push(childNode);
                        parents.push(tag);
                    }
                }
            }
        }

        private void cleanAttributes(String tag, ObjectNode attributes) {
            List<String> forbidden = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> attribute = it.next();
                JsonNode value = attribute.getValue();
                if (HostileMarkup.isScript(tag)
                        || HostileMarkup.isForbiddenAttribute(tag, attribute.getKey(), value.isTextual() ? value.asText() : null)) {
                    forbidden.add(attribute.getKey());
                }
            }
            if (!forbidden.isEmpty()) {
                attributes.remove(forbidden);
                changed = true;
            }
        }
    }
}
