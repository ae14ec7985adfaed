package dev.sightline.contract.meta;

import dev.sightline.contract.heatmap.PagePattern;
import java.time.Instant;
import java.util.Objects;

/** Pages that share a layout, named and grouped by a pattern ({@code /product/*}), so their heatmaps add up. */
public record PageGroup(String projectId, String id, String name, PagePattern pattern, Instant createdAt) {
    public PageGroup {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(pattern, "pattern is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
    }
}
