package dev.sightline.heatmaps;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.heatmap.SnapshotNotFoundException;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.Routes;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/projects/{projectId}/heatmaps/snapshot}: which snapshot a heatmap is drawn over, its
 * recorded events (served gzip-encoded, as stored), and pinning a moment of a recording as a page's
 * background.
 */
public final class SnapshotRoutes implements Routes {

    record Pin(String sessionId, Integer pageNumber, Long atMs) {
    }

    private final Backgrounds backgrounds;
    private final HeatmapRequests requests;
    private final JsonBodies bodies;

    public SnapshotRoutes(MetadataStore metadata, Backgrounds backgrounds, JsonBodies bodies, Clock clock) {
        this.backgrounds = requireNonNull(backgrounds, "backgrounds is null");
        this.requests = new HeatmapRequests(metadata, clock);
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        String base = "/api/projects/{projectId}/heatmaps/snapshot";
        routes.get(base, this::describe, RouteAccess.PROJECT_READ);
        routes.get(base + "/events", this::events, RouteAccess.PROJECT_READ);
        routes.post(base, this::pin, RouteAccess.PROJECT_MEMBER);
    }

    private static String project(Context ctx) {
        return RouteGuard.project(ctx).id();
    }

    private void describe(Context ctx) {
        String projectId = project(ctx);
        PageScope scope = requests.scope(ctx, projectId);
        PageSnapshot snapshot = backgrounds.find(projectId, scope, requests.device(ctx))
                .orElseThrow(() -> new HttpProblem(404, "no_snapshot", "no page view of this page has been recorded on this device yet"));
        ctx.json(view(ctx.pathParam("projectId"), snapshot));
    }

    private void events(Context ctx) {
        String projectId = project(ctx);
        String page = ctx.queryParam("page");
        Optional<DeviceClass> device = requests.device(ctx);
        if (page == null || page.isEmpty() || device.isEmpty()) {
            throw HttpProblem.badRequest("invalid_snapshot", "give page=<page key> and one device class");
        }
        InputStream events;
        try {
            events = backgrounds.open(new SnapshotKey(projectId, page, device.get()));
        } catch (SnapshotNotFoundException e) {
            throw new HttpProblem(404, "no_snapshot", "this page has no snapshot on this device");
        }
        ctx.header("Content-Type", "application/json");
        ctx.header("Content-Encoding", "gzip");
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.result(events);
    }

    private void pin(Context ctx) {
        String projectId = project(ctx);
        Pin form = bodies.read(ctx, Pin.class);
        if (form.sessionId() == null || form.pageNumber() == null || form.atMs() == null || form.atMs() < 0) {
            throw HttpProblem.badRequest("invalid_pin", "give sessionId, pageNumber and atMs (ms from the session's start)");
        }
        PageSnapshot snapshot = backgrounds.pin(projectId, form.sessionId(), form.pageNumber(), form.atMs());
        ctx.status(201).json(view(projectId, snapshot));
    }

    private static Map<String, Object> view(String projectId, PageSnapshot snapshot) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pageKey", snapshot.key().pageKey());
        view.put("device", snapshot.key().device().name());
        view.put("sessionId", snapshot.sessionId());
        view.put("pageNumber", snapshot.pageNumber());
        view.put("takenAt", snapshot.takenAt());
        view.put("viewportWidth", snapshot.viewportWidth());
        view.put("viewportHeight", snapshot.viewportHeight());
        view.put("pinned", snapshot.pinned());
        view.put("eventsUrl", "/api/projects/" + encode(projectId) + "/heatmaps/snapshot/events?page="
                + encode(snapshot.key().pageKey()) + "&device=" + snapshot.key().device().name().toLowerCase(Locale.ROOT)
                + "&v=" + snapshot.takenAt().toEpochMilli());
        return view;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
