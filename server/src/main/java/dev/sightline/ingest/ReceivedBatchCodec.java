package dev.sightline.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The bytes of an accepted upload in the ingest log: one JSON line of request facts (and where the
 * recording lies in the inflated body), then the upload's body exactly as the browser sent it (gzip'd
 * or not). Processors decode it with the same {@link BatchDecoder} that validated it, so the log never
 * holds a second, drifting format, and the log's disk writes stay as small as the uploads.
 */
public final class ReceivedBatchCodec {
    private final ObjectMapper json;
    private final BatchDecoder decoder;

    public ReceivedBatchCodec(ObjectMapper json, BatchDecoder decoder) {
        this.json = json;
        this.decoder = decoder;
    }

    /** @param upload the upload as decoded when it was accepted: where its recording lies is kept in the header */
    public byte[] encode(String projectId, Instant receivedAt, String userAgent, String country, byte[] uploadBody,
                         BatchDecoder.Decoded upload) {
        ObjectNode header = json.createObjectNode()
                .put("p", projectId)
                .put("at", receivedAt.toEpochMilli())
                .put("ua", userAgent)
                .put("c", country);
        if (upload.recordingStart() >= 0) {
            header.put("rs", upload.recordingStart()).put("re", upload.recordingEnd());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(uploadBody.length + 256);
            out.write(json.writeValueAsBytes(header));
            out.write('\n');
            out.write(uploadBody);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ReceivedBatch decode(byte[] record) {
        int newline = indexOf(record, (byte) '\n');
        if (newline < 0) {
            throw new IllegalArgumentException("an ingest log record has no header line");
        }
        try {
            JsonNode header = json.readTree(new String(record, 0, newline, StandardCharsets.UTF_8));
            byte[] upload = Arrays.copyOfRange(record, newline + 1, record.length);
            return new ReceivedBatch(header.get("p").asText(), Instant.ofEpochMilli(header.get("at").asLong()),
                    header.get("ua").asText(), header.get("c").asText(),
                    decoder.decodeAccepted(upload, header.path("rs").asInt(-1), header.path("re").asInt(-1)));
        } catch (IOException e) {
            throw new IllegalArgumentException("an ingest log record has a corrupt header", e);
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
