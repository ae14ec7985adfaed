package dev.sightline.contract.dashboard;

import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import java.util.List;
import java.util.Objects;

/** The questions users ask before watching anything: dashboards, filtered recordings, funnels, exports. */
public interface DashboardQueries {
    int MAX_DIMENSIONS = 3;
    int MAX_FUNNEL_STEPS = 10;

    /** Every figure of the dashboard for the filter's sessions. */
    DashboardFigures figures(SessionFilter filter);

    /** A page of the filter's sessions, in the sort's order, and how many there are. */
    SessionList sessions(SessionFilter filter, SessionSort sort, int limit, int offset);

    /** How far the filter's sessions went through the steps. */
    FunnelReport funnel(SessionFilter filter, List<FunnelStep> steps);

    /** The filter's sessions broken down by up to {@link #MAX_DIMENSIONS} dimensions, most sessions first. */
    List<BreakdownRow> breakdown(SessionFilter filter, List<Dimension> dimensions, int limit);

    /** Refuses a page of sessions larger than {@link SessionQuery#MAX_LIMIT}, empty, or at a negative offset. */
    static void checkPage(int limit, int offset) {
        if (limit < 1 || limit > SessionQuery.MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be within 1.." + SessionQuery.MAX_LIMIT
                    + " and offset not negative");
        }
    }

    /** Refuses a funnel without steps or with more than {@link #MAX_FUNNEL_STEPS}: what every store checks first. */
    static void checkFunnel(List<FunnelStep> steps) {
        Objects.requireNonNull(steps, "steps is null");
        if (steps.isEmpty() || steps.size() > MAX_FUNNEL_STEPS) {
            throw new IllegalArgumentException("a funnel has 1.." + MAX_FUNNEL_STEPS + " steps");
        }
    }

    /** Refuses a breakdown by no, too many or repeated dimensions, or a limit outside 1..10000. */
    static void checkBreakdown(List<Dimension> dimensions, int limit) {
        Objects.requireNonNull(dimensions, "dimensions is null");
        if (dimensions.isEmpty() || dimensions.size() > MAX_DIMENSIONS || dimensions.stream().distinct().count()
                != dimensions.size()) {
            throw new IllegalArgumentException("1.." + MAX_DIMENSIONS + " different dimensions");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be within 1..10000");
        }
    }
}
