package dev.sightline.contract.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * How many sessions reached each step of a funnel, in order: a session reaches step n when it did
 * steps 1..n each strictly after the one before.
 */
public record FunnelReport(List<Step> steps) {
    public FunnelReport {
        steps = List.copyOf(steps);
    }

    /** The report of the steps from how many sessions reached each (same order, same length). */
    public static FunnelReport of(List<FunnelStep> steps, long[] reached) {
        if (steps.size() != reached.length) {
            throw new IllegalArgumentException(reached.length + " counts for " + steps.size() + " steps");
        }
        List<Step> report = new ArrayList<>();
        for (int i = 0; i < reached.length; i++) {
            long next = i + 1 < reached.length ? reached[i + 1] : reached[i];
            report.add(new Step(steps.get(i), reached[i], reached[i] - next));
        }
        return new FunnelReport(report);
    }

    /** @param dropped sessions that reached this step and not the next (0 for the last step) */
    public record Step(FunnelStep step, long reached, long dropped) {
    }
}
