package dev.sightline.store.duckdb;

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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** {@link DashboardQueries} on {@code events.duckdb}, reading each answer in one snapshot. */
final class DuckDbDashboardQueries implements DashboardQueries {

    private final StoreCalls calls;

    DuckDbDashboardQueries(StoreCalls calls) {
        this.calls = requireNonNull(calls, "calls is null");
    }

    @Override
    public DashboardFigures figures(SessionFilter filter) {
        requireNonNull(filter, "filter is null");
        return calls.read("reading a dashboard", c -> DashboardFiguresQuery.run(c, filter));
    }

    @Override
    public SessionList sessions(SessionFilter filter, SessionSort sort, int limit, int offset) {
        requireNonNull(filter, "filter is null");
        requireNonNull(sort, "sort is null");
        DashboardQueries.checkPage(limit, offset);
        return calls.read("listing filtered sessions", c -> {
            DashboardSql where = DashboardSql.where(filter);
            long total;
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM sessions s WHERE " + where.sql())) {
                where.bind(count);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<SessionSummary> sessions = new ArrayList<>();
            String sql = "SELECT " + SessionSummaries.COLUMNS + " FROM sessions s WHERE " + where.sql()
                    + " ORDER BY " + orderBy(sort) + ", session_id LIMIT ? OFFSET ?";
            try (PreparedStatement page = c.prepareStatement(sql)) {
                int next = where.bind(page);
                page.setInt(next, limit);
                page.setInt(next + 1, offset);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(SessionSummaries.read(rows));
                    }
                }
            }
            return new SessionList(sessions, total);
        });
    }

    static String orderBy(SessionSort sort) {
        return switch (sort) {
            case START_TIME -> "started_at DESC";
            case DURATION -> "ended_at - started_at DESC";
            case CLICKS -> "clicks DESC";
            case PAGES -> "pages DESC";
            case FRUSTRATION -> Frustration.ORDER;
        };
    }

    @Override
    public FunnelReport funnel(SessionFilter filter, List<FunnelStep> steps) {
        requireNonNull(filter, "filter is null");
        DashboardQueries.checkFunnel(steps);
        return calls.read("reading a funnel", c -> {
            DashboardSql sql = DashboardSql.funnelSteps(filter, steps);
            sql.append(" SELECT " + java.util.stream.IntStream.rangeClosed(1, steps.size())
                    .mapToObj(i -> "(SELECT count(*) FROM t" + i + ")").collect(Collectors.joining(", ")));
            long[] reached = new long[steps.size()];
            try (PreparedStatement statement = c.prepareStatement(sql.sql())) {
                sql.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    for (int i = 0; i < reached.length; i++) {
                        reached[i] = rows.getLong(i + 1);
                    }
                }
            }
            return FunnelReport.of(steps, reached);
        });
    }

    @Override
    public List<BreakdownRow> breakdown(SessionFilter filter, List<Dimension> dimensions, int limit) {
        requireNonNull(filter, "filter is null");
        DashboardQueries.checkBreakdown(dimensions, limit);
        return calls.read("breaking down sessions", c -> BreakdownQuery.run(c, filter, dimensions, limit));
    }
}
