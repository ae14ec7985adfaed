package dev.sightline.contract.insights;

import java.util.List;

/**
 * How often each insight occurred among a project's sessions in a window (bots left out).
 *
 * @param sessions all sessions that started in the window: the denominator of every rate
 * @param kinds one summary per {@link InsightKind}, in enum order
 */
public record InsightOverview(long sessions, List<KindSummary> kinds) {
    public InsightOverview {
        kinds = List.copyOf(kinds);
    }

    /**
     * @param sessions sessions with at least one occurrence
     * @param events occurrences in those sessions
     * @param hotspots where it happened most: page and element, most occurrences first
     */
    public record KindSummary(InsightKind kind, long sessions, long events, List<Hotspot> hotspots) {
        public KindSummary {
            hotspots = List.copyOf(hotspots);
        }

        /** The share of all sessions with it, 0..1. */
        public double rate(long allSessions) {
            return allSessions == 0 ? 0 : (double) sessions / allSessions;
        }
    }

    /** @param selector {@code ""} for kinds without an element */
    public record Hotspot(String pageKey, String selector, long events, long sessions) {
    }
}
