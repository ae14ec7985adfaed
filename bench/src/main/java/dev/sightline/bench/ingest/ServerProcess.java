package dev.sightline.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.app.Main;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sightline as its own operating-system process, as it runs in production (embedded stores, demo
 * project, {@code -Xmx1g}), so its CPU time and memory can be read from {@code /proc} apart from the
 * load generator's. Rate limits are raised: every simulated visitor shares the loopback address.
 */
final class ServerProcess {
    static final String HEAP = "1g";
    private static final Pattern GC_HEAP = Pattern.compile("\\) (\\d+)M->(\\d+)M\\(");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path gcLog;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServerProcess(Process process, int port, Path gcLog) {
        this.process = process;
        this.port = port;
        this.gcLog = gcLog;
    }

    /** Starts it; {@code extraJvmArguments} go before the main class (e.g. a profiler's flags), {@code extraArguments} after. */
    static ServerProcess start(Path dataDir, Path logFile, List<String> extraJvmArguments, List<String> extraArguments)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path gcLog = logFile.resolveSibling("gc.log");
        Files.deleteIfExists(gcLog);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + HEAP, "-Xlog:gc:file=" + gcLog));
        command.addAll(extraJvmArguments);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "start",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--data", dataDir.toString(), "--demo",
                "--source-rate", "1000000", "--project-rate", "1000000"));
        command.addAll(extraArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        ServerProcess server = new ServerProcess(process, port, gcLog);
        server.awaitHealthy(Duration.ofSeconds(90));
        return server;
    }

    int port() {
        return port;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Sightline exited with " + process.exitValue() + " while starting");
            }
            try {
                health();
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Sightline did not become healthy within " + timeout);
    }

    /** {@code GET /health}: the ingest log's lag and how many batches were processed into the stores. */
    JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("health answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** Waits until the processor has stored at least {@code batches}; false on timeout. */
    boolean awaitProcessed(long batches, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode health = health();
            if (health.get("processedBatches").asLong() >= batches && health.get("ingestLag").asLong() == 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** User plus system CPU seconds of every thread of the server so far. */
    double cpuSeconds() throws IOException {
        return ProcStat.cpuSeconds(process.pid());
    }

    /** The most resident memory the server has had (VmHWM), in bytes. */
    long peakResidentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmHWM in /proc/" + process.pid() + "/status");
    }

    /** The largest Java heap occupancy the GC log shows (heap used when a collection started), in MiB. */
    long peakHeapMiB() throws IOException {
        long peak = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_HEAP.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
            }
        }
        return peak;
    }

    /** SIGTERM: the shutdown hook closes the stores (DuckDB checkpoints), then the process exits. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
