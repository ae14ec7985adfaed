package dev.sightline.contract.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * Which sessions a dashboard, a recordings list, a funnel or an export is about: a project's sessions
 * started in {@code [from, to)} that meet every condition. People only, or bots only.
 */
public record SessionFilter(String projectId, Instant from, Instant to, boolean bots,
                            List<SessionCondition> conditions) {
    public static final int MAX_CONDITIONS = 20;

    public SessionFilter {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        conditions = List.copyOf(conditions);
        if (conditions.size() > MAX_CONDITIONS) {
            throw new IllegalArgumentException("at most " + MAX_CONDITIONS + " conditions");
        }
    }

    /** The people's sessions of the window. */
    public static SessionFilter of(String projectId, Instant from, Instant to) {
        return new SessionFilter(projectId, from, to, false, List.of());
    }

    public SessionFilter with(SessionCondition condition) {
        List<SessionCondition> more = new java.util.ArrayList<>(conditions);
        more.add(condition);
        return new SessionFilter(projectId, from, to, bots, more);
    }

    public SessionFilter botsOnly() {
        return new SessionFilter(projectId, from, to, true, conditions);
    }
}
