package dev.sightline.store.duckdb;

import dev.sightline.contract.store.BatchRows;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * How far back (in server-clock {@code received_at} time) a write's joins look for the rows it merges
 * into. A session's batches arrive within hours of each other (a page lives at most a day), so the
 * bound is the write's earliest receipt minus {@link #REACH}; rows stored before it are not read. When
 * a key does exist further back, inserting it again violates its primary key and the write is repeated
 * with {@link #UNBOUNDED} — slower, never wrong.
 */
record WriteBound(long micros) {

    static final Duration REACH = Duration.ofHours(48);
    static final WriteBound UNBOUNDED = new WriteBound(Micros.of(Instant.parse("0001-01-01T00:00:00Z")));

    static WriteBound of(Collection<BatchRows> batches) {
        Instant earliest = batches.stream().map(BatchRows::receivedAt).min(Instant::compareTo).orElseThrow();
        return new WriteBound(Micros.of(earliest.minus(REACH)));
    }
}
