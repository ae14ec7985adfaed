package dev.sightline.tokens;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.ApiToken;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import dev.sightline.web.SignedInRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/projects/{projectId}/tokens}: a project's API tokens, for its admins. */
public final class TokenRoutes implements Routes {

    record NewToken(String name) {
    }

    private final ApiTokens tokens;
    private final MetadataStore metadata;
    private final JsonBodies bodies;

    public TokenRoutes(ApiTokens tokens, MetadataStore metadata, JsonBodies bodies) {
        this.tokens = tokens;
        this.metadata = metadata;
        this.bodies = bodies;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/tokens", ctx -> ctx.json(tokens.of(RouteGuard.project(ctx).id()).stream()
                .map(this::view).toList()), RouteAccess.PROJECT_ADMIN);
        routes.post("/api/projects/{projectId}/tokens", this::create, RouteAccess.PROJECT_ADMIN);
        routes.delete("/api/projects/{projectId}/tokens/{tokenId}", ctx -> {
            tokens.revoke(RouteGuard.project(ctx).id(), ctx.pathParam("tokenId"));
            ctx.status(204);
        }, RouteAccess.PROJECT_ADMIN);
    }

    private void create(Context ctx) {
        NewToken form = bodies.read(ctx, NewToken.class);
        ApiTokens.Created created = tokens.create(RouteGuard.project(ctx).id(), form.name(),
                SignedInRequests.of(ctx).account().id());
        Map<String, Object> view = view(created.token());
        view.put("token", created.secret());
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(view);
    }

    private Map<String, Object> view(ApiToken token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id());
        view.put("name", token.name());
        view.put("prefix", token.prefix());
        view.put("createdAt", token.createdAt().toEpochMilli());
        view.put("createdBy", metadata.account(token.createdBy()).map(Account::email).orElse(null));
        view.put("lastUsedAt", token.lastUsedAt().map(java.time.Instant::toEpochMilli).orElse(null));
        return view;
    }
}
