package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.DashboardQueries;
import dev.sightline.contract.heatmap.HeatmapQueries;
import dev.sightline.contract.insights.InsightQueries;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.PrivacyStore;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.StoreException;
import dev.sightline.contract.store.StoredClick;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;

/**
 * The embedded {@link EventStore}: one DuckDB file, {@code <dataDir>/events.duckdb}.
 *
 * <p>Threads: writes and deletions run one at a time on a dedicated writer connection (callers may
 * still call from several threads; they queue). Queries run concurrently on pooled read connections
 * and see the last committed state; a write never blocks them. {@link #close()} waits for running
 * calls, checkpoints, and makes every later call fail with {@link IllegalStateException}.
 */
public final class DuckDbEventStore implements EventStore {

    /** The file name under the data directory. */
    public static final String FILE_NAME = "events.duckdb";

    private final Path file;
    private final DuckDbPrivacyStore privacy;
    // Replaced only by purgeDeleted, under the lifecycle's write lock.
    private DuckDbDatabase database;
    private DuckDBConnection writer;
    private BatchWriter batchWriter;
    private final HeatmapQueries heatmaps = new DuckDbHeatmapQueries(this::read);
    private final DuckDbInsightQueries insights;
    private final DashboardQueries dashboard;
    private final Lock writerLock = new ReentrantLock();
    /** Calls hold the read side; close takes the write side, so it waits for them. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    public DuckDbEventStore(Path dataDir) {
        requireNonNull(dataDir, "dataDir is null");
        this.file = dataDir.resolve(FILE_NAME);
        this.database = DuckDbDatabase.open(file, EventSchema.MIGRATIONS);
        this.writer = writerConnection(database);
        this.batchWriter = new BatchWriter(writer);
        this.privacy = new DuckDbPrivacyStore(this::read, this::writeInTransaction, this::rewrite);
        this.insights = new DuckDbInsightQueries(new Calls());
        this.dashboard = new DuckDbDashboardQueries(new Calls());
    }

    @Override
    public int write(List<BatchRows> batches) {
        requireNonNull(batches, "batches is null");
        return asWriter(() -> batchWriter.write(batches));
    }

    @Override
    public SessionList sessions(SessionQuery query) {
        requireNonNull(query, "query is null");
        return whileOpen(() -> database.inTransaction("listing sessions", c -> SessionListQuery.run(c, query)));
    }

    @Override
    public Optional<SessionDetail> session(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return whileOpen(() -> database.inTransaction("reading session " + sessionId,
                c -> SessionDetailQuery.run(c, projectId, sessionId)));
    }

    @Override
    public List<StoredClick> clicks(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return whileOpen(() -> List.copyOf(database.inTransaction("reading the clicks of " + sessionId,
                c -> SessionDetailQuery.clicks(c, projectId, sessionId))));
    }

    @Override
    public List<String> sessionsStartedBefore(String projectId, Instant cutoff, int limit) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(cutoff, "cutoff is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return whileOpen(() -> List.copyOf(database.inTransaction("finding old sessions",
                c -> SessionRetention.startedBefore(c, projectId, cutoff, limit))));
    }

    @Override
    public void deleteSessions(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return;
        }
        asWriter(() -> Transactions.run(writer, "deleting " + ids.size() + " sessions", c -> {
            SessionRetention.delete(c, projectId, ids);
            return null;
        }));
    }

    @Override
    public PrivacyStore privacy() {
        return privacy;
    }

    private <T> T read(String what, SqlWork<T> work) {
        return whileOpen(() -> database.inTransaction(what, work));
    }

    private <T> T writeInTransaction(String what, SqlWork<T> work) {
        return asWriter(() -> Transactions.run(writer, what, work));
    }

    /**
     * Runs a call on the writer connection, one at a time. The writer lock is taken before the
     * lifecycle's read side (never the other way round), so {@link #rewrite} can hold it while it
     * waits for the write side.
     */
    private <T> T asWriter(Supplier<T> call) {
        writerLock.lock();
        try {
            return whileOpen(call);
        } finally {
            writerLock.unlock();
        }
    }

    /**
     * Rewrites the file so deleted rows leave no bytes behind ({@link DatabaseRewrite}). Writes wait
     * while the live data is copied; queries go on, and wait only while the copy replaces the file.
     */
    private void rewrite() {
        writerLock.lock();
        try {
            Path copy = whileOpen(() -> DatabaseRewrite.copy(writer, file));
            lifecycle.writeLock().lock();
            try {
                swap(copy);
            } finally {
                lifecycle.writeLock().unlock();
            }
        } finally {
            writerLock.unlock();
        }
    }

    /** Closes the database, puts the copy in its place and opens it; the caller holds both locks. */
    private void swap(Path copy) {
        if (closed) {
            DatabaseRewrite.discard(copy);
            throw new IllegalStateException("the event store is closed");
        }
        closed = true;
        try {
            closeWriterAndDatabase();
        } catch (StoreException ignored) {
            // The copy holds every committed row, so a failed checkpoint of the original loses nothing.
        }
        try {
            DatabaseRewrite.replace(file, copy);
        } finally {
            database = DuckDbDatabase.open(file, EventSchema.MIGRATIONS);
            writer = writerConnection(database);
            batchWriter = new BatchWriter(writer);
            closed = false;
        }
    }

    private void closeWriterAndDatabase() {
        try {
            writer.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the writer connection", e);
        } finally {
            database.close();
        }
    }

    @Override
    public HeatmapQueries heatmaps() {
        return heatmaps;
    }

    @Override
    public InsightQueries insights() {
        return insights;
    }

    @Override
    public DashboardQueries dashboard() {
        return dashboard;
    }

    /** Feature queries' way in: reads on the pool, writes on the writer connection, both only while open. */
    private final class Calls implements StoreCalls {
        @Override
        public <T> T read(String what, SqlWork<T> work) {
            return whileOpen(() -> database.inTransaction(what, work));
        }

        @Override
        public <T> T write(String what, SqlWork<T> work) {
            // The writer lock first, then the lifecycle, as every writer takes them: rewrite() holds the
            // writer lock while it waits for the lifecycle's write side.
            return asWriter(() -> Transactions.run(writer, what, work));
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeWriterAndDatabase();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** The connection all writes go through, with its stage tables; closes the database if it cannot be made. */
    private static DuckDBConnection writerConnection(DuckDbDatabase database) {
        DuckDBConnection connection = null;
        try {
            connection = database.connect();
            StageTables.create(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            RuntimeException failure = e instanceof RuntimeException r ? r
                    : new StoreException("cannot prepare the writer connection", e);
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    failure.addSuppressed(closing);
                }
            }
            try {
                database.close();
            } catch (RuntimeException closing) {
                failure.addSuppressed(closing);
            }
            throw failure;
        }
    }

    private <T> T whileOpen(Supplier<T> call) {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("the event store is closed");
            }
            return call.get();
        } finally {
            lifecycle.readLock().unlock();
        }
    }
}
