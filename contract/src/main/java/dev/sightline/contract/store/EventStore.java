package dev.sightline.contract.store;

import dev.sightline.contract.dashboard.DashboardQueries;
import dev.sightline.contract.heatmap.HeatmapQueries;
import dev.sightline.contract.insights.InsightQueries;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The analytical store: sessions, page views and the events inside them. The embedded default is
 * DuckDB; a cluster uses ClickHouse. Implementations are safe for one writer and many readers at once.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Writes processed uploads. Idempotent: a batch whose key was written before is skipped, so a log
     * replayed after a crash writes nothing twice. Durable when it returns.
     *
     * @return how many of the batches were new
     */
    int write(List<BatchRows> batches);

    /** Sessions started in the query's window, in the query's order. */
    SessionList sessions(SessionQuery query);

    /** One session with its pages and timeline, if it exists in this project. */
    Optional<SessionDetail> session(String projectId, String sessionId);

    /** The clicks of one session in time order; empty when the session does not exist in this project. */
    List<StoredClick> clicks(String projectId, String sessionId);

    /** Sessions of the project that started before the cutoff, oldest first, at most {@code limit}. */
    List<String> sessionsStartedBefore(String projectId, Instant cutoff, int limit);

    /** Deletes the sessions and everything recorded in them; unknown ids are ignored. */
    void deleteSessions(String projectId, Collection<String> sessionIds);

    /** Finding a person's sessions, keeping sessions past retention, purging deleted data. */
    PrivacyStore privacy();

    /** Heatmap aggregation over the stored clicks, moves and page views. */
    HeatmapQueries heatmaps();

    /** The insights side: page views waiting for analysis, their stored streams, results, and reports. */
    InsightQueries insights();

    /** Dashboards, filtered recordings lists, funnels and exports. */
    DashboardQueries dashboard();

    @Override
    void close();
}
