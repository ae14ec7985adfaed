package dev.sightline.dashboard;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.DashboardFigures;
import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.dashboard.RecordingNote;
import dev.sightline.contract.dashboard.FunnelReport;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.http.HttpProblem;
import dev.sightline.recordings.SessionView;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's figures, the filtered recordings list and funnels, all over the same filter
 * parameters ({@link FilterParams}).
 */
public final class DashboardRoutes implements Routes {
    private final EventStore events;
    private final DashboardStore store;
    private final Clock clock;

    public DashboardRoutes(EventStore events, DashboardStore store, Clock clock) {
        this.events = requireNonNull(events, "events is null");
        this.store = requireNonNull(store, "store is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/dashboard", this::dashboard, RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/recordings", this::recordings, RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/funnel", this::funnel, RouteAccess.PROJECT_READ);
    }

    private SessionFilter filter(Context ctx) {
        return FilterParams.filter(ctx, RouteGuard.project(ctx).id(), clock);
    }

    private void dashboard(Context ctx) {
        SessionFilter filter = filter(ctx);
        DashboardFigures figures = events.dashboard().figures(filter);
        ctx.json(Map.of("from", filter.from().toEpochMilli(), "to", filter.to().toEpochMilli(), "figures", figures));
    }

    private void recordings(Context ctx) {
        SessionFilter filter = filter(ctx);
        SessionList list = events.dashboard().sessions(filter, sort(ctx.queryParam("sort")),
                bounded(ctx, "limit", 50, 1, SessionQuery.MAX_LIMIT), bounded(ctx, "offset", 0, 0, 1_000_000));
        Map<String, Map<InsightKind, Integer>> insights = events.insights().sessionCounts(filter.projectId(),
                list.sessions().stream().map(s -> s.sessionId()).toList());
        Map<String, RecordingNote> notes = store.notes(filter.projectId(),
                list.sessions().stream().map(s -> s.sessionId()).toList());
        ctx.json(Map.of("sessions", list.sessions().stream()
                        .map(s -> SessionView.of(s, insights.getOrDefault(s.sessionId(), Map.of()))).toList(),
                "total", list.total(), "notes", notes));
    }

    private void funnel(Context ctx) {
        SessionFilter filter = filter(ctx);
        FunnelReport report = events.dashboard().funnel(filter, FilterParams.steps(ctx.queryParams("step")));
        ctx.json(report);
    }

    static SessionSort sort(String value) {
        if (value == null || value.isEmpty()) {
            return SessionSort.START_TIME;
        }
        try {
            return SessionSort.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid_sort", "sort is one of start_time, duration, clicks, pages, frustration");
        }
    }

    static int bounded(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        int n = FilterParams.integer(value, name);
        if (n < min || n > max) {
            throw HttpProblem.badRequest("invalid_" + name, name + " must be within " + min + ".." + max);
        }
        return n;
    }
}
