package dev.sightline.contract.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A named funnel of a project.
 *
 * @param steps the steps in their URL form ({@code step} parameters, see docs/http-api.md)
 */
public record SavedFunnel(String projectId, String id, String name, List<String> steps, String createdBy,
                          Instant createdAt) {
    public SavedFunnel {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        steps = List.copyOf(steps);
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
