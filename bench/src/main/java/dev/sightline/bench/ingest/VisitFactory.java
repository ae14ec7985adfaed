package dev.sightline.bench.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Turns the captured visit into as many new visits as a load needs: the same uploads with a fresh
 * visitor and session id and the times moved to now, gzip'd. Preparing 80,000 uploads must not take
 * longer than sending them, so each body is two gzip members (RFC 1952 allows any number; they inflate
 * to the concatenation): the envelope, written anew with the visit's ids and times, then the events,
 * compressed once per captured upload. The JSON the server inflates is exactly the tracker's; the
 * wire size is a little larger than one member would be (the envelope is compressed on its own).
 */
final class VisitFactory {
    private static final String VISITOR = "VVVVVVVVVVVVVVVVVVVVVVVVV";
    private static final String SESSION = "SSSSSSSSSSSSSSSSSSSSSSSSS";
    private static final long TS_BASE = 4_100_000_000_000L;
    private static final long SENT_BASE = 4_200_000_000_000L;

    private record Template(int page, int sequence, String envelope, byte[] gzippedEvents, int eventsLength,
                            long pageOffset, long sentOffset, boolean hasRecording) {
    }

    private final List<Template> templates = new ArrayList<>();
    private final String run = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);

    VisitFactory(CapturedVisit visit) {
        long start = visit.startedAt();
        for (ObjectNode upload : visit.uploads()) {
            ObjectNode copy = upload.deepCopy();
            long pageOffset = upload.get("ts").asLong() - start;
            long sentOffset = upload.get("sent").asLong() - start;
            copy.put("vid", VISITOR).put("sid", SESSION).put("ts", TS_BASE).put("sent", SENT_BASE);
            boolean hasRecording = copy.has("r") && copy.get("r").size() > 0;
            ObjectNode events = copy.objectNode();
            for (String stream : new String[] {"a", "r"}) {
                if (copy.has(stream)) {
                    events.set(stream, copy.remove(stream));
                }
            }
            // {"v":1,…,"url":"…"} + ,"a":[…],"r":[…]} — the envelope keeps its fields' order, the streams follow.
            String envelope = copy.toString();
            String rest = events.toString();
            byte[] restBytes = (events.isEmpty() ? "}" : "," + rest.substring(1)).getBytes(StandardCharsets.UTF_8);
            templates.add(new Template(upload.get("pn").asInt(), upload.get("seq").asInt(),
                    envelope.substring(0, envelope.length() - 1), gzip(restBytes), restBytes.length, pageOffset,
                    sentOffset, hasRecording));
        }
    }

    int uploadsPerVisit() {
        return templates.size();
    }

    /**
     * Upload {@code index} (in page, sequence order) of the visit numbered {@code visit}, the visit
     * starting at {@code startMillis}. Ids are the visit number plus this factory's own random run id,
     * so no two runs share a session.
     */
    Upload upload(long visit, int index, long startMillis) {
        Template t = templates.get(index);
        String sessionId = "s" + run + "-" + Long.toString(visit, 36);
        String envelope = t.envelope()
                .replace(SESSION, sessionId)
                .replace(VISITOR, "v" + run + "-" + Long.toString(visit, 36))
                .replace(Long.toString(TS_BASE), Long.toString(startMillis + t.pageOffset()))
                .replace(Long.toString(SENT_BASE), Long.toString(startMillis + t.sentOffset()));
        byte[] envelopeBytes = envelope.getBytes(StandardCharsets.UTF_8);
        byte[] head = gzip(envelopeBytes);
        byte[] body = new byte[head.length + t.gzippedEvents().length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(t.gzippedEvents(), 0, body, head.length, t.gzippedEvents().length);
        return new Upload(sessionId, t.page(), t.sequence(), body, envelopeBytes.length + t.eventsLength(), t.hasRecording());
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 16384)) {
            gzip.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
