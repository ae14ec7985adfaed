package dev.sightline.contract.store;

import java.util.List;

/** A page of sessions and how many match in all. */
public record SessionList(List<SessionSummary> sessions, long total) {
    public SessionList {
        sessions = List.copyOf(sessions);
    }
}
