package dev.sightline.contract.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A saved, named filter of a project, usable on the dashboard, the recordings list and funnels.
 *
 * @param filters the conditions in their URL form ({@code f} parameters, see docs/http-api.md)
 */
public record Segment(String projectId, String id, String name, List<String> filters, String createdBy,
                      Instant createdAt) {
    public Segment {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        filters = List.copyOf(filters);
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
