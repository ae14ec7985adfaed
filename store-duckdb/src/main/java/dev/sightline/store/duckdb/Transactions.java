package dev.sightline.store.duckdb;

import dev.sightline.contract.store.StoreException;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Explicit {@code BEGIN}/{@code COMMIT} on a connection in auto-commit mode. Explicit matters: DuckDB's
 * appender joins the connection's transaction only when one is already running, which JDBC's
 * {@code setAutoCommit(false)} does not guarantee (it begins lazily, on the next statement).
 */
final class Transactions {

    private Transactions() {
    }

    /** Runs the work in one transaction: committed if it returns, rolled back if anything throws. */
    static <T> T run(DuckDBConnection connection, String what, SqlWork<T> work) {
        try {
            Statements.execute(connection, "BEGIN TRANSACTION");
        } catch (SQLException e) {
            throw new StoreException(what + ": cannot begin a transaction", e);
        }
        try {
            T result = work.run(connection);
            Statements.execute(connection, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollBack(connection, e);
            throw new StoreException(what + " failed", e);
        } catch (RuntimeException | Error e) {
            rollBack(connection, e);
            throw e;
        }
    }

    private static void rollBack(DuckDBConnection connection, Throwable failure) {
        try {
            Statements.execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            // DuckDB already rolled back a transaction whose COMMIT failed; keep the first error.
            failure.addSuppressed(e);
        }
    }
}
