package dev.sightline.projects;

import dev.sightline.auth.Tokens;
import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.PublicUrl;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.Routes;
import dev.sightline.web.SignedInRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/projects}: the projects the signed-in account can see, and creating one. */
public final class ProjectRoutes implements Routes {

    record NewProject(String name, List<String> allowedOrigins) {
    }

    private final MetadataStore metadata;
    private final Access access;
    private final JsonBodies bodies;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public ProjectRoutes(MetadataStore metadata, Access access, JsonBodies bodies, PublicUrl publicUrl, Clock clock) {
        this.metadata = metadata;
        this.access = access;
        this.bodies = bodies;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects", ctx -> ctx.json(access.visible(SignedInRequests.of(ctx)).stream()
                .map(v -> view(v.project(), v.role().name(), ctx)).toList()), RouteAccess.SIGNED_IN);
        routes.post("/api/projects", this::create, RouteAccess.OWNER);
    }

    /** A project name: 1..100 characters once trimmed. */
    static String validName(String given) {
        String name = given == null ? "" : given.trim();
        if (name.isEmpty() || name.length() > 100) {
            throw HttpProblem.badRequest("invalid_name", "a project needs a name of 1..100 characters");
        }
        return name;
    }

    private void create(Context ctx) {
        NewProject form = bodies.read(ctx, NewProject.class);
        String name = validName(form.name());
        List<String> origins = AllowedOrigins.parse(form.allowedOrigins());
        Project project = new Project(UUID.randomUUID().toString().substring(0, 8), name, Tokens.random(12), origins,
                MaskingMode.BALANCED, false, false, Project.DEFAULT_RECORDING_RETENTION_DAYS,
                Project.DEFAULT_ANALYTICS_RETENTION_DAYS, clock.instant());
        metadata.saveProject(project);
        ctx.status(201).json(view(project, "ADMIN", ctx));
    }

    private Map<String, Object> view(Project project, String role, Context ctx) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", project.id());
        view.put("name", project.name());
        view.put("siteKey", project.siteKey());
        view.put("role", role);
        view.put("allowedOrigins", project.allowedOrigins());
        view.put("maskingMode", project.maskingMode().name());
        view.put("snippet", InstallSnippet.of(project, publicUrl.of(ctx)));
        return view;
    }
}
