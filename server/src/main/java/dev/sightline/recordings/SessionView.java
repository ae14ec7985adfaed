package dev.sightline.recordings;

import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.store.SessionSummary;
import java.util.Map;
import java.util.TreeMap;

/**
 * A session as the API shows it (see docs/http-api.md): times in epoch milliseconds.
 *
 * @param insights how many of each detected insight it holds, by kind name (none: empty)
 */
public record SessionView(String sessionId, String visitorId, long startedAt, long endedAt, long durationMs, long activeMs,
                   int pages, int clicks, int errors, String deviceClass, String browser, String os, String country,
                   String entryUrl, String exitUrl, String referrer, String channel, boolean newVisitor,
                   boolean bot, String userHash, Map<String, Integer> insights) {

    static SessionView of(SessionSummary s) {
        return of(s, Map.of());
    }

    public static SessionView of(SessionSummary s, Map<InsightKind, Integer> insights) {
        Map<String, Integer> counts = new TreeMap<>();
        insights.forEach((kind, count) -> counts.put(kind.name(), count));
        return new SessionView(s.sessionId(), s.visitorId(), s.startedAt().toEpochMilli(), s.endedAt().toEpochMilli(),
                s.durationMs(), s.activeMs(), s.pages(), s.clicks(), s.errors(), name(s.deviceClass()), s.browser(),
                s.os(), s.country(), s.entryUrl(), s.exitUrl(), s.referrer(), name(s.channel()), s.newVisitor(),
                s.bot(), s.userHash(), counts);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
