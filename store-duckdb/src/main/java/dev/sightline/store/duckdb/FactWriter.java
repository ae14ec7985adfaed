package dev.sightline.store.duckdb;

import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.wire.AnalyticsEvent;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Appends the analytics events of new batches to their fact tables, in time order, inside the caller's transaction. */
final class FactWriter {

    private record Fact(BatchRows batch, AnalyticsEvent event, long micros) {
    }

    private FactWriter() {
    }

    static void append(DuckDBConnection connection, List<BatchRows> batches) throws SQLException {
        Map<FactTable<?>, List<Fact>> byTable = new HashMap<>();
        for (BatchRows batch : batches) {
            for (AnalyticsEvent event : batch.events()) {
                FactTables.of(event).ifPresent(table -> byTable.computeIfAbsent(table, t -> new ArrayList<>())
                        .add(new Fact(batch, event, Micros.of(batch.timeOf(event)))));
            }
        }
        for (FactTable<?> table : FactTables.ALL) {
            List<Fact> facts = byTable.get(table);
            if (facts != null) {
                facts.sort(Comparator.comparingLong(Fact::micros));
                appendAll(connection, table, facts);
            }
        }
    }

    private static void appendAll(DuckDBConnection connection, FactTable<?> table, List<Fact> facts)
            throws SQLException {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.name())) {
            for (Fact fact : facts) {
                BatchRows batch = fact.batch();
                appender.beginRow()
                        .append(batch.key().projectId())
                        .append(batch.key().sessionId())
                        .append(batch.key().pageNumber())
                        .appendEpochMicros(fact.micros())
                        .append(batch.page().pageKey())
                        .append(batch.visit().deviceClass().name());
                table.appendOwnColumns(appender, fact.event(), batch);
                appender.endRow();
            }
            // close() swallows flush errors (a violated constraint would silently drop rows): flush explicitly.
            appender.flush();
        }
    }
}
