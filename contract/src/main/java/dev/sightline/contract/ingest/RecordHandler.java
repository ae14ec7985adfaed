package dev.sightline.contract.ingest;

import java.util.List;

/** Receives records from an {@link IngestLog}, in order per key, a group at a time. */
@FunctionalInterface
public interface RecordHandler {

    /** Handles the records; returning normally means they are durably applied. */
    void handle(List<LogRecord> records) throws Exception;
}
