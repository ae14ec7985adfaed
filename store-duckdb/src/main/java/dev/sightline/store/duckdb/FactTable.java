package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.wire.AnalyticsEvent;
import java.sql.SQLException;
import org.duckdb.DuckDBAppender;

/**
 * The append-only table one kind of analytics event goes to. The common columns (project, session,
 * page, time, page key, device class) are appended by {@link FactWriter}; {@code columns} appends the
 * rest, in the table's column order.
 */
record FactTable<E extends AnalyticsEvent>(String name, Class<E> type, Columns<E> columns) {

    @FunctionalInterface
    interface Columns<E> {
        void append(DuckDBAppender appender, E event, BatchRows batch) throws SQLException;
    }

    FactTable {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(columns, "columns is null");
    }

    void appendOwnColumns(DuckDBAppender appender, AnalyticsEvent event, BatchRows batch) throws SQLException {
        columns.append(appender, type.cast(event), batch);
    }

    /** Wire strings are never null in practice; a null would fail the whole write on NOT NULL, so it becomes "". */
    static String text(String value) {
        return value == null ? "" : value;
    }
}
