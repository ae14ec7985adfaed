package dev.sightline.contract.store;

import dev.sightline.contract.insights.InsightKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of a project's sessions that started in {@code [from, to)}. Bot sessions are left out
 * unless asked for.
 *
 * @param insight when present, only sessions in which that insight was detected
 */
public record SessionQuery(String projectId, Instant from, Instant to, boolean includeBots, SessionSort sort,
                           int limit, int offset, Optional<InsightKind> insight) {
    public static final int MAX_LIMIT = 500;

    public SessionQuery {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        Objects.requireNonNull(sort, "sort is null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        Objects.requireNonNull(insight, "insight is null");
    }

    /** Sessions whatever their insights. */
    public SessionQuery(String projectId, Instant from, Instant to, boolean includeBots, SessionSort sort, int limit,
                        int offset) {
        this(projectId, from, to, includeBots, sort, limit, offset, Optional.empty());
    }
}
