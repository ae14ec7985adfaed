package dev.sightline.store.clickhouse;

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
import dev.sightline.contract.store.StoredClick;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The {@link EventStore} of a cluster: one database on a ClickHouse server (see {@link ClickHouseSchema}).
 *
 * <p>Threads: writes, deletions and keeps run one at a time (callers may call from several threads;
 * they queue); queries run concurrently. Sessions and page views are aggregated from their batch rows
 * when read, so a query sees every batch whose row is in, whatever order they came in.
 * {@link #close()} waits for running calls and makes every later call fail with
 * {@link IllegalStateException}.
 */
public final class ClickHouseEventStore implements EventStore {

    private final ClickHouseDatabase database;
    private final BatchWriter batchWriter;
    private final ClickHousePrivacyStore privacy;
    private final ClickHouseHeatmapQueries heatmaps;
    private final ClickHouseInsightQueries insights;
    private final ClickHouseDashboardQueries dashboard;
    private final Versions versions = new Versions();
    private final Lock writerLock = new ReentrantLock();
    /** Calls hold the read side; close takes the write side, so it waits for them. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    /** Connects and creates the database and its tables where they do not exist. */
    public ClickHouseEventStore(ClickHouseSettings settings) {
        requireNonNull(settings, "settings is null");
        this.database = ClickHouseDatabase.open(settings);
        try {
            ClickHouseSchema.create(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        this.batchWriter = new BatchWriter(database);
        this.heatmaps = new ClickHouseHeatmapQueries(database, this::whileOpen);
        this.dashboard = new ClickHouseDashboardQueries(database, this::whileOpen);
        this.insights = new ClickHouseInsightQueries(database, new ClickHouseInsightQueries.Calls() {
            @Override
            public <T> T read(Supplier<T> call) {
                return whileOpen(call);
            }

            @Override
            public <T> T write(Supplier<T> call) {
                return asWriter(call);
            }
        }, versions);
        this.privacy = new ClickHousePrivacyStore(database, new ClickHousePrivacyStore.Calls() {
            @Override
            public <T> T read(Supplier<T> call) {
                return whileOpen(call);
            }

            @Override
            public <T> T write(Supplier<T> call) {
                return asWriter(call);
            }
        }, versions);
    }

    @Override
    public int write(List<BatchRows> batches) {
        requireNonNull(batches, "batches is null");
        return asWriter(() -> batchWriter.write(batches));
    }

    @Override
    public SessionList sessions(SessionQuery query) {
        requireNonNull(query, "query is null");
        return whileOpen(() -> SessionListQuery.run(database, query));
    }

    @Override
    public Optional<SessionDetail> session(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return whileOpen(() -> SessionDetailQuery.run(database, projectId, sessionId));
    }

    @Override
    public List<StoredClick> clicks(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return whileOpen(() -> SessionDetailQuery.clicks(database, projectId, sessionId));
    }

    @Override
    public List<String> sessionsStartedBefore(String projectId, Instant cutoff, int limit) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(cutoff, "cutoff is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return whileOpen(() -> SessionRetention.startedBefore(database, projectId, cutoff, limit));
    }

    @Override
    public void deleteSessions(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return;
        }
        asWriter(() -> {
            SessionRetention.delete(database, projectId, ids);
            return null;
        });
    }

    @Override
    public PrivacyStore privacy() {
        return privacy;
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

    private <T> T asWriter(Supplier<T> call) {
        writerLock.lock();
        try {
            return whileOpen(call);
        } finally {
            writerLock.unlock();
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

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            database.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
