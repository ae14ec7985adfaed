package dev.sightline.contract.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Insights in the analytical store. Two sides:
 * <ul>
 *   <li>analysis, driven by the processing side: which page views wait for analysis
 *       ({@link #pending}), what they hold ({@link #activity}), and their results ({@link #save}). All
 *       state lives here, so analysis survives crashes and can run in any processing process;</li>
 *   <li>reports for the dashboard: rates, JavaScript errors, forms, per-session counts and events.</li>
 * </ul>
 * Reports leave bot sessions out.
 */
public interface InsightQueries {

    /**
     * Page views ready for analysis, longest waiting first: ended ones whose latest upload arrived
     * before {@code endedBefore}, and the others whose latest upload arrived before {@code quietBefore}.
     */
    List<PendingPageView> pending(Instant endedBefore, Instant quietBefore, int limit);

    /**
     * What the detectors read about the page views, in the order given; a page view that no longer
     * exists (its session was deleted) is left out.
     *
     * @param normWindow how far back before each page view its scroll norm looks
     */
    List<PageActivity> activity(List<PendingPageView> pages, Duration normWindow);

    /**
     * Stores results atomically, replacing the earlier results of the same page views, updates the
     * per-session counts, and takes each page view off the pending list unless it was marked again
     * since it was read.
     */
    void save(List<PageInsights> results);

    /** Sessions and occurrences per insight among the sessions that started in {@code [from, to)}. */
    InsightOverview overview(String projectId, Instant from, Instant to);

    /** JavaScript errors that happened in {@code [from, to)}, grouped, most occurrences first. */
    List<ErrorGroup> errorGroups(String projectId, Instant from, Instant to, int limit);

    /** Forms started in page views that began in {@code [from, to)}, most starts first. */
    List<FormReport> forms(String projectId, Instant from, Instant to);

    /** How many of each insight the sessions hold; sessions without any are left out. */
    Map<String, Map<InsightKind, Integer>> sessionCounts(String projectId, Collection<String> sessionIds);

    /** The insights detected in one session, in time order. */
    List<InsightEvent> events(String projectId, String sessionId);
}
