package dev.sightline.contract.dashboard;

import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionSort;
import java.util.List;

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
}
