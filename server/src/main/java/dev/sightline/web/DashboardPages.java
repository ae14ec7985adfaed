package dev.sightline.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The dashboard is one page application: every dashboard address answers the same {@code index.html},
 * and the app's router shows the right page. Its scripts and styles come from {@code /assets/}.
 */
public final class DashboardPages implements Routes {
    static final String INDEX = "/sightline/ui/index.html";
    private static final String[] PAGES = {"/", "/setup", "/login", "/p/*", "/invite/*"};

    private final Optional<byte[]> index;

    public DashboardPages() {
        this.index = load();
    }

    private static Optional<byte[]> load() {
        try (InputStream in = DashboardPages.class.getResourceAsStream(INDEX)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard's index.html", e);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        for (String page : PAGES) {
            routes.get(page, this::serve, RouteAccess.PUBLIC);
        }
    }

    private void serve(Context ctx) {
        ctx.header("Cache-Control", "no-cache");
        if (index.isEmpty()) {
            ctx.status(503).html("<!doctype html><title>Sightline</title><p>The dashboard was not built. Run <code>./sightline start</code>, which builds it.</p>");
            return;
        }
        ctx.html(new String(index.get(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
