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
import dev.sightline.contract.store.SessionQuery;
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
        if (limit < 1 || limit > SessionQuery.MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be within 1.." + SessionQuery.MAX_LIMIT
                    + " and offset not negative");
        }
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
        checkSteps(steps);
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
            List<FunnelReport.Step> report = new ArrayList<>();
            for (int i = 0; i < reached.length; i++) {
                long next = i + 1 < reached.length ? reached[i + 1] : reached[i];
                report.add(new FunnelReport.Step(steps.get(i), reached[i], reached[i] - next));
            }
            return new FunnelReport(report);
        });
    }

    private static void checkSteps(List<FunnelStep> steps) {
        requireNonNull(steps, "steps is null");
        if (steps.isEmpty() || steps.size() > MAX_FUNNEL_STEPS) {
            throw new IllegalArgumentException("a funnel has 1.." + MAX_FUNNEL_STEPS + " steps");
        }
    }

    @Override
    public List<BreakdownRow> breakdown(SessionFilter filter, List<Dimension> dimensions, int limit) {
        requireNonNull(filter, "filter is null");
        requireNonNull(dimensions, "dimensions is null");
        if (dimensions.isEmpty() || dimensions.size() > MAX_DIMENSIONS || dimensions.stream().distinct().count()
                != dimensions.size()) {
            throw new IllegalArgumentException("1.." + MAX_DIMENSIONS + " different dimensions");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be within 1..10000");
        }
        return calls.read("breaking down sessions", c -> BreakdownQuery.run(c, filter, dimensions, limit));
    }
}
