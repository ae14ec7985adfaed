package dev.sightline.insights;

import dev.sightline.contract.store.EventStore;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.Routes;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;

/** The insights reports: rates and hotspots, grouped JavaScript errors, forms, and one session's insights. */
public final class InsightRoutes implements Routes {
    private static final int MAX_ERROR_GROUPS = 500;

    private final EventStore events;
    private final InsightSettings settings;
    private final Clock clock;

    public InsightRoutes(EventStore events, InsightSettings settings, Clock clock) {
        this.events = Objects.requireNonNull(events, "events is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/insights", this::overview, RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/insights/errors", this::errors, RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/insights/forms", this::forms, RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/sessions/{sessionId}/insights", this::session, RouteAccess.PROJECT_READ);
    }

    private String project(Context ctx) {
        return RouteGuard.project(ctx).id();
    }

    private void overview(Context ctx) {
        String projectId = project(ctx);
        TimeWindow window = TimeWindow.of(ctx, clock);
        ctx.json(InsightViews.Overview.of(window, events.insights().overview(projectId, window.from(), window.to()),
                settings.definitions()));
    }

    private void errors(Context ctx) {
        String projectId = project(ctx);
        TimeWindow window = TimeWindow.of(ctx, clock);
        ctx.json(InsightViews.Errors.of(events.insights().errorGroups(projectId, window.from(), window.to(),
                limit(ctx))));
    }

    private void forms(Context ctx) {
        String projectId = project(ctx);
        TimeWindow window = TimeWindow.of(ctx, clock);
        ctx.json(InsightViews.Forms.of(events.insights().forms(projectId, window.from(), window.to())));
    }

    private void session(Context ctx) {
        String projectId = project(ctx);
        String sessionId = ctx.pathParam("sessionId");
        if (events.session(projectId, sessionId).isEmpty()) {
            throw HttpProblem.notFound("session");
        }
        ctx.json(InsightViews.Events.of(events.insights().events(projectId, sessionId)));
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isEmpty()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_ERROR_GROUPS) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw HttpProblem.badRequest("invalid_limit", "limit must be within 1.." + MAX_ERROR_GROUPS);
    }
}
