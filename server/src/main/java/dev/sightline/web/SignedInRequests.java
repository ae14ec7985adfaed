package dev.sightline.web;

import dev.sightline.auth.SignedIn;
import dev.sightline.http.HttpProblem;
import io.javalin.http.Context;

/**
 * The account behind a request that {@link RouteGuard} admitted with a login cookie. Requests admitted
 * with an API token have no account.
 */
public final class SignedInRequests {
    private static final String ATTRIBUTE = "sightline.signedIn";

    private SignedInRequests() {
    }

    static void remember(Context ctx, SignedIn signedIn) {
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
