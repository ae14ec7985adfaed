package dev.sightline.contract.heatmap;

import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.store.DeviceClass;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The pages of a project with page views in {@code [from, to)}, most viewed first (ties by key), at most
 * {@code limit}; only keys that contain {@code keyContains} (ignoring case; empty for all), and only the
 * page views of sessions that meet every one of {@code sessions} (see {@link HeatmapQuery}).
 */
public record PageListQuery(String projectId, Optional<DeviceClass> device, Instant from, Instant to,
                            boolean includeBots, String keyContains, int limit, List<SessionCondition> sessions) {
    public static final int MAX_LIMIT = 500;

    /** Every session of the window. */
    public PageListQuery(String projectId, Optional<DeviceClass> device, Instant from, Instant to,
                         boolean includeBots, String keyContains, int limit) {
        this(projectId, device, from, to, includeBots, keyContains, limit, List.of());
    }

    public PageListQuery {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(device, "device is null");
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        Objects.requireNonNull(keyContains, "keyContains is null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ": " + limit);
        }
        sessions = List.copyOf(sessions);
    }
}
