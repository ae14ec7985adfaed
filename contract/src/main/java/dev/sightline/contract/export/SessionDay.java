package dev.sightline.contract.export;

import java.time.LocalDate;
import java.util.Objects;

/** How many sessions of a project started on one UTC day: a copy proceeds day by day. */
public record SessionDay(String projectId, LocalDate day, int sessions) {
    public SessionDay {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(day, "day is null");
    }
}
