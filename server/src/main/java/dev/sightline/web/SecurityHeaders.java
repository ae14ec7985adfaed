package dev.sightline.web;

import io.javalin.http.Context;

/**
 * Headers that keep recorded (hostile) pages from running code in the dashboard. Replays render in
 * sandboxed iframes without script permission; on top of that the dashboard's own policy allows only
 * its own scripts, so an injected inline handler or script tag cannot run even if it reached the DOM.
 * Recorded styles, images and fonts may come from the recorded site, hence their wider sources.
 */
public final class SecurityHeaders {
    public static final String DASHBOARD_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline' https: http:",
            "img-src 'self' data: blob: https: http:",
            "font-src 'self' data: https: http:",
            "media-src 'self' blob: https: http:",
            "connect-src 'self'",
            "frame-src 'self'",
            "child-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    /** Applies to everything but the public endpoints a customer's site uses and the demo site. */
    public static Routes routes() {
        return routes -> routes.before(ctx -> {
            String path = ctx.path();
            if (path.equals("/collect") || path.equals("/sightline.js") || path.startsWith("/demo")) {
                return;
            }
            apply(ctx);
        });
    }

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", DASHBOARD_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
