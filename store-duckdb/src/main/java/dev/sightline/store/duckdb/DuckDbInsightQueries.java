package dev.sightline.store.duckdb;

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

/** {@link InsightQueries} on {@code events.duckdb}; the tables are {@link InsightSchema}'s. */
final class DuckDbInsightQueries implements InsightQueries {

    private final StoreCalls calls;

    DuckDbInsightQueries(StoreCalls calls) {
        this.calls = requireNonNull(calls, "calls is null");
    }

    @Override
    public List<PendingPageView> pending(Instant endedBefore, Instant quietBefore, int limit) {
        requireNonNull(endedBefore, "endedBefore is null");
        requireNonNull(quietBefore, "quietBefore is null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return List.copyOf(calls.read("finding page views to analyse",
                c -> InsightPendingQuery.ready(c, endedBefore, quietBefore, limit)));
    }

    @Override
    public List<PageActivity> activity(List<PendingPageView> pages, Duration normWindow) {
        List<PendingPageView> wanted = List.copyOf(requireNonNull(pages, "pages is null"));
        requireNonNull(normWindow, "normWindow is null");
        if (wanted.isEmpty()) {
            return List.of();
        }
        return List.copyOf(calls.read("reading " + wanted.size() + " page views for analysis",
                c -> InsightActivityQuery.read(c, wanted, normWindow)));
    }

    @Override
    public void save(List<PageInsights> results) {
        List<PageInsights> saved = List.copyOf(requireNonNull(results, "results is null"));
        if (saved.isEmpty()) {
            return;
        }
        calls.write("saving the insights of " + saved.size() + " page views", c -> {
            InsightResultWriter.save(c, saved);
            return null;
        });
    }

    @Override
    public InsightOverview overview(String projectId, Instant from, Instant to) {
        requireWindow(projectId, from, to);
        return calls.read("reading the insights overview", c -> InsightOverviewQuery.run(c, projectId, from, to));
    }

    @Override
    public List<ErrorGroup> errorGroups(String projectId, Instant from, Instant to, int limit) {
        requireWindow(projectId, from, to);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return List.copyOf(calls.read("grouping JavaScript errors",
                c -> ErrorGroupQuery.run(c, projectId, from, to, limit)));
    }

    @Override
    public List<FormReport> forms(String projectId, Instant from, Instant to) {
        requireWindow(projectId, from, to);
        return List.copyOf(calls.read("reading form analytics", c -> FormReportQuery.run(c, projectId, from, to)));
    }

    @Override
    public Map<String, Map<InsightKind, Integer>> sessionCounts(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        return Map.copyOf(calls.read("reading session insight counts", c -> InsightEventQuery.counts(c, projectId, ids)));
    }

    @Override
    public List<InsightEvent> events(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return List.copyOf(calls.read("reading the insights of " + sessionId,
                c -> InsightEventQuery.events(c, projectId, sessionId)));
    }

    private static void requireWindow(String projectId, Instant from, Instant to) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }
}
