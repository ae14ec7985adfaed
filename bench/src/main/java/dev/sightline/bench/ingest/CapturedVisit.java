package dev.sightline.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The uploads of one real visit (recorded by {@link CaptureVisits} from headless Chromium on the demo
 * pages), in the order the tracker numbered them: page, then sequence.
 */
public record CapturedVisit(List<ObjectNode> uploads) {
    public static final String RESOURCE = "/dev/sightline/bench/ingest/demo-visit.jsonl.gz";

    public CapturedVisit {
        uploads = List.copyOf(uploads);
        if (uploads.isEmpty()) {
            throw new IllegalArgumentException("a captured visit has at least one upload");
        }
    }

    public static CapturedVisit load(ObjectMapper json) {
        try (InputStream raw = CapturedVisit.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("missing " + RESOURCE + ": run ./sightline bench capture");
            }
            List<ObjectNode> uploads = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    uploads.add((ObjectNode) json.readTree(line));
                }
            }
            uploads.sort(Comparator.<ObjectNode>comparingInt(u -> u.get("pn").asInt()).thenComparingInt(u -> u.get("seq").asInt()));
            return new CapturedVisit(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The session's start: the first page's start time, epoch milliseconds. */
    public long startedAt() {
        return uploads.get(0).get("ts").asLong();
    }
}
