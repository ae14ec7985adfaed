package dev.sightline.bench.queries;

import dev.sightline.bench.Folders;
import dev.sightline.contract.store.EventStore;
import dev.sightline.store.clickhouse.ClickHouseEventStore;
import dev.sightline.store.clickhouse.ClickHouseServer;
import dev.sightline.store.clickhouse.ClickHouseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A clickhouse-server of the query suite's own (the one store-clickhouse's tests start: free port, files
 * in a temporary folder), holding one data set at a time in its own database, queried through
 * {@link ClickHouseEventStore} as the server's {@code --storage clickhouse} does. Closing stops the
 * server and deletes the folder.
 */
final class ClickHouseQueryServer implements AutoCloseable {
    private final Path folder;
    private final ClickHouseServer server;
    private final String version;

    private ClickHouseQueryServer(Path folder, ClickHouseServer server) {
        this.folder = folder;
        this.server = server;
        this.version = new ClickHouseHttp(server.settings("default")).execute("SELECT version()").trim();
    }

    static ClickHouseQueryServer start() throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("sightline-bench-clickhouse");
        return new ClickHouseQueryServer(folder, ClickHouseServer.start(Files.createDirectories(folder.resolve("server"))));
    }

    String version() {
        return version;
    }

    /**
     * Loads {@code data}, opens the event store on it for {@code timed} (told how long the load took),
     * then drops the data again.
     */
    <T> T with(QueryData data, Consumer<String> progress, StoreUse<T> timed) throws Exception {
        ClickHouseSettings settings = server.settings("bench_" + data.sessions());
        server.drop(settings);
        try {
            long started = System.nanoTime();
            ClickHouseQueryData.load(settings, data, folder.resolve("export"), progress);
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            try (ClickHouseEventStore store = new ClickHouseEventStore(settings)) {
                return timed.use(store, loadSeconds);
            }
        } finally {
            server.drop(settings);
        }
    }

    @FunctionalInterface
    interface StoreUse<T> {
        T use(EventStore store, double loadSeconds) throws Exception;
    }

    @Override
    public void close() throws IOException {
        server.close();
        Folders.deleteTree(folder);
    }
}
