package dev.sightline.bench.queries;

import static java.util.Objects.requireNonNull;

import dev.sightline.store.clickhouse.ClickHouseSettings;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Statements and bulk inserts straight over ClickHouse's HTTP interface, for loading and checking a
 * data set: the event store's own client has no call for a file of rows, and the timed queries go
 * through the store.
 */
final class ClickHouseHttp {
    private final HttpClient http = HttpClient.newHttpClient();
    private final ClickHouseSettings settings;

    ClickHouseHttp(ClickHouseSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Runs a statement in the database; returns what the server answered (TabSeparated for a SELECT). */
    String execute(String statement) {
        return send(uri(""), HttpRequest.BodyPublishers.ofString(statement), statement);
    }

    /** Inserts a CSV file of rows into {@code table}, its fields in the order of {@code columns}. */
    void insertCsv(String table, Collection<String> columns, Path csv) {
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") FORMAT CSV";
        try {
            send(uri("&query=" + URLEncoder.encode(insert, StandardCharsets.UTF_8)), HttpRequest.BodyPublishers.ofFile(csv),
                    insert + " <- " + csv);
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String more) {
        return URI.create(settings.endpoint() + "/?database=" + URLEncoder.encode(settings.database(), StandardCharsets.UTF_8)
                + "&user=" + URLEncoder.encode(settings.username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(settings.password(), StandardCharsets.UTF_8) + more);
    }

    private String send(URI uri, HttpRequest.BodyPublisher body, String what) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse refused " + what + " (" + response.statusCode() + "): "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach ClickHouse at " + settings.endpoint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + what, e);
        }
    }
}
