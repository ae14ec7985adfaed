package dev.sightline.web;

import io.javalin.config.RoutesConfig;

/** A feature's HTTP endpoints. Each feature package has one; {@link WebServer} adds them all. */
@FunctionalInterface
public interface Routes {
    void addTo(RoutesConfig routes);
}
