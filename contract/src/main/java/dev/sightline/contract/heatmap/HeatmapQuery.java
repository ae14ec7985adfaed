package dev.sightline.contract.heatmap;

import dev.sightline.contract.store.DeviceClass;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one heatmap covers: a project's page (or page group), one device class or all of them, and
 * events in {@code [from, to)}. Sessions that look automated are left out unless asked for.
 *
 * <p>This record is where the recordings filters and saved segments join heatmaps when they land: they
 * narrow the sessions, and every back end applies the narrowing as one session sub-selection, which
 * is how {@code includeBots} is applied today.
 *
 * @param device empty for every device class together (heatmaps keep them apart by default)
 */
public record HeatmapQuery(String projectId, PageScope page, Optional<DeviceClass> device, Instant from, Instant to,
                           boolean includeBots) {
    public HeatmapQuery {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(page, "page is null");
        Objects.requireNonNull(device, "device is null");
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends before it starts: " + from + " .. " + to);
        }
    }
}
