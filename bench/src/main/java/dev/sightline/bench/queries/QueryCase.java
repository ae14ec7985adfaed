package dev.sightline.bench.queries;

import dev.sightline.bench.report.Target;
import dev.sightline.contract.store.EventStore;
import java.sql.Connection;
import java.util.Objects;

/**
 * One timed query. A store case calls Sightline's own query code through the {@link EventStore}
 * contract (and, as features land, the query interfaces it hands out, e.g. {@code store.heatmaps()});
 * a stand-in runs plain SQL on a read-only connection for a feature whose query class does not exist
 * yet, and says so in its name.
 */
sealed interface QueryCase {

    String name();

    Target target();

    /** Calls Sightline's query code; returns what it answered (consumed so nothing is left lazy). */
    record StoreCase(String name, Target target, StoreCall call) implements QueryCase {
        public StoreCase {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(target, "target is null");
            Objects.requireNonNull(call, "call is null");
        }
    }

    /** Plain SQL standing in for a query class that is still being built. */
    record SqlStandIn(String name, Target target, SqlCall call) implements QueryCase {
        public SqlStandIn {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(target, "target is null");
            Objects.requireNonNull(call, "call is null");
        }
    }

    @FunctionalInterface
    interface StoreCall {
        Object run(EventStore store, QueryData data) throws Exception;
    }

    @FunctionalInterface
    interface SqlCall {
        Object run(Connection connection, QueryData data) throws Exception;
    }
}
