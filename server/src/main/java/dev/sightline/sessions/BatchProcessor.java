package dev.sightline.sessions;

import dev.sightline.contract.ingest.DeadLetters;
import dev.sightline.contract.ingest.LogRecord;
import dev.sightline.contract.ingest.RecordHandler;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.ChunkKey;
import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.stylesheets.StylesheetHashes;
import dev.sightline.contract.stylesheets.StylesheetStore;
import dev.sightline.heatmaps.PageSnapshots;
import dev.sightline.http.HttpProblem;
import dev.sightline.ingest.ReceivedBatch;
import dev.sightline.ingest.ReceivedBatchCodec;
import dev.sightline.sanitize.RecordingSanitizer;
import dev.sightline.insights.PageChangeScanner;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads accepted uploads from the ingest log and stores them: recording chunks first (defused by the
 * {@link RecordingSanitizer}) after the stylesheets they refer to by hash, then the rows, so a batch the event store knows always has its recording;
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
    private final StylesheetStore stylesheets;
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong poison = new AtomicLong();
    private final ExecutorService preparers;

    /** @param preparers threads that prepare a round's uploads side by side (one per core is plenty) */
    public BatchProcessor(ReceivedBatchCodec codec, BatchEnricher enricher, EventStore events, RecordingStore recordings,
                          RecordingSanitizer sanitizer, PageSnapshots snapshots, DeadLetters deadLetters,
                          ExecutorService preparers, StylesheetStore stylesheets) {
        this.codec = Objects.requireNonNull(codec, "codec is null");
        this.enricher = Objects.requireNonNull(enricher, "enricher is null");
        this.events = Objects.requireNonNull(events, "events is null");
        this.recordings = Objects.requireNonNull(recordings, "recordings is null");
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer is null");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters is null");
        this.snapshots = Objects.requireNonNull(snapshots, "snapshots is null");
        this.preparers = Objects.requireNonNull(preparers, "preparers is null");
        this.stylesheets = Objects.requireNonNull(stylesheets, "stylesheets is null");
    }

    @Override
    public void handle(List<LogRecord> records) {
        List<Prepared> prepared = prepareAll(records);
        List<BatchRows> rows = new ArrayList<>(records.size());
        Map<ChunkKey, byte[]> chunks = new LinkedHashMap<>();
        for (Prepared upload : prepared) {
            if (upload.problem() != null) {
                poison.incrementAndGet();
                deadLetters.deadLetter(upload.record(), "cannot be decoded: " + upload.problem());
                continue;
            }
            ReceivedBatch received = upload.received();
            BatchRows batchRows = enricher.enrich(received);
            if (received.batch().hasRecording()) {
                ChunkKey key = new ChunkKey(received.projectId(),
                        batchRows.page().startedAt().atZone(ZoneOffset.UTC).toLocalDate(),
                        received.batch().sessionId(), received.batch().pageNumber(), received.batch().sequence());
                chunks.put(key, upload.gzippedRecording());
                snapshots.offer(batchRows, upload.recording());
            }
            rows.add(batchRows.withPageChanges(upload.pageChanges()));
        }
        storeStylesheets(prepared);
        recordings.putAll(chunks);
        events.write(rows);
        processed.addAndGet(rows.size());
    }

    /**
     * The stylesheet texts uploads carry, before the chunks that refer to them. The decoder checked each
     * against its hash; like a recording's inline {@code _cssText}, which the sanitiser leaves as it is
     * (CSS runs no script; replays render sandboxed), they are stored as they came.
     */
    private void storeStylesheets(List<Prepared> prepared) {
        for (Prepared upload : prepared) {
            if (upload.problem() == null) {
                upload.received().batch().stylesheets().forEach((hash, css) ->
                        stylesheets.putIfAbsent(upload.received().projectId(), hash, StylesheetHashes.utf8(css)));
            }
        }
    }

    /**
     * An upload decoded, its recording defused, scanned and compressed: the CPU-heavy part of
     * processing, which depends on nothing but the record, so uploads are prepared side by side.
     * Enrichment stays in log order (active time follows a page view's uploads one after another).
     */
    private record Prepared(LogRecord record, ReceivedBatch received, byte[] recording, byte[] gzippedRecording,
                            List<PageChangeRun> pageChanges, String problem) {
    }

    private List<Prepared> prepareAll(List<LogRecord> records) {
        if (records.size() == 1) {
            return List.of(prepare(records.get(0)));
        }
        List<Callable<Prepared>> tasks = records.stream().<Callable<Prepared>>map(r -> () -> prepare(r)).toList();
        List<Prepared> prepared = new ArrayList<>(records.size());
        try {
            for (Future<Prepared> done : preparers.invokeAll(tasks)) {
                prepared.add(done.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing uploads", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        return prepared;
    }

    private Prepared prepare(LogRecord record) {
        try {
            ReceivedBatch received = codec.decode(record.value());
            if (!received.batch().hasRecording()) {
                return new Prepared(record, received, null, null, List.of(), null);
            }
            byte[] recording = sanitizer.clean(received.batch().recordingJson());
            return new Prepared(record, received, recording, ChunkGzip.gzip(recording),
                    PageChangeScanner.scan(recording, received.batch().pageStart()), null);
        } catch (IllegalArgumentException | HttpProblem e) {
            return new Prepared(record, null, null, null, List.of(), e.getMessage());
        }
    }

    public long processed() {
        return processed.get();
    }

    public long poisonRecords() {
        return poison.get();
    }
}
