package dev.sightline.contract.dashboard;

import java.util.List;

/** One row of an export: the values of its dimensions, in the order asked for, and its figures. */
public record BreakdownRow(List<String> values, long sessions, long visitors, long pageViews, double avgDurationMs,
                           double avgActiveMs) {
    public BreakdownRow {
        values = List.copyOf(values);
    }
}
