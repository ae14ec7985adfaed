package dev.sightline.bench.queries;

import dev.sightline.bench.report.Target;
import dev.sightline.contract.store.EventStore;
import java.util.Objects;

/**
 * One timed query: it calls Sightline's own query code through the {@link EventStore} contract and
 * the query interfaces it hands out ({@code store.heatmaps()}, {@code store.dashboard()}).
 */
record QueryCase(String name, Target target, StoreCall call) {
    QueryCase {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(call, "call is null");
    }

    /** Calls Sightline's query code; returns what it answered (consumed so nothing is left lazy). */
    @FunctionalInterface
    interface StoreCall {
        Object run(EventStore store, QueryData data) throws Exception;
    }
}
