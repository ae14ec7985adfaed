package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import java.net.URI;

/**
 * Where the event store lives: a ClickHouse server's HTTP interface and the database to use (created
 * with its tables when the store opens).
 */
public record ClickHouseSettings(URI endpoint, String database, String username, String password) {
    public ClickHouseSettings {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(database, "database is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("a database name is letters, digits and underscores: " + database);
        }
    }
}
