package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.BreakdownRow;
import dev.sightline.contract.dashboard.DashboardFigures;
import dev.sightline.contract.dashboard.DashboardQueries;
import dev.sightline.contract.dashboard.Dimension;
import dev.sightline.contract.dashboard.FunnelReport;
import dev.sightline.contract.dashboard.FunnelStep;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.SessionSummary;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link DashboardQueries} on ClickHouse: every count, distinct count, average and funnel step is
 * aggregated by the server (see {@link DashboardFilter}, {@link DashboardFiguresQuery},
 * {@link FunnelQuery}, {@link BreakdownQuery}); only aggregates and the requested page of sessions
 * travel to Java. The same semantics as store-duckdb's dashboard, read without a snapshot: an answer's
 * statements may see a write that lands between them.
 */
final class ClickHouseDashboardQueries implements DashboardQueries {

    /** How calls run: while the store is open. */
    interface Calls {
        <T> T read(Supplier<T> call);
    }

    private final ClickHouseDatabase database;
    private final Calls calls;

    ClickHouseDashboardQueries(ClickHouseDatabase database, Calls calls) {
        this.database = requireNonNull(database, "database is null");
        this.calls = requireNonNull(calls, "calls is null");
    }

    @Override
    public DashboardFigures figures(SessionFilter filter) {
        requireNonNull(filter, "filter is null");
        return calls.read(() -> DashboardFiguresQuery.run(database, filter));
    }

    @Override
    public SessionList sessions(SessionFilter filter, SessionSort sort, int limit, int offset) {
        requireNonNull(filter, "filter is null");
        requireNonNull(sort, "sort is null");
        DashboardQueries.checkPage(limit, offset);
        return calls.read(() -> {
            String sessions = DashboardFilter.sessions(filter);
            long total = database.query("SELECT count() AS total FROM (" + sessions + ")").get(0).get("total")
                    .asLong();
            List<SessionSummary> page = database.query(SessionListQuery.page(sessions, filter.projectId(), sort,
                    limit, offset)).stream().map(SessionSummaries::read).toList();
            return new SessionList(page, total);
        });
    }

    @Override
    public FunnelReport funnel(SessionFilter filter, List<FunnelStep> steps) {
        requireNonNull(filter, "filter is null");
        DashboardQueries.checkFunnel(steps);
        return calls.read(() -> FunnelReport.of(steps, FunnelQuery.reached(database, filter, steps)));
    }

    @Override
    public List<BreakdownRow> breakdown(SessionFilter filter, List<Dimension> dimensions, int limit) {
        requireNonNull(filter, "filter is null");
        DashboardQueries.checkBreakdown(dimensions, limit);
        return calls.read(() -> BreakdownQuery.run(database, filter, dimensions, limit));
    }
}
