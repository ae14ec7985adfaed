package dev.sightline.auth;

import dev.sightline.contract.meta.Invite;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.LoginCookie;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.Routes;
import dev.sightline.web.SignedInRequests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code /api/auth/*}: state, first-run setup, login, logout. */
public final class AuthRoutes implements Routes {

    record Credentials(String email, String password) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record Acceptance(String password) {
    }

    private final AuthService auth;
    private final JsonBodies bodies;
    private final Function<String, String> projects;

    /** @param projectNames a project's name by id, for the invitation page */
    public AuthRoutes(AuthService auth, JsonBodies bodies, Function<String, String> projectNames) {
        this.auth = auth;
        this.bodies = bodies;
        this.projects = projectNames;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/auth/state", ctx -> ctx.json(state(auth.resolve(LoginCookie.read(ctx)))), RouteAccess.PUBLIC);
        routes.post("/api/auth/setup", ctx -> {
            Credentials form = bodies.read(ctx, Credentials.class);
            signIn(ctx, auth.setup(form.email(), form.password(), Client.of(ctx)));
        }, RouteAccess.PUBLIC);
        routes.post("/api/auth/login", ctx -> {
            Credentials form = bodies.read(ctx, Credentials.class);
            signIn(ctx, auth.login(form.email(), form.password(), Client.of(ctx)));
        }, RouteAccess.PUBLIC);
        routes.post("/api/auth/logout", ctx -> {
            auth.logout(LoginCookie.read(ctx), Client.of(ctx));
            LoginCookie.clear(ctx);
            ctx.status(204);
        }, RouteAccess.SIGNED_IN);
        routes.post("/api/auth/password", ctx -> {
            PasswordChange form = bodies.read(ctx, PasswordChange.class);
            auth.changePassword(SignedInRequests.of(ctx), form.currentPassword(), form.newPassword(), Client.of(ctx));
            ctx.status(204);
        }, RouteAccess.SIGNED_IN);
        routes.get("/api/auth/invites/{secret}", ctx -> {
            Invite invite = auth.openInvite(ctx.pathParam("secret"));
            ctx.header("Cache-Control", "no-store");
            ctx.json(Map.of("email", invite.email(), "role", invite.role().name(),
                    "projectName", projects.apply(invite.projectId()), "expiresAt", invite.expiresAt().toEpochMilli()));
        }, RouteAccess.PUBLIC);
        routes.post("/api/auth/invites/{secret}/accept", ctx -> {
            Acceptance form = bodies.read(ctx, Acceptance.class);
            signIn(ctx, auth.acceptInvite(ctx.pathParam("secret"), form.password(), Client.of(ctx)));
        }, RouteAccess.PUBLIC);
    }

    private void signIn(Context ctx, AuthService.Login login) {
        LoginCookie.set(ctx, login.token(), AuthService.LOGIN_LIFETIME);
        ctx.json(state(Optional.of(login.signedIn())));
    }

    private Map<String, Object> state(Optional<SignedIn> signedIn) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("setupRequired", auth.setupRequired());
        state.put("account", signedIn.map(s -> Map.of("id", s.account().id(), "email", s.account().email(),
                "owner", s.account().owner())).orElse(null));
        state.put("csrfToken", signedIn.map(s -> s.login().csrfToken()).orElse(null));
        return state;
    }
}
