package dev.sightline.web;

import dev.sightline.auth.AuthService;
import dev.sightline.auth.SignedIn;
import dev.sightline.http.HttpProblem;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Guards {@code /api/}: every request needs a valid login cookie, and every request that changes
 * something needs the login's CSRF token in {@code X-CSRF-Token} (a cross-site form cannot send it).
 */
public final class SignedInRequests {
    private static final String ATTRIBUTE = "sightline.signedIn";
    private static final Set<String> PUBLIC = Set.of("/api/auth/state", "/api/auth/setup", "/api/auth/login");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final AuthService auth;

    public SignedInRequests(AuthService auth) {
        this.auth = auth;
    }

    public Routes routes() {
        return routes -> routes.before("/api/*", this::guard);
    }

    private void guard(Context ctx) {
        if (PUBLIC.contains(ctx.path())) {
            return;
        }
        SignedIn signedIn = auth.resolve(LoginCookie.read(ctx)).orElseThrow(HttpProblem::unauthenticated);
        if (!SAFE_METHODS.contains(ctx.method().name())) {
            String sent = ctx.header("X-CSRF-Token");
            if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                    signedIn.login().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw HttpProblem.forbidden("csrf", "missing or wrong X-CSRF-Token header");
            }
        }
        ctx.attribute(ATTRIBUTE, signedIn);
    }

    /** The account of a request that passed the guard. */
    public static SignedIn of(Context ctx) {
        SignedIn signedIn = ctx.attribute(ATTRIBUTE);
        if (signedIn == null) {
            throw HttpProblem.unauthenticated();
        }
        return signedIn;
    }
}
