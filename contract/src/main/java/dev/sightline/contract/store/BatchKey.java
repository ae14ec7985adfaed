package dev.sightline.contract.store;

import java.util.Objects;

/** Identifies one upload; stores write each key at most once, which makes every write idempotent. */
public record BatchKey(String projectId, String sessionId, int pageNumber, int sequence) {
    public BatchKey {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
    }

    @Override
    public String toString() {
        return projectId + "/" + sessionId + "/" + pageNumber + "/" + sequence;
    }
}
