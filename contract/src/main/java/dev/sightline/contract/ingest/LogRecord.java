package dev.sightline.contract.ingest;

import java.util.Objects;

/** One record read back from an {@link IngestLog}. */
public record LogRecord(String key, byte[] value) {
    public LogRecord {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(value, "value is null");
    }
}
