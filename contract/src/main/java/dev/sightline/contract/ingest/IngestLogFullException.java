package dev.sightline.contract.ingest;

/** The log cannot take more records right now; the caller should ask the client to retry later. */
public class IngestLogFullException extends RuntimeException {
    private final int retryAfterSeconds;

    public IngestLogFullException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
