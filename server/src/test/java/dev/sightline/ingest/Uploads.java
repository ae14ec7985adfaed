package dev.sightline.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Builds tracker uploads for tests, shaped exactly like wire-format.json. */
public final class Uploads {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Uploads() {
    }

    public static ObjectNode upload(String siteKey, String sessionId, int page, int sequence) {
        long now = System.currentTimeMillis();
        ObjectNode upload = JSON.createObjectNode()
                .put("v", 1).put("key", siteKey).put("vid", "visitor-0001").put("sid", sessionId)
                .put("pn", page).put("seq", sequence).put("ts", now - 5_000).put("sent", now).put("last", false)
                .put("url", "https://shop.example.com/pricing?plan=pro#top");
        ArrayNode events = upload.putArray("a");
        if (sequence == 0) {
            events.add(JSON.createArrayNode().add("page").add(0).add("https://shop.example.com/pricing?plan=pro#top")
                    .add("Pricing").add("https://www.google.com/").add(1440).add(900).add(1440).add(900).add(100)
                    .add("en-US").add("Europe/Berlin").add(2700).add(0));
        }
        events.add(JSON.createArrayNode().add("click").add(1200).add(640).add(410).add("#buy").add(5000).add(5000)
                .add("button").add("Buy now").add(1).add(120).add(40));
        events.add(JSON.createArrayNode().add("scroll").add(2400).add(0).add(900).add(2700).add(900));
        ArrayNode recording = upload.putArray("r");
        recording.addObject().put("type", 4).put("timestamp", now - 5_000).putObject("data")
                .put("href", "https://shop.example.com/pricing").put("width", 1440).put("height", 900);
        return upload;
    }

    public static byte[] bytes(ObjectNode upload) {
        return upload.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
