package dev.sightline.contract.ingest;

import java.util.concurrent.CompletableFuture;

/**
 * The durable log between collect and processing. Collect appends accepted batches and answers the
 * browser only once {@link #append} has completed; processors read the log in order and the log
 * advances past records only after their handler returned normally. The embedded implementation is an
 * fsync'd write-ahead log on disk; a cluster puts Kafka here.
 */
public interface IngestLog extends DeadLetters, AutoCloseable {

    /**
     * Appends one record. The future completes once the record is durable, or exceptionally if it
     * could not be made durable.
     *
     * @param key records with the same key (one session) are delivered in append order
     * @throws IngestLogFullException at once, when the log cannot take more now (backpressure)
     */
    CompletableFuture<Void> append(String key, byte[] record);

    /**
     * Delivers records to the handler on a thread of the log's own until {@link #close()}. A handler
     * that throws gets the same records again after a pause; positions move on only after success.
     */
    void startConsuming(RecordHandler handler);

    /** Records appended but not yet handled, for health pages and tests. */
    long lag();

    @Override
    void close();
}
