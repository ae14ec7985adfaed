package dev.sightline.ingest;

import dev.sightline.contract.wire.Batch;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted upload with what the collect node knew about its request. The client's IP address is
 * not here: it is used for the country lookup and rate limits at the edge and then forgotten.
 */
public record ReceivedBatch(String projectId, Instant receivedAt, String userAgent, String country, Batch batch) {
    public ReceivedBatch {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(receivedAt, "receivedAt is null");
        Objects.requireNonNull(userAgent, "userAgent is null");
        Objects.requireNonNull(country, "country is null");
        Objects.requireNonNull(batch, "batch is null");
    }
}
