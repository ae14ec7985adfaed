package dev.sightline.bench.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * A loopback web site for measured visits: Sightline's demo pages and a heavy data-grid page, each
 * served once per {@link Recorder} under its own prefix ({@code /sightline/demo/index.html},
 * {@code /clarity/heavy.html}, …) with that recorder installed in place of Sightline's snippet; the
 * recorders' scripts; and one capture endpoint per recorder that answers 200 and counts what arrived.
 * Sightline's tracker is the one this build produced (the tracker module's classpath resource).
 */
public final class BenchSite implements AutoCloseable {
    private static final Pattern SIGHTLINE_SNIPPET = Pattern.compile(
            "<script>window\\.sightline=.*?</script>\\s*<script async src=\"/sightline\\.js\\?k=demo-site-key\"></script>",
            Pattern.DOTALL);

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final byte[] sightlineScript;
    private final byte[] rrwebScript;
    private final byte[] clarityScript;
    private final Map<Recorder, UploadCapture> captures = new EnumMap<>(Recorder.class);

    public BenchSite(Path benchModule) throws IOException {
        this.sightlineScript = Peers.sightlineBundle();
        this.rrwebScript = concat(Files.readAllBytes(Peers.rrwebRecorder(benchModule)),
                resource("/dev/sightline/bench/browser/rrweb-start.js"));
        this.clarityScript = Files.readAllBytes(Peers.clarityTracker(benchModule));
        for (Recorder recorder : Recorder.values()) {
            captures.put(recorder, new UploadCapture());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The site's address, e.g. {@code http://127.0.0.1:41234}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String demoPage(Recorder recorder, String file) {
        return origin() + recorder.prefix() + "/demo/" + file;
    }

    public String heavyPage(Recorder recorder) {
        return origin() + recorder.prefix() + "/heavy.html";
    }

    public UploadCapture capture(Recorder recorder) {
        return captures.get(recorder);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST")) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                switch (path) {
                    case "/collect" -> {
                        captures.get(Recorder.SIGHTLINE).add(body);
                        reply(exchange, 200, "application/json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
                    }
                    case "/rrweb-collect" -> {
                        captures.get(Recorder.RRWEB).add(body);
                        reply(exchange, 200, "text/plain", new byte[0]);
                    }
                    case "/clarity-collect" -> {
                        captures.get(Recorder.CLARITY).add(body);
                        reply(exchange, 200, "text/plain", new byte[0]);
                    }
                    default -> reply(exchange, 404, "text/plain", new byte[0]);
                }
                return;
            }
            switch (path) {
                case "/sightline.js" -> reply(exchange, 200, "text/javascript", concat(
                        ("self.__slcfg={\"key\":\"demo-site-key\",\"endpoint\":\"" + origin()
                                + "/collect\",\"mask\":\"balanced\",\"consent\":false,\"gpc\":false,\"cookies\":true};\n")
                                .getBytes(StandardCharsets.UTF_8), sightlineScript));
                case "/peer/rrweb.js" -> reply(exchange, 200, "text/javascript", rrwebScript);
                case "/peer/clarity.js" -> reply(exchange, 200, "text/javascript", clarityScript);
                case "/favicon.ico" -> reply(exchange, 404, "text/plain", new byte[0]);
                default -> page(exchange, path);
            }
        }
    }

    private void page(HttpExchange exchange, String path) throws IOException {
        for (Recorder recorder : Recorder.values()) {
            if (!path.startsWith(recorder.prefix() + "/")) {
                continue;
            }
            String rest = path.substring(recorder.prefix().length());
            if (rest.equals("/heavy.html")) {
                String html = new String(resource("/dev/sightline/bench/browser/heavy.html"), StandardCharsets.UTF_8)
                        .replace("<!--recorder-->", recorder.snippet());
                reply(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (rest.startsWith("/demo/") && !rest.contains("..")) {
                String file = rest.substring("/demo/".length());
                byte[] bytes = optionalResource("/sightline/demo/" + (file.isEmpty() ? "index.html" : file));
                if (bytes == null) {
                    break;
                }
                if (file.isEmpty() || file.endsWith(".html")) {
                    String html = SIGHTLINE_SNIPPET.matcher(new String(bytes, StandardCharsets.UTF_8))
                            .replaceFirst(java.util.regex.Matcher.quoteReplacement(recorder.snippet()));
                    reply(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
                } else {
                    reply(exchange, 200, file.endsWith(".css") ? "text/css" : "text/javascript", bytes);
                }
                return;
            }
        }
        reply(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    static byte[] resource(String name) {
        byte[] bytes = optionalResource(name);
        if (bytes == null) {
            throw new IllegalStateException("missing classpath resource " + name);
        }
        return bytes;
    }

    private static byte[] optionalResource(String name) {
        try (InputStream in = BenchSite.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length + 1];
        System.arraycopy(first, 0, joined, 0, first.length);
        joined[first.length] = '\n';
        System.arraycopy(second, 0, joined, first.length + 1, second.length);
        return joined;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
