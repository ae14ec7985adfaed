package dev.sightline.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The address browsers reach this server at: the configured public URL when there is one (behind a
 * proxy), otherwise what the request itself was sent to.
 */
public final class PublicUrl {
    private final Optional<String> configured;

    public PublicUrl(Optional<String> configured) {
        this.configured = configured.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public String of(Context ctx) {
        if (configured.isPresent()) {
            return configured.get();
        }
        String host = ctx.header("Host");
        return ctx.scheme() + "://" + (host == null || host.isBlank() ? "localhost" : host);
    }
}
