package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.clickhouse.data.ClickHouseFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.store.StoreException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One database on a ClickHouse server, spoken to with the official client over HTTP, text formats
 * only: statements name their output format themselves ({@code FORMAT JSONEachRow}; ClickHouse 18.16
 * ignores the format the client asks for otherwise), inserts send JSONEachRow, and compression is off.
 */
final class ClickHouseDatabase implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest statement the server accepts from this store. */
    static final int MAX_STATEMENT_BYTES = 16 << 20;
    private static final long MUTATION_WAIT_MS = TimeUnit.MINUTES.toMillis(10);

    private final String name;
    private final Client client;

    private ClickHouseDatabase(String name, Client client) {
        this.name = name;
        this.client = client;
    }

    /** Connects, creating the database if it does not exist yet. */
    static ClickHouseDatabase open(ClickHouseSettings settings) {
        requireNonNull(settings, "settings is null");
        try (Client server = client(settings).build()) {
            ClickHouseDatabase bootstrap = new ClickHouseDatabase(settings.database(), server);
            bootstrap.execute("CREATE DATABASE IF NOT EXISTS " + settings.database());
        }
        return new ClickHouseDatabase(settings.database(),
                // 18.16 ignores the client's database header; the HTTP interface's "database" parameter works.
                client(settings).serverSetting("database", settings.database()).build());
    }

    private static Client.Builder client(ClickHouseSettings settings) {
        return new Client.Builder()
                .addEndpoint(settings.endpoint().toString())
                .setUsername(settings.username())
                .setPassword(settings.password())
                .compressServerResponse(false)
                .compressClientRequest(false)
                .useHttpCompression(false)
                // Values are inlined (no query parameters in 18.16): a deletion of thousands of sessions is a
                // long statement, beyond the default 256 KiB.
                .serverSetting("max_query_size", String.valueOf(MAX_STATEMENT_BYTES));
    }

    String name() {
        return name;
    }

    static ObjectNode row() {
        return JSON.createObjectNode();
    }

    /** Runs a statement that returns nothing (DDL, ALTER, INSERT … SELECT). */
    void execute(String sql) {
        try {
            client.execute(sql).get().close();
        } catch (Exception e) {
            throw failure(sql, e);
        }
    }

    /** Runs a query; each result row is one JSON object ({@code FORMAT JSONEachRow} is appended). */
    List<JsonNode> query(String sql) {
        List<JsonNode> rows = new ArrayList<>();
        try {
            QueryResponse response = client.query(sql + "\nFORMAT JSONEachRow").get();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isEmpty()) {
                        rows.add(JSON.readTree(line));
                    }
                }
            } finally {
                response.close();
            }
        } catch (Exception e) {
            throw failure(sql, e);
        }
        return rows;
    }

    /** Appends rows to a table in one insert (one block: ClickHouse writes it whole or not at all per partition). */
    void insert(String table, List<ObjectNode> rows) {
        if (rows.isEmpty()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (ObjectNode row : rows) {
                JSON.writeValue(body, row);
                body.write('\n');
            }
        } catch (IOException e) {
            throw new StoreException("cannot encode rows for " + table, e);
        }
        try {
            client.insert(table, new ByteArrayInputStream(body.toByteArray()), ClickHouseFormat.JSONEachRow).get().close();
        } catch (Exception e) {
            throw failure("INSERT INTO " + table, e);
        }
    }

    /**
     * Waits until the mutations ({@code ALTER TABLE … DELETE}) of this database are done: ClickHouse
     * runs them in the background, and 18.16 has no setting that makes the statement wait.
     */
    void awaitMutations() {
        awaitMutationsWhere("1");
    }

    /** Waits until the mutations of this table are done, whatever the other tables' are doing. */
    void awaitMutations(String table) {
        awaitMutationsWhere("table = " + Sql.quote(table));
    }

    private void awaitMutationsWhere(String condition) {
        long deadline = System.currentTimeMillis() + MUTATION_WAIT_MS;
        String pending = "SELECT count() AS pending FROM system.mutations WHERE database = " + Sql.quote(name)
                + " AND is_done = 0 AND " + condition;
        while (query(pending).get(0).get("pending").asLong() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new StoreException("mutations of " + name + " still running after " + MUTATION_WAIT_MS + " ms",
                        null);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for mutations of " + name, e);
            }
        }
    }

    private static StoreException failure(String sql, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String statement = sql.length() > 300 ? sql.substring(0, 300) + "…" : sql;
        return new StoreException("ClickHouse failed: " + cause.getMessage() + "\nstatement: " + statement, cause);
    }

    @Override
    public void close() {
        client.close();
    }
}
