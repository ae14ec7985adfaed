package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.insights.ErrorGroup;
import dev.sightline.contract.insights.FormReport;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.InsightOverview;
import dev.sightline.contract.insights.InsightQueries;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@link InsightQueries} on ClickHouse; the tables are {@link ClickHouseSchema}'s insight tables. */
final class ClickHouseInsightQueries implements InsightQueries {

    /** Runs calls while the store is open; writing calls one at a time. */
    interface Calls {
        <T> T read(Supplier<T> call);

        <T> T write(Supplier<T> call);
    }

    private final ClickHouseDatabase database;
    private final Calls calls;
    private final Versions versions;

    ClickHouseInsightQueries(ClickHouseDatabase database, Calls calls, Versions versions) {
        this.database = requireNonNull(database, "database is null");
        this.calls = requireNonNull(calls, "calls is null");
        this.versions = requireNonNull(versions, "versions is null");
    }

    @Override
    public List<PendingPageView> pending(Instant endedBefore, Instant quietBefore, int limit) {
        requireNonNull(endedBefore, "endedBefore is null");
        requireNonNull(quietBefore, "quietBefore is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return calls.read(() -> InsightPendingQuery.ready(database, endedBefore, quietBefore, limit));
    }

    @Override
    public List<PageActivity> activity(List<PendingPageView> pages, Duration normWindow) {
        List<PendingPageView> wanted = List.copyOf(requireNonNull(pages, "pages is null"));
        requireNonNull(normWindow, "normWindow is null");
        if (wanted.isEmpty()) {
            return List.of();
        }
        return calls.read(() -> InsightActivityQuery.read(database, wanted, normWindow));
    }

    @Override
    public void save(List<PageInsights> results) {
        List<PageInsights> saved = List.copyOf(requireNonNull(results, "results is null"));
        if (saved.isEmpty()) {
            return;
        }
        calls.write(() -> {
            InsightResultWriter.save(database, versions, saved);
            return null;
        });
    }

    @Override
    public InsightOverview overview(String projectId, Instant from, Instant to) {
        requireWindow(projectId, from, to);
        return calls.read(() -> InsightOverviewQuery.run(database, projectId, from, to));
    }

    @Override
    public List<ErrorGroup> errorGroups(String projectId, Instant from, Instant to, int limit) {
        requireWindow(projectId, from, to);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return calls.read(() -> ErrorGroupQuery.run(database, projectId, from, to, limit));
    }

    @Override
    public List<FormReport> forms(String projectId, Instant from, Instant to) {
        requireWindow(projectId, from, to);
        return calls.read(() -> FormReportQuery.run(database, projectId, from, to));
    }

    @Override
    public Map<String, Map<InsightKind, Integer>> sessionCounts(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        return Map.copyOf(calls.read(() -> InsightEventQuery.counts(database, projectId, ids)));
    }

    @Override
    public List<InsightEvent> events(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return calls.read(() -> InsightEventQuery.events(database, projectId, sessionId));
    }

    private static void requireWindow(String projectId, Instant from, Instant to) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }
}
