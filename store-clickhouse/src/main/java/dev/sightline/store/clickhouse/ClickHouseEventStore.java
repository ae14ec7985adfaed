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
    private final StoreGate gate = new StoreGate("the event store");

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
        this.heatmaps = new ClickHouseHeatmapQueries(database, gate::whileOpen);
        this.dashboard = new ClickHouseDashboardQueries(database, gate::whileOpen);
        this.insights = new ClickHouseInsightQueries(database, new ClickHouseInsightQueries.Calls() {
            @Override
            public <T> T read(Supplier<T> call) {
                return gate.whileOpen(call);
            }

            @Override
            public <T> T write(Supplier<T> call) {
                return gate.asWriter(call);
            }
        }, versions);
        this.privacy = new ClickHousePrivacyStore(database, new ClickHousePrivacyStore.Calls() {
            @Override
            public <T> T read(Supplier<T> call) {
                return gate.whileOpen(call);
            }

            @Override
            public <T> T write(Supplier<T> call) {
                return gate.asWriter(call);
            }
        }, versions);
    }

    @Override
    public int write(List<BatchRows> batches) {
        requireNonNull(batches, "batches is null");
        return gate.asWriter(() -> batchWriter.write(batches));
    }

    @Override
    public SessionList sessions(SessionQuery query) {
        requireNonNull(query, "query is null");
        return gate.whileOpen(() -> SessionListQuery.run(database, query));
    }

    @Override
    public Optional<SessionDetail> session(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return gate.whileOpen(() -> SessionDetailQuery.run(database, projectId, sessionId));
    }

    @Override
    public List<StoredClick> clicks(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return gate.whileOpen(() -> SessionDetailQuery.clicks(database, projectId, sessionId));
    }

    @Override
    public List<String> sessionsStartedBefore(String projectId, Instant cutoff, int limit) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(cutoff, "cutoff is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return gate.whileOpen(() -> SessionRetention.startedBefore(database, projectId, cutoff, limit));
    }

    @Override
    public void deleteSessions(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return;
        }
        gate.asWriter(() -> {
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



    @Override
    public void close() {
        gate.close(database::close);
    }
}
