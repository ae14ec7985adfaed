package dev.sightline.web;

import io.javalin.http.Context;
import java.time.Duration;

/** The {@code sl_session} cookie: HttpOnly, SameSite=Lax, Secure whenever the request came over https. */
public final class LoginCookie {
    public static final String NAME = "sl_session";

    private LoginCookie() {
    }

    public static String read(Context ctx) {
        return ctx.cookie(NAME);
    }

    public static void set(Context ctx, String token, Duration lifetime) {
        ctx.res().addHeader("Set-Cookie", NAME + "=" + token + "; Path=/; Max-Age=" + lifetime.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
    }

    public static void clear(Context ctx) {
        ctx.res().addHeader("Set-Cookie", NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure(ctx) ? "; Secure" : ""));
    }

    private static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
