package dev.sightline.recordings;

import dev.sightline.contract.store.SessionSummary;

/** A session as the API shows it (see docs/http-api.md): times in epoch milliseconds. */
record SessionView(String sessionId, String visitorId, long startedAt, long endedAt, long durationMs, long activeMs,
                   int pages, int clicks, int errors, String deviceClass, String browser, String os, String country,
                   String entryUrl, String exitUrl, String referrer, String channel, boolean newVisitor,
                   boolean bot, String userHash) {

    static SessionView of(SessionSummary s) {
        return new SessionView(s.sessionId(), s.visitorId(), s.startedAt().toEpochMilli(), s.endedAt().toEpochMilli(),
                s.durationMs(), s.activeMs(), s.pages(), s.clicks(), s.errors(), name(s.deviceClass()), s.browser(),
                s.os(), s.country(), s.entryUrl(), s.exitUrl(), s.referrer(), name(s.channel()), s.newVisitor(),
                s.bot(), s.userHash());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
