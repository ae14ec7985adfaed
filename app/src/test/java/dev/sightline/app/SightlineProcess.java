package dev.sightline.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Sightline started as a separate operating-system process, so a test can kill it for real. */
final class SightlineProcess {
    private final Process process;
    private final int port;

    private SightlineProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SightlineProcess start(Path dataDir, Path logFile, String... extraArgs) throws IOException, InterruptedException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "start", "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--data", dataDir.toString(), "--demo"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        SightlineProcess started = new SightlineProcess(process, port);
        started.awaitHealthy(Duration.ofSeconds(60));
        return started;
    }

    /**
     * A node of a cluster: {@code --role} and the shared engines' flags, its own data folder under
     * {@code dir} and its output in a log file beside it; added to {@code nodes} so a test can stop them all.
     */
    static SightlineProcess startRole(Path dir, List<SightlineProcess> nodes, String role, List<String> engines)
            throws IOException, InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("--role", role));
        args.addAll(engines);
        String name = role + "-" + nodes.size();
        SightlineProcess node = start(java.nio.file.Files.createDirectories(dir.resolve(name)), dir.resolve(name + ".log"),
                args.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Sightline exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Sightline did not become healthy within " + timeout);
    }

    /** Waits until the ingest log holds nothing unprocessed, seen three times in a row (uploads may still trickle in). */
    void awaitCaughtUp() throws InterruptedException {
        Http http = new Http(baseUrl());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int settled = 0;
        while (System.nanoTime() < deadline) {
            settled = http.get("/health").json().get("ingestLag").asLong() == 0 ? settled + 1 : 0;
            if (settled >= 3) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("processing did not catch up with the ingest log");
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM: the shutdown hook closes the stores. */
    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

}
