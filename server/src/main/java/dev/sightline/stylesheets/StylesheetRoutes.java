package dev.sightline.stylesheets;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.stylesheets.StylesheetStore;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /api/projects/{projectId}/stylesheets/{hash}}: a recorded stylesheet by the SHA-256 its
 * recordings and heatmap snapshots refer to. A hash names one text for ever, so the answer may be
 * cached for good (privately: it is the project's).
 */
public final class StylesheetRoutes implements Routes {
    private final StylesheetStore stylesheets;

    public StylesheetRoutes(StylesheetStore stylesheets) {
        this.stylesheets = requireNonNull(stylesheets, "stylesheets is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/stylesheets/{hash}", this::stylesheet, RouteAccess.PROJECT_READ);
    }

    private void stylesheet(Context ctx) {
        byte[] css = stylesheets.find(RouteGuard.project(ctx).id(), ctx.pathParam("hash"))
                .orElseThrow(() -> HttpProblem.notFound("stylesheet"));
        ctx.header("Content-Type", "text/css; charset=utf-8");
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        ctx.result(css);
    }
}
