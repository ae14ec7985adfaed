package dev.sightline.dashboard;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.dashboard.SavedFunnel;
import dev.sightline.contract.dashboard.Segment;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import dev.sightline.web.SignedInRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/projects/{projectId}/segments} and {@code …/funnels}: named filters and named funnels,
 * seen by everyone in the project, made, renamed and deleted by members. Both are kept in their URL
 * form, checked as the dashboard would read them.
 */
public final class SavedViewRoutes implements Routes {
    static final int MAX_PER_PROJECT = 200;
    static final int MAX_NAME = 80;

    record SegmentForm(String name, List<String> filters) {
    }

    record FunnelForm(String name, List<String> steps) {
    }

    private final DashboardStore store;
    private final JsonBodies bodies;
    private final Clock clock;

    public SavedViewRoutes(DashboardStore store, JsonBodies bodies, Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        String segments = "/api/projects/{projectId}/segments";
        routes.get(segments, ctx -> ctx.json(store.segments(project(ctx))), RouteAccess.PROJECT_READ);
        routes.post(segments, ctx -> saveSegment(ctx, newId()), RouteAccess.PROJECT_MEMBER);
        routes.put(segments + "/{segmentId}", ctx -> saveSegment(ctx, existing(ctx, "segmentId", store.segments(project(ctx)).stream()
                .map(Segment::id).toList())), RouteAccess.PROJECT_MEMBER);
        routes.delete(segments + "/{segmentId}", ctx -> {
            if (!store.deleteSegment(project(ctx), ctx.pathParam("segmentId"))) {
                throw HttpProblem.notFound("segment");
            }
            ctx.status(204);
        }, RouteAccess.PROJECT_MEMBER);

        String funnels = "/api/projects/{projectId}/funnels";
        routes.get(funnels, ctx -> ctx.json(store.funnels(project(ctx))), RouteAccess.PROJECT_READ);
        routes.post(funnels, ctx -> saveFunnel(ctx, newId()), RouteAccess.PROJECT_MEMBER);
        routes.put(funnels + "/{funnelId}", ctx -> saveFunnel(ctx, existing(ctx, "funnelId", store.funnels(project(ctx)).stream()
                .map(SavedFunnel::id).toList())), RouteAccess.PROJECT_MEMBER);
        routes.delete(funnels + "/{funnelId}", ctx -> {
            if (!store.deleteFunnel(project(ctx), ctx.pathParam("funnelId"))) {
                throw HttpProblem.notFound("funnel");
            }
            ctx.status(204);
        }, RouteAccess.PROJECT_MEMBER);
    }

    private void saveSegment(Context ctx, String id) {
        String projectId = project(ctx);
        SegmentForm form = bodies.read(ctx, SegmentForm.class);
        List<String> filters = form.filters() == null ? List.of() : List.copyOf(form.filters());
        FilterParams.conditions(filters);
        if (filters.isEmpty()) {
            throw HttpProblem.badRequest("invalid_filters", "a segment needs at least one filter");
        }
        checkRoom(ctx, store.segments(projectId).size());
        Segment segment = new Segment(projectId, id, name(form.name()), filters, caller(ctx), clock.instant());
        store.saveSegment(segment);
        ctx.status(ctx.method().name().equals("POST") ? 201 : 200).json(segment);
    }

    private void saveFunnel(Context ctx, String id) {
        String projectId = project(ctx);
        FunnelForm form = bodies.read(ctx, FunnelForm.class);
        List<String> steps = form.steps() == null ? List.of() : List.copyOf(form.steps());
        FilterParams.steps(steps);
        checkRoom(ctx, store.funnels(projectId).size());
        SavedFunnel funnel = new SavedFunnel(projectId, id, name(form.name()), steps, caller(ctx), clock.instant());
        store.saveFunnel(funnel);
        ctx.status(ctx.method().name().equals("POST") ? 201 : 200).json(funnel);
    }

    private static void checkRoom(Context ctx, int existing) {
        if (ctx.method().name().equals("POST") && existing >= MAX_PER_PROJECT) {
            throw HttpProblem.conflict("too_many", "a project keeps at most " + MAX_PER_PROJECT + " of these");
        }
    }

    private static String existing(Context ctx, String parameter, List<String> ids) {
        String id = ctx.pathParam(parameter);
        if (!ids.contains(id)) {
            throw HttpProblem.notFound("saved view");
        }
        return id;
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw HttpProblem.badRequest("invalid_name", "a name has 1.." + MAX_NAME + " characters");
        }
        return trimmed;
    }

    private static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String caller(Context ctx) {
        return SignedInRequests.of(ctx).account().id();
    }

    private static String project(Context ctx) {
        return RouteGuard.project(ctx).id();
    }
}
