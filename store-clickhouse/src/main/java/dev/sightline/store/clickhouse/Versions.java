package dev.sightline.store.clickhouse;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Versions of rows that replace earlier rows ({@code ReplacingMergeTree(version)}, or "the highest
 * version is in force" reads): they follow the clock in microseconds, so a reopened store keeps counting
 * up, and never repeat within a store.
 */
final class Versions {

    private final AtomicLong last = new AtomicLong();

    long next() {
        long now = Sql.micros(Instant.now());
        return last.updateAndGet(previous -> Math.max(previous + 1, now));
    }
}
