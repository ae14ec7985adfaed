package dev.sightline.sessions;

import dev.sightline.contract.ingest.DeadLetters;
import dev.sightline.contract.ingest.LogRecord;
import dev.sightline.contract.ingest.RecordHandler;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.ChunkKey;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.heatmaps.PageSnapshots;
import dev.sightline.http.HttpProblem;
import dev.sightline.ingest.ReceivedBatch;
import dev.sightline.ingest.ReceivedBatchCodec;
import dev.sightline.sanitize.RecordingSanitizer;
import dev.sightline.insights.PageChangeScanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Reads accepted uploads from the ingest log and stores them: recording chunks first (defused by the
 * {@link RecordingSanitizer}), then the rows, so a batch the event store knows always has its recording;
 * a chunk that opens a page view may also become the page's heatmap background ({@link PageSnapshots}).
 * The rows carry the page-change runs found in the recording, which insights read once recordings have
 * expired. Both writes are idempotent, which is
 * what makes replaying the log after a crash safe. A record that cannot be decoded any more (a
 * poison record) goes to the dead letters with its reason instead of blocking the log.
 */
public final class BatchProcessor implements RecordHandler {
    private final ReceivedBatchCodec codec;
    private final BatchEnricher enricher;
    private final EventStore events;
    private final RecordingStore recordings;
    private final DeadLetters deadLetters;
    private final RecordingSanitizer sanitizer;
    private final PageSnapshots snapshots;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong poison = new AtomicLong();

    public BatchProcessor(ReceivedBatchCodec codec, BatchEnricher enricher, EventStore events, RecordingStore recordings,
                          RecordingSanitizer sanitizer, PageSnapshots snapshots, DeadLetters deadLetters) {
        this.codec = Objects.requireNonNull(codec, "codec is null");
        this.enricher = Objects.requireNonNull(enricher, "enricher is null");
        this.events = Objects.requireNonNull(events, "events is null");
        this.recordings = Objects.requireNonNull(recordings, "recordings is null");
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer is null");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters is null");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots is null");
    }

    @Override
    public void handle(List<LogRecord> records) {
        List<BatchRows> rows = new ArrayList<>(records.size());
        Map<ChunkKey, byte[]> chunks = new LinkedHashMap<>();
        for (LogRecord record : records) {
            ReceivedBatch received;
            String recording;
            try {
                received = codec.decode(record.value());
                recording = received.batch().hasRecording() ? sanitizer.clean(received.batch().recordingJson()) : "";
            } catch (IllegalArgumentException | HttpProblem e) {
                poison.incrementAndGet();
                deadLetters.deadLetter(record, "cannot be decoded: " + e.getMessage());
                continue;
            }
            BatchRows batchRows = enricher.enrich(received);
            if (received.batch().hasRecording()) {
                ChunkKey key = new ChunkKey(received.projectId(),
                        batchRows.page().startedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                        received.batch().sessionId(), received.batch().pageNumber(), received.batch().sequence());
                chunks.put(key, gzip(recording));
                snapshots.offer(batchRows, recording);
            }
            rows.add(batchRows.withPageChanges(PageChangeScanner.scan(received.batch())));
        }
        recordings.putAll(chunks);
        events.write(rows);
        processed.addAndGet(rows.size());
    }

    public long processed() {
        return processed.get();
    }

    public long poisonRecords() {
        return poison.get();
    }

    private static byte[] gzip(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
