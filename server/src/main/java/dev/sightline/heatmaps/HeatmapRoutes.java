package dev.sightline.heatmaps;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQueries;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageListQuery;
import dev.sightline.contract.heatmap.PagePositionBin;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.heatmap.PageTraffic;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.heatmap.Traffic;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.PageGroup;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.EventStore;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.Routes;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/projects/{projectId}/heatmaps/…}: the index of pages by traffic, a page's (or page
 * group's) click and move maps, page positions and areas, and its scroll map. Aggregation happens in
 * the event store; this only reads requests and shapes answers.
 */
public final class HeatmapRoutes implements Routes {

    record Selectors(List<String> selectors) {
    }

    private final HeatmapQueries heatmaps;
    private final MetadataStore metadata;
    private final Backgrounds backgrounds;
    private final HeatmapRequests requests;
    private final JsonBodies bodies;

    public HeatmapRoutes(EventStore events, MetadataStore metadata, Backgrounds backgrounds,
                         JsonBodies bodies, java.time.Clock clock) {
        this.heatmaps = requireNonNull(events, "events is null").heatmaps();
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.backgrounds = requireNonNull(backgrounds, "backgrounds is null");
        this.requests = new HeatmapRequests(metadata, clock);
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        String base = "/api/projects/{projectId}/heatmaps";
        routes.get(base + "/pages", this::pages, RouteAccess.PROJECT_READ);
        routes.get(base + "/traffic", ctx -> ctx.json(heatmaps.traffic(query(ctx))), RouteAccess.PROJECT_READ);
        routes.get(base + "/points", this::points, RouteAccess.PROJECT_READ);
        // Read-only queries whose element lists are too long for a URL: any viewer may POST them.
        routes.post(base + "/points/positions", this::positions, RouteAccess.PROJECT_VIEWER);
        routes.post(base + "/points/area", this::area, RouteAccess.PROJECT_VIEWER);
        routes.get(base + "/scroll", ctx -> ctx.json(heatmaps.scroll(query(ctx))), RouteAccess.PROJECT_READ);
    }

    private String project(Context ctx) {
        return RouteGuard.project(ctx).id();
    }

    private HeatmapQuery query(Context ctx) {
        return requests.query(ctx, project(ctx));
    }

    private void pages(Context ctx) {
        String projectId = project(ctx);
        Optional<DeviceClass> device = requests.device(ctx);
        Instant to = requests.to(ctx);
        Instant from = requests.windowFrom(ctx, to);
        boolean bots = HeatmapRequests.bots(ctx);
        String contains = Optional.ofNullable(ctx.queryParam("q")).orElse("").trim();
        List<SessionCondition> sessions = requests.sessions(ctx, projectId);
        List<PageTraffic> pages = heatmaps.pages(new PageListQuery(projectId, device, from, to, bots, contains,
                HeatmapRequests.number(ctx, "limit", 100, 1, PageListQuery.MAX_LIMIT), sessions));
        Set<String> withSnapshot = backgrounds.keys(projectId, device).stream().map(SnapshotKey::pageKey)
                .collect(Collectors.toSet());
        List<Map<String, Object>> pageViews = new ArrayList<>();
        for (PageTraffic page : pages) {
            Map<String, Object> view = traffic(page.traffic());
            view.put("pageKey", page.pageKey());
            view.put("url", page.url());
            view.put("hasSnapshot", withSnapshot.contains(page.pageKey()));
            pageViews.add(view);
        }
        List<Map<String, Object>> groupViews = new ArrayList<>();
        for (PageGroup group : metadata.pageGroups(projectId)) {
            if (!contains.isEmpty() && !group.name().toLowerCase(Locale.ROOT).contains(contains.toLowerCase(Locale.ROOT))
                    && !group.pattern().text().toLowerCase(Locale.ROOT).contains(contains.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Map<String, Object> view = traffic(heatmaps.traffic(new HeatmapQuery(projectId,
                    new PageScope.Group(group.pattern()), device, from, to, bots, sessions)));
            view.put("id", group.id());
            view.put("name", group.name());
            view.put("pattern", group.pattern().text());
            groupViews.add(view);
        }
        ctx.json(Map.of("pages", pageViews, "groups", groupViews));
    }

    private static Map<String, Object> traffic(Traffic traffic) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pageViews", traffic.pageViews());
        view.put("sessions", traffic.sessions());
        view.put("clicks", traffic.clicks());
        view.put("averageScrollPermille", traffic.averageScrollPermille());
        view.put("title", traffic.title());
        return view;
    }

    private void points(Context ctx) {
        HeatmapQuery query = query(ctx);
        HeatmapLayer layer = requests.layer(ctx);
        ctx.json(PointMapView.of(layer.name(), heatmaps.points(query, layer)));
    }

    private void positions(Context ctx) {
        HeatmapQuery query = query(ctx);
        HeatmapLayer layer = requests.layer(ctx);
        List<PagePositionBin> bins = heatmaps.pagePositions(query, layer, selectors(ctx));
        ctx.json(Map.of("cellPixels", PagePositionBin.CELL_PIXELS, "positions", bins));
    }

    private void area(Context ctx) {
        HeatmapQuery query = query(ctx);
        HeatmapLayer layer = requests.layer(ctx);
        ctx.json(heatmaps.area(query, layer, selectors(ctx)));
    }

    private List<String> selectors(Context ctx) {
        Selectors body = bodies.read(ctx, Selectors.class);
        List<String> selectors = body.selectors() == null ? List.of() : body.selectors();
        if (selectors.size() > HeatmapQueries.MAX_SELECTORS || selectors.stream().anyMatch(s -> s == null)) {
            throw HttpProblem.badRequest("invalid_selectors",
                    "selectors is a list of at most " + HeatmapQueries.MAX_SELECTORS + " strings");
        }
        return selectors;
    }
}
