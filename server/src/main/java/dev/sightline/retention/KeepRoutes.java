package dev.sightline.retention;

import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /api/projects/{projectId}/sessions/{sessionId}/keep}: keeping a recording past the project's
 * retention ({@link RetentionPolicy#KEPT_DAYS} from its start), the way favourites and labels do.
 * Members and admins keep and release; everyone in the project sees whether a session is kept.
 */
public final class KeepRoutes implements Routes {
    private final EventStore events;

    public KeepRoutes(EventStore events) {
        this.events = events;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        String path = "/api/projects/{projectId}/sessions/{sessionId}/keep";
        routes.get(path, ctx -> ctx.json(view(events.privacy().keptUntil(RouteGuard.project(ctx).id(),
                ctx.pathParam("sessionId")).orElse(null))), RouteAccess.PROJECT_READ);
        routes.put(path, this::keep, RouteAccess.PROJECT_MEMBER);
        routes.delete(path, ctx -> {
            String projectId = RouteGuard.project(ctx).id();
            String sessionId = ctx.pathParam("sessionId");
            events.session(projectId, sessionId).orElseThrow(() -> HttpProblem.notFound("session"));
            events.privacy().release(projectId, sessionId);
            ctx.status(204);
        }, RouteAccess.PROJECT_MEMBER);
    }

    private void keep(Context ctx) {
        String projectId = RouteGuard.project(ctx).id();
        String sessionId = ctx.pathParam("sessionId");
        SessionDetail session = events.session(projectId, sessionId).orElseThrow(() -> HttpProblem.notFound("session"));
        Instant until = session.summary().startedAt().plus(Duration.ofDays(RetentionPolicy.KEPT_DAYS));
        if (!events.privacy().keep(projectId, sessionId, until)) {
            throw HttpProblem.notFound("session");
        }
        ctx.json(view(until));
    }

    private static Map<String, Object> view(Instant keptUntil) {
        Map<String, Object> view = new HashMap<>();
        view.put("kept", keptUntil != null);
        view.put("keptUntil", keptUntil == null ? null : keptUntil.toEpochMilli());
        return view;
    }
}
