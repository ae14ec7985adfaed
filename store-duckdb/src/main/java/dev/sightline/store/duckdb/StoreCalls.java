package dev.sightline.store.duckdb;

/**
 * How a feature's queries reach {@code events.duckdb} through its {@link DuckDbEventStore}: reads in
 * one snapshot on a pooled connection, writes one at a time in one transaction on the writer
 * connection — both refused once the store is closed.
 */
interface StoreCalls {
    <T> T read(String what, SqlWork<T> work);

    <T> T write(String what, SqlWork<T> work);
}
