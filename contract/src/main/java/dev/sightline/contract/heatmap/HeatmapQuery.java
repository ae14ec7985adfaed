package dev.sightline.contract.heatmap;

import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.store.DeviceClass;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one heatmap covers: a project's page (or page group), one device class or all of them, and
 * events in {@code [from, to)}. Sessions that look automated are left out unless asked for.
 *
 * <p>The recordings filters and saved segments join heatmaps here: {@code sessions} narrows the map to
 * the sessions that meet every condition, and every back end applies the narrowing as one session
 * sub-selection, as it applies {@code includeBots}. A session counts when it started within a day
 * before the window (the longest a page lives) up to the window's end.
 *
 * @param device empty for every device class together (heatmaps keep them apart by default)
 * @param sessions the conditions every session of the map meets; empty for all sessions
 */
public record HeatmapQuery(String projectId, PageScope page, Optional<DeviceClass> device, Instant from, Instant to,
                           boolean includeBots, List<SessionCondition> sessions) {
    /** Every session of the window. */
    public HeatmapQuery(String projectId, PageScope page, Optional<DeviceClass> device, Instant from, Instant to,
                        boolean includeBots) {
        this(projectId, page, device, from, to, includeBots, List.of());
    }

    public HeatmapQuery {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(page, "page is null");
        Objects.requireNonNull(device, "device is null");
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends before it starts: " + from + " .. " + to);
        }
        sessions = List.copyOf(sessions);
        if (sessions.size() > SessionFilter.MAX_CONDITIONS) {
            throw new IllegalArgumentException("at most " + SessionFilter.MAX_CONDITIONS + " conditions");
        }
    }

    /** The same map narrowed to the sessions that meet every one of {@code conditions}. */
    public HeatmapQuery withSessions(List<SessionCondition> conditions) {
        return new HeatmapQuery(projectId, page, device, from, to, includeBots, conditions);
    }
}
