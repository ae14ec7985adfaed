package dev.sightline.web;

import dev.sightline.auth.AuthService;
import dev.sightline.auth.SignedIn;
import dev.sightline.contract.meta.ApiToken;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.meta.Role;
import dev.sightline.http.HttpProblem;
import dev.sightline.projects.Access;
import dev.sightline.tokens.ApiTokens;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Enforces every route's {@link RouteAccess} before its handler runs. A caller is a login cookie or,
 * on {@link RouteAccess#PROJECT_READ} routes read with {@code GET}, an API token
 * ({@code Authorization: Bearer …}). Requests with a cookie that change something must carry the
 * login's CSRF token in {@code X-CSRF-Token}; public requests that change something must be JSON, which
 * a cross-site form cannot send. A project the caller may not see answers 404, never 403, so ids
 * reveal nothing; too small a role in a visible project answers 403.
 *
 * <p>A route without a declared level counts as {@link RouteAccess#SIGNED_IN} under {@code /api/} and
 * {@link RouteAccess#PUBLIC} elsewhere.
 */
public final class RouteGuard {
    private static final String PROJECT = "sightline.project";
    private static final String ROLE = "sightline.role";
    private static final String TOKEN = "sightline.token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuthService auth;
    private final ApiTokens tokens;
    private final Access access;
    private final MetadataStore metadata;

    public RouteGuard(AuthService auth, ApiTokens tokens, Access access, MetadataStore metadata) {
        this.auth = Objects.requireNonNull(auth, "auth is null");
        this.tokens = Objects.requireNonNull(tokens, "tokens is null");
        this.access = Objects.requireNonNull(access, "access is null");
        this.metadata = Objects.requireNonNull(metadata, "metadata is null");
    }

    public Routes routes() {
        return routes -> routes.beforeMatched(this::guard);
    }

    /** The level a route declared, or the default for its path. */
    public static RouteAccess declared(Set<RouteRole> roles, String path) {
        for (RouteRole role : roles) {
            if (role instanceof RouteAccess level) {
                return level;
            }
        }
        return path.startsWith("/api/") ? RouteAccess.SIGNED_IN : RouteAccess.PUBLIC;
    }

    private void guard(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        if (matched == null) {
            return; // a static file: the dashboard's assets, the demo site
        }
        RouteAccess level = declared(ctx.routeRoles(), matched.path);
        boolean safe = SAFE_METHODS.contains(ctx.method().name());
        if (level == RouteAccess.PUBLIC) {
            if (!safe && ctx.path().startsWith("/api/") && !isJson(ctx)) {
                throw new HttpProblem(415, "json_required", "send this request as application/json");
            }
            return;
        }
        String bearer = bearer(ctx);
        if (bearer != null) {
            admitToken(ctx, level, safe, bearer);
            return;
        }
        SignedIn signedIn = auth.resolve(LoginCookie.read(ctx)).orElseThrow(HttpProblem::unauthenticated);
        if (!safe) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    signedIn.login().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw HttpProblem.forbidden("csrf", "missing or wrong X-CSRF-Token header");
            }
        }
        SignedInRequests.remember(ctx, signedIn);
        if (level == RouteAccess.OWNER && !signedIn.account().owner()) {
            throw HttpProblem.forbidden("owner_only", "only the owner of this Sightline installation may do this");
        }
        if (level.projectRole().isPresent()) {
            Access.Visible visible = access.admit(signedIn, ctx.pathParam("projectId"), level.projectRole().get());
            ctx.attribute(PROJECT, visible.project());
            ctx.attribute(ROLE, visible.role());
        }
    }

    private void admitToken(Context ctx, RouteAccess level, boolean safe, String bearer) {
        ApiToken token = tokens.resolve(bearer)
                .orElseThrow(() -> new HttpProblem(401, "bad_token", "the API token is unknown or was revoked"));
        if (level != RouteAccess.PROJECT_READ || !safe) {
            throw HttpProblem.forbidden("token_scope", "API tokens may only read a project's data; sign in for this");
        }
        if (!token.projectId().equals(ctx.pathParam("projectId"))) {
            throw HttpProblem.notFound("project");
        }
        Project project = metadata.project(token.projectId()).orElseThrow(() -> HttpProblem.notFound("project"));
        ctx.attribute(PROJECT, project);
        ctx.attribute(ROLE, Role.VIEWER);
        ctx.attribute(TOKEN, token);
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null) {
            return null;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new HttpProblem(401, "bad_token", "Authorization takes the form 'Bearer <token>'");
        }
        return header.substring(7).trim();
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /** The project a project-level route was admitted to. */
    public static Project project(Context ctx) {
        Project project = ctx.attribute(PROJECT);
        if (project == null) {
            throw new IllegalStateException(ctx.path() + " is not a project route; declare a project RouteAccess");
        }
        return project;
    }

    /** The caller's role in {@link #project(Context)}: VIEWER for API tokens. */
    public static Role role(Context ctx) {
        Role role = ctx.attribute(ROLE);
        if (role == null) {
            throw new IllegalStateException(ctx.path() + " is not a project route; declare a project RouteAccess");
        }
        return role;
    }
}
