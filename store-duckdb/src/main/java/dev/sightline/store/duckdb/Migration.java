package dev.sightline.store.duckdb;

import java.util.List;

/** The statements that bring a schema from the previous version to {@code version}. */
record Migration(int version, List<String> statements) {
    Migration {
        statements = List.copyOf(statements);
    }
}
