package dev.sightline.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The small shop the insight scenarios run on ({@code src/test/resources/insight-scenarios/}), served
 * on its own port with Sightline's snippet pointing at the Sightline under test. The same server
 * answers as {@code 127.0.0.1} (the tracked site) and as {@code localhost} (another site, for leaving
 * and coming back: cookies are per host name).
 */
final class ScenarioSite implements AutoCloseable {
    private static final String FOLDER = "/insight-scenarios/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8");

    private final HttpServer server;
    private final String trackerUrl;

    ScenarioSite(String sightlineBase) {
        this.trackerUrl = sightlineBase + "/sightline.js?k=demo-site-key";
        try {
            server = HttpServer.create(new InetSocketAddress(0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    /** The tracked site's address: {@code http://127.0.0.1:port/}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** The other site, same server under another host name: no tracker, no shared cookies. */
    String external() {
        return "http://localhost:" + server.getAddress().getPort() + "/external.html";
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/ping")) {
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            String name = path.substring(1);
            InputStream in = name.matches("[a-z-]+\\.(html|css|js)") ? getClass().getResourceAsStream(FOLDER + name) : null;
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (in) {
                body = in.readAllBytes();
            }
            String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            if (name.endsWith(".html")) {
                body = new String(body, StandardCharsets.UTF_8).replace("{{TRACKER}}", trackerUrl)
                        .replace("{{EXTERNAL}}", external()).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
