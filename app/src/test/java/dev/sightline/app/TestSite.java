package dev.sightline.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A customer's website on an origin of its own: serves the pages under {@code src/test/resources/site/}
 * with {@code {{SIGHTLINE}}}, {@code {{KEY}}} and any other {@code {{NAME}}} filled in from the query.
 */
final class TestSite implements AutoCloseable {
    private final HttpServer server;

    TestSite(String sightlineBase) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (InputStream in = TestSite.class.getResourceAsStream("/site" + path)) {
                if (in == null || path.contains("..")) {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                    return;
                }
                String html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{SIGHTLINE}}", sightlineBase);
                String query = exchange.getRequestURI().getQuery();
                if (query != null) {
                    for (String pair : query.split("&")) {
                        String[] kv = pair.split("=", 2);
                        html = html.replace("{{" + kv[0] + "}}", java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "",
                                StandardCharsets.UTF_8));
                    }
                }
                byte[] body = html.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /** The URL of a page with its placeholders. */
    String page(String name, Map<String, String> values) {
        StringBuilder url = new StringBuilder("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
        char separator = '?';
        for (Map.Entry<String, String> value : values.entrySet()) {
            url.append(separator).append(value.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
