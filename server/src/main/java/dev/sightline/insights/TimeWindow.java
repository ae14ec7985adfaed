package dev.sightline.insights;

import dev.sightline.http.HttpProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The {@code from}/{@code to} query parameters of a report (epoch ms), the last 30 days by default. */
record TimeWindow(Instant from, Instant to) {
    private static final Duration DEFAULT = Duration.ofDays(30);

    static TimeWindow of(Context ctx, Clock clock) {
        Instant to = instant(ctx, "to", clock.instant().plusSeconds(60));
        Instant from = instant(ctx, "from", to.minus(DEFAULT));
        if (from.isAfter(to)) {
            throw HttpProblem.badRequest("invalid_window", "from must not be after to");
        }
        return new TimeWindow(from, to);
    }

    private static Instant instant(Context ctx, String name, Instant fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("invalid_" + name, name + " is a time in epoch milliseconds");
        }
    }
}
