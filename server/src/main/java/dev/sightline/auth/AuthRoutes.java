package dev.sightline.auth;

import dev.sightline.web.JsonBodies;
import dev.sightline.web.LoginCookie;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /api/auth/*}: state, first-run setup, login, logout. */
public final class AuthRoutes implements Routes {

    record Credentials(String email, String password) {
    }

    private final AuthService auth;
    private final JsonBodies bodies;

    public AuthRoutes(AuthService auth, JsonBodies bodies) {
        this.auth = auth;
        this.bodies = bodies;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/auth/state", ctx -> ctx.json(state(auth.resolve(LoginCookie.read(ctx)))));
        routes.post("/api/auth/setup", ctx -> {
            Credentials form = bodies.read(ctx, Credentials.class);
            signIn(ctx, auth.setup(form.email(), form.password()));
        });
        routes.post("/api/auth/login", ctx -> {
            Credentials form = bodies.read(ctx, Credentials.class);
            signIn(ctx, auth.login(form.email(), form.password(), ctx.req().getRemoteAddr()));
        });
        routes.post("/api/auth/logout", ctx -> {
            auth.logout(LoginCookie.read(ctx));
            LoginCookie.clear(ctx);
            ctx.status(204);
        });
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
