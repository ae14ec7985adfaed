package dev.sightline.heatmaps;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.heatmap.PagePattern;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.PageGroup;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.Routes;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/projects/{projectId}/heatmaps/groups}: page groups, listed by anyone who sees the
 * project, created and deleted by members.
 */
public final class PageGroupRoutes implements Routes {
    static final int MAX_GROUPS = 100;
    static final int MAX_NAME = 80;

    record NewGroup(String name, String pattern) {
    }

    private final MetadataStore metadata;
    private final JsonBodies bodies;
    private final Clock clock;

    public PageGroupRoutes(MetadataStore metadata, JsonBodies bodies, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        String base = "/api/projects/{projectId}/heatmaps/groups";
        routes.get(base, ctx -> ctx.json(metadata.pageGroups(project(ctx)).stream().map(PageGroupRoutes::view).toList()),
                RouteAccess.PROJECT_READ);
        routes.post(base, this::create, RouteAccess.PROJECT_MEMBER);
        routes.delete(base + "/{groupId}", this::delete, RouteAccess.PROJECT_MEMBER);
    }

    private void delete(Context ctx) {
        String projectId = project(ctx);
        String groupId = ctx.pathParam("groupId");
        if (metadata.pageGroups(projectId).stream().noneMatch(g -> g.id().equals(groupId))) {
            throw HttpProblem.notFound("page group");
        }
        metadata.deletePageGroup(projectId, groupId);
        ctx.status(204);
    }

    private static String project(Context ctx) {
        return RouteGuard.project(ctx).id();
    }

    private void create(Context ctx) {
        String projectId = project(ctx);
        NewGroup form = bodies.read(ctx, NewGroup.class);
        String name = form.name() == null ? "" : form.name().trim();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw HttpProblem.badRequest("invalid_name", "a page group needs a name of 1.." + MAX_NAME + " characters");
        }
        PagePattern pattern;
        try {
            pattern = new PagePattern(form.pattern() == null ? "" : form.pattern());
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid_pattern", "a pattern looks like /product/* (" + e.getMessage() + ")");
        }
        List<PageGroup> existing = metadata.pageGroups(projectId);
        if (existing.size() >= MAX_GROUPS) {
            throw HttpProblem.conflict("too_many_groups", "a project has at most " + MAX_GROUPS + " page groups");
        }
        if (existing.stream().anyMatch(g -> g.pattern().equals(pattern))) {
            throw HttpProblem.conflict("duplicate_pattern", "a page group with the pattern " + pattern.text() + " exists");
        }
        PageGroup group = new PageGroup(projectId, UUID.randomUUID().toString().substring(0, 8), name, pattern,
                clock.instant());
        metadata.savePageGroup(group);
        ctx.status(201).json(view(group));
    }

    private static Map<String, Object> view(PageGroup group) {
        return Map.of("id", group.id(), "name", group.name(), "pattern", group.pattern().text(),
                "createdAt", group.createdAt());
    }
}
