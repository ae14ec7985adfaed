package dev.sightline.store.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real clickhouse-server for tests: one process per test JVM, started on first use from a temporary
 * config (free HTTP port, data in a temporary folder, no TCP/interserver ports), stopped and its
 * folder deleted at JVM exit. Each test names its own database, so tests never see each other's rows.
 * Used by this module's tests, by the app's cluster tests and by the bench's query suite, which starts
 * and closes its own ({@link #start(Path)}).
 */
public final class ClickHouseServer implements AutoCloseable {

    /** Debian's package installs it here; {@code SIGHTLINE_CLICKHOUSE_SERVER} overrides. */
    private static final String BINARY = System.getenv().getOrDefault("SIGHTLINE_CLICKHOUSE_SERVER",
            "/usr/sbin/clickhouse-server");
    private static final Path USERS = Path.of("/etc/clickhouse-server/users.xml");

    private static ClickHouseServer shared;

    private final Path directory;
    private final int httpPort;
    private final Process process;

    private ClickHouseServer(Path directory, int httpPort, Process process) {
        this.directory = directory;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** The server of this JVM, started on the first call. */
    public static synchronized ClickHouseServer shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("sightline-clickhouse"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting clickhouse-server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "clickhouse-server-stop"));
        }
        return shared;
    }

    /** Whether the server binary is there to start ({@code apt-get install clickhouse-server}). */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** The path of the server binary this class starts. */
    public static String binary() {
        return BINARY;
    }

    /**
     * A server of the caller's own, its files in {@code directory} (deleted, with the folder, by
     * {@link #close()}).
     */
    public static ClickHouseServer start(Path directory) throws IOException, InterruptedException {
        int httpPort = freePort();
        Files.copy(USERS, directory.resolve("users.xml"));
        Files.writeString(directory.resolve("config.xml"), config(directory, httpPort));
        Process process = new ProcessBuilder(BINARY, "--config-file=" + directory.resolve("config.xml"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile()))
                .start();
        ClickHouseServer server = new ClickHouseServer(directory, httpPort, process);
        server.awaitPing();
        return server;
    }

    private static String config(Path directory, int httpPort) {
        return """
                <?xml version="1.0"?>
                <yandex>
                    <logger>
                        <level>warning</level>
                        <log>%1$s/server.log</log>
                        <errorlog>%1$s/server.err.log</errorlog>
                        <size>10M</size>
                        <count>1</count>
                    </logger>
                    <http_port>%2$d</http_port>
                    <listen_host>127.0.0.1</listen_host>
                    <path>%1$s/data/</path>
                    <tmp_path>%1$s/tmp/</tmp_path>
                    <user_files_path>%1$s/user_files/</user_files_path>
                    <format_schema_path>%1$s/format_schemas/</format_schema_path>
                    <users_config>%1$s/users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <timezone>UTC</timezone>
                    <mark_cache_size>268435456</mark_cache_size>
                    <max_concurrent_queries>100</max_concurrent_queries>
                </yandex>
                """.formatted(directory, httpPort);
    }

    private void awaitPing() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(endpoint().resolve("/ping")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("clickhouse-server exited; see " + directory.resolve("server.err.log"));
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new IllegalStateException("clickhouse-server did not answer /ping on port " + httpPort);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /**
     * Settings for a database of this server named after the test and its data directory (the store
     * creates it on open). The database's folder on the server is a link into {@code dataDir}, so the
     * table files of the test's store are under its data directory, as an embedded store's would be.
     */
    public ClickHouseSettings settings(Class<?> testClass, Path dataDir) {
        String database = ("t_" + testClass.getSimpleName() + "_"
                + Integer.toHexString(dataDir.toAbsolutePath().toString().hashCode())).toLowerCase(Locale.ROOT);
        Path link = directory.resolve("data").resolve("data").resolve(database);
        try {
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Path target = Files.createDirectories(dataDir.resolve("clickhouse"));
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClickHouseSettings(endpoint(), database, "default", "");
    }

    /** Settings for a database of this server kept in the server's own folder (the store creates it on open). */
    public ClickHouseSettings settings(String database) {
        return new ClickHouseSettings(endpoint(), database, "default", "");
    }

    /** Drops a test's database, so the server writes nothing more into its data directory. */
    public void drop(ClickHouseSettings settings) {
        HttpRequest drop = HttpRequest.newBuilder(endpoint())
                .POST(HttpRequest.BodyPublishers.ofString("DROP DATABASE IF EXISTS " + settings.database())).build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(drop, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("cannot drop " + settings.database() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dropping " + settings.database(), e);
        }
    }

    /** Stops the server and deletes its folder. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
