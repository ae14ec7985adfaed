package dev.sightline.contract.store;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Where one recording chunk lives: {@code project/yyyy/mm/dd/session/page/sequence}, the day being the
 * UTC day its page view started. Every store lays chunks out by this key.
 */
public record ChunkKey(String projectId, LocalDate day, String sessionId, int pageNumber, int sequence) {
    public ChunkKey {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(day, "day is null");
        Objects.requireNonNull(sessionId, "sessionId is null");
    }

    /** The key as a relative path, the same for a disk folder and an object-store key. */
    public String path() {
        return String.format("%s/%04d/%02d/%02d/%s/%d/%d", projectId, day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), sessionId, pageNumber, sequence);
    }
}
