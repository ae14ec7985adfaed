package dev.sightline.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Tracker uploads built by hand, shaped exactly like wire-format.json, for tests that speak HTTP. */
final class Uploads {
    static final ObjectMapper JSON = new ObjectMapper();

    private Uploads() {
    }

    /** An upload whose one click has the selector {@code #mark-<page>-<sequence>}, to find it again. */
    static ObjectNode upload(String siteKey, String sessionId, int page, int sequence) {
        long now = System.currentTimeMillis();
        ObjectNode upload = JSON.createObjectNode()
                .put("v", 1).put("key", siteKey).put("vid", "visitor-" + sessionId).put("sid", sessionId)
                .put("pn", page).put("seq", sequence).put("ts", now - 60_000).put("sent", now).put("last", false)
                .put("url", "https://shop.example.com/page-" + page);
        ArrayNode events = upload.putArray("a");
        if (sequence == 0) {
            events.add(JSON.createArrayNode().add("page").add(0).add("https://shop.example.com/page-" + page)
                    .add("Page " + page).add("").add(1280).add(800).add(1280).add(800).add(100)
                    .add("en").add("UTC").add(2400).add(0));
        }
        events.add(JSON.createArrayNode().add("click").add(1000 + sequence).add(10).add(20)
                .add("#mark-" + page + "-" + sequence).add(2500).add(7500).add("button").add("Go").add(1).add(100).add(40));
        ArrayNode recording = upload.putArray("r");
        recording.addObject().put("type", 3).put("timestamp", now - 59_000).putObject("data").put("source", 1);
        return upload;
    }

    /**
     * An upload of a person's visit with values to look for afterwards: the visitor id, the page title,
     * a text inside the recorded page, and an identity (the hash {@code identify} sends) when not null.
     */
    static ObjectNode visit(String siteKey, String visitorId, String sessionId, String title, String recordedText,
                            String userHash) {
        ObjectNode upload = upload(siteKey, sessionId, 1, 0).put("vid", visitorId);
        ((ArrayNode) upload.get("a").get(0)).set(3, JSON.getNodeFactory().textNode(title));
        if (userHash != null) {
            ((ArrayNode) upload.get("a")).add(JSON.createArrayNode().add("identify").add(1500).add(userHash));
        }
        ObjectNode snapshot = ((ArrayNode) upload.get("r")).insertObject(0).put("type", 2)
                .put("timestamp", upload.get("ts").asLong() + 10);
        ObjectNode html = snapshot.putObject("data").putObject("node").put("type", 0).put("id", 1)
                .putArray("childNodes").addObject().put("type", 2).put("id", 2).put("tagName", "p");
        html.putObject("attributes");
        html.putArray("childNodes").addObject().put("type", 3).put("id", 3).put("textContent", recordedText);
        return upload;
    }

    static byte[] bytes(ObjectNode upload) {
        return upload.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
