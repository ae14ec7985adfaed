package dev.sightline.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.contract.wire.WireLimits;
import dev.sightline.http.ProblemResponses;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: Javalin on Jetty, with every feature's routes and the one error mapping. */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;

    public WebServer(ObjectMapper json, List<Routes> routes, List<StaticMount> mounts) {
        Objects.requireNonNull(json, "json is null");
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = WireLimits.MAX_BODY_BYTES;
            config.http.asyncTimeout = 30_000;
            config.startup.showJavalinBanner = false;
            for (StaticMount mount : mounts) {
                if (WebServer.class.getResource(mount.classpathDirectory()) == null) {
                    LOG.warn("{} is not on the classpath; {} will answer 404 (was that module built?)",
                            mount.classpathDirectory(), mount.hostedPath());
                    continue;
                }
                config.staticFiles.add(files -> {
                    files.hostedPath = mount.hostedPath();
                    files.directory = mount.classpathDirectory();
                    files.location = Location.CLASSPATH;
                    files.headers = mount.headers();
                });
            }
            ProblemResponses.register(config.routes);
            routes.forEach(r -> r.addTo(config.routes));
        });
    }

    /** A route the server answers: method, path pattern ({@code {name}} parameters) and declared access. */
    public record Route(String method, String path, RouteAccess access, boolean declared) {
    }

    /** Every HTTP route, as Javalin registered it, with the access level its feature declared. */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> {
                    Roles roles = endpoint.metadata(Roles.class);
                    Set<RouteRole> declared = roles == null ? Set.of() : roles.getRoles();
                    boolean hasLevel = declared.stream().anyMatch(RouteAccess.class::isInstance);
                    return new Route(endpoint.method.name(), endpoint.path, RouteGuard.declared(declared, endpoint.path),
                            hasLevel);
                })
                .toList();
    }

    /** Starts serving; port 0 picks a free port. Returns the port. */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
