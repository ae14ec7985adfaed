package dev.sightline.contract.insights;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * JavaScript errors with the same message at the same source location.
 *
 * @param source the script URL ({@code ""} for unhandled promise rejections, which have none)
 * @param recordings the most recent sessions that show it, each with the moment of its first
 *                   occurrence there
 */
public record ErrorGroup(String message, String source, int line, int column, long occurrences, long sessions,
                         Instant firstSeen, Instant lastSeen, List<Recording> recordings) {
    public ErrorGroup {
        Objects.requireNonNull(message, "message is null");
        Objects.requireNonNull(source, "source is null");
        recordings = List.copyOf(recordings);
    }

    /** A session showing the error; the player opens it at {@code at - sessionStartedAt}. */
    public record Recording(String sessionId, Instant sessionStartedAt, Instant at) {
    }
}
