package dev.sightline.contract.dashboard;

import dev.sightline.contract.insights.InsightKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dashboard: the figures of the sessions a {@link SessionFilter} selects (bot sessions are only
 * counted, in {@code botSessions}). Lists hold the most frequent values first, at most
 * {@link #TOP} of each.
 *
 * @param pageViews           page views of the sessions
 * @param avgScrollPermille   mean over those page views of how deep each was scrolled, 0..1000
 * @param avgActiveMs         mean active time per session
 * @param avgDurationMs       mean time from a session's first to its last moment
 * @param insightSessions     sessions in which each insight was detected
 * @param topPages            page keys by page views (the {@code sessions} of these counts are page views;
 *                            the recordings behind one are the sessions that viewed it)
 * @param customEvents        custom event names by sessions that did them
 * @param series              sessions and visitors per bucket, oldest first, buckets of {@code bucket}
 */
public record DashboardFigures(long sessions, long visitors, long newSessions, long returningSessions,
                               long pageViews, double avgScrollPermille, double avgActiveMs, double avgDurationMs,
                               long botSessions, Map<InsightKind, Long> insightSessions, List<Count> topPages,
                               List<Count> entryPages, List<Count> exitPages, List<Count> referrers,
                               List<Count> channels, List<Count> utmSources, List<Count> utmMediums,
                               List<Count> utmCampaigns, List<Count> devices, List<Count> browsers,
                               List<Count> operatingSystems, List<Count> countries, List<Count> customEvents,
                               Bucket bucket, List<Point> series) {
    public static final int TOP = 20;

    public enum Bucket {
        HOUR, DAY
    }

    public record Point(Instant start, long sessions, long visitors) {
    }

    public DashboardFigures {
        insightSessions = Map.copyOf(insightSessions);
        series = List.copyOf(series);
    }

    public double pagesPerSession() {
        return sessions == 0 ? 0 : (double) pageViews / sessions;
    }
}
