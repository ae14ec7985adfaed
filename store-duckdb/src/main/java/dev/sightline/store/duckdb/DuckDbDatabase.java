package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.duckdb.DuckDBConnection;

/**
 * One DuckDB database file. A root connection is never used for work, only to hand out connections on
 * the same database ({@link DuckDBConnection#duplicate()}); readers borrow them from a small pool.
 * Closing checkpoints the file, so the next open need not replay the write-ahead log.
 */
final class DuckDbDatabase implements AutoCloseable {

    private static final int MAX_IDLE_READERS = 8;

    private final Path file;
    private final DuckDBConnection root;
    private final ConcurrentLinkedDeque<DuckDBConnection> idleReaders = new ConcurrentLinkedDeque<>();
    private final boolean readOnly;

    private DuckDbDatabase(Path file, DuckDBConnection root) {
        this(file, root, false);
    }

    private DuckDbDatabase(Path file, DuckDBConnection root, boolean readOnly) {
        this.file = file;
        this.root = root;
        this.readOnly = readOnly;
    }

    /**
     * Opens an existing file for reading only, as another process may read it while nothing writes it:
     * fails with {@link DatabaseInUseException} while a process holds it open for writing (a running
     * server), and when its schema is not the one {@code migrations} end with.
     */
    static DuckDbDatabase openReadOnly(Path file, List<Migration> migrations) {
        requireNonNull(file, "file is null");
        if (!Files.isRegularFile(file)) {
            throw new StoreException("there is no " + file, null);
        }
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("duckdb.read_only", "true");
        DuckDBConnection root;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("lock")) {
                throw new DatabaseInUseException(file, e);
            }
            throw new StoreException("cannot open DuckDB file " + file + " for reading", e);
        }
        DuckDbDatabase database = new DuckDbDatabase(file, root, true);
        int latest = migrations.get(migrations.size() - 1).version();
        try (DuckDBConnection connection = database.connect()) {
            int current = SchemaMigrator.currentVersion(connection);
            if (current != latest) {
                throw new StoreException(file + " has schema version " + current + ", this build reads version " + latest
                        + ": start this build's server on it once (it upgrades the file), stop it, then try again", null);
            }
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e instanceof RuntimeException r ? r : new StoreException("cannot read the schema of " + file, e);
        }
        return database;
    }

    /** Opens (creating if missing) the file and brings its schema up to date. */
    static DuckDbDatabase open(Path file, List<Migration> migrations) {
        requireNonNull(file, "file is null");
        requireNonNull(migrations, "migrations is null");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of " + file, e);
        }
        DuckDBConnection root;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw new StoreException("cannot open DuckDB file " + file, e);
        }
        DuckDbDatabase database = new DuckDbDatabase(file, root);
        try (DuckDBConnection connection = database.connect()) {
            SchemaMigrator.migrate(connection, migrations);
        } catch (SQLException | RuntimeException e) {
            RuntimeException failure = e instanceof RuntimeException r ? r
                    : new StoreException("cannot prepare the schema of " + file, e);
            try {
                database.close();
            } catch (RuntimeException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
        return database;
    }

    /** A new connection of its own; the caller closes it. */
    DuckDBConnection connect() {
        synchronized (root) {
            try {
                return root.duplicate();
            } catch (SQLException e) {
                throw new StoreException("cannot connect to " + file, e);
            }
        }
    }

    /** Runs work on a pooled connection in one transaction: its statements see one snapshot, and commit together. */
    <T> T inTransaction(String what, SqlWork<T> work) {
        DuckDBConnection connection = borrow();
        boolean healthy = false;
        try {
            T result = Transactions.run(connection, what, work);
            healthy = true;
            return result;
        } finally {
            giveBack(connection, healthy);
        }
    }

    private DuckDBConnection borrow() {
        DuckDBConnection connection = idleReaders.pollFirst();
        return connection != null ? connection : connect();
    }

    private void giveBack(DuckDBConnection connection, boolean healthy) {
        if (healthy && idleReaders.size() < MAX_IDLE_READERS) {
            idleReaders.addFirst(connection);
        } else {
            closeQuietly(connection);
        }
    }

    /** Checkpoints and closes; the caller makes sure no work is running. */
    @Override
    public void close() {
        DuckDBConnection idle;
        while ((idle = idleReaders.pollFirst()) != null) {
            closeQuietly(idle);
        }
        if (readOnly) {
            closeQuietly(root);
            return;
        }
        try (DuckDBConnection connection = root.duplicate(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new StoreException("cannot checkpoint " + file, e);
        } finally {
            closeQuietly(root);
        }
    }

    private static void closeQuietly(DuckDBConnection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the data is committed already.
        }
    }
}
