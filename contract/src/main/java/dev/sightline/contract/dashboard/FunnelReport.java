package dev.sightline.contract.dashboard;

import java.util.List;

/**
 * How many sessions reached each step of a funnel, in order: a session reaches step n when it did
 * steps 1..n each strictly after the one before.
 */
public record FunnelReport(List<Step> steps) {
    public FunnelReport {
        steps = List.copyOf(steps);
    }

    /** @param dropped sessions that reached this step and not the next (0 for the last step) */
    public record Step(FunnelStep step, long reached, long dropped) {
    }
}
