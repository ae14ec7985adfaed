package dev.sightline.contract.ingest;

import java.time.Duration;
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

    /**
     * Waits until every record appended before the call has been handled, then removes those records
     * from the log's own storage: from then on they exist only in the stores they were handled into.
     * Erasure and retention call it so that nothing they delete lives on in the log.
     *
     * @return false when the records were not all handled within the timeout; nothing is removed then
     */
    boolean purgeHandled(Duration timeout) throws InterruptedException;

    @Override
    void close();
}
