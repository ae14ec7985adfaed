package dev.sightline.recordings;

import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.store.ChunkKey;
import dev.sightline.contract.store.ChunkNotFoundException;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.PageViewSummary;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.StoredChunk;
import dev.sightline.http.HttpProblem;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The recordings list, one session's details, and its recording streamed chunk by chunk. */
public final class RecordingRoutes implements Routes {
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final EventStore events;
    private final RecordingStore recordings;
    private final Clock clock;

    public RecordingRoutes(EventStore events, RecordingStore recordings, Clock clock) {
        this.events = events;
        this.recordings = recordings;
        this.clock = clock;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/sessions", this::list, RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/sessions/{sessionId}", ctx -> ctx.json(SessionDetailView.of(detail(ctx))),
                RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/sessions/{sessionId}/recording", this::manifest, RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/sessions/{sessionId}/recording/{page}/{seq}", this::chunk,
                RouteAccess.PROJECT_READ);
    }

    private static String project(Context ctx) {
        return RouteGuard.project(ctx).id();
    }

    private void list(Context ctx) {
        String projectId = project(ctx);
        Instant to = instant(ctx, "to", clock.instant().plusSeconds(60));
        Instant from = instant(ctx, "from", to.minus(DEFAULT_WINDOW));
        SessionQuery query = new SessionQuery(projectId, from, to, "true".equals(ctx.queryParam("bots")),
                sort(ctx.queryParam("sort")), number(ctx, "limit", 50, 1, SessionQuery.MAX_LIMIT),
                number(ctx, "offset", 0, 0, 1_000_000), insight(ctx.queryParam("insight")));
        SessionList list = events.sessions(query);
        Map<String, Map<InsightKind, Integer>> insights = events.insights().sessionCounts(projectId,
                list.sessions().stream().map(s -> s.sessionId()).toList());
        ctx.json(Map.of("sessions", list.sessions().stream()
                .map(s -> SessionView.of(s, insights.getOrDefault(s.sessionId(), Map.of()))).toList(),
                "total", list.total()));
    }

    private SessionDetail detail(Context ctx) {
        String projectId = project(ctx);
        return events.session(projectId, ctx.pathParam("sessionId")).orElseThrow(() -> HttpProblem.notFound("session"));
    }

    private void manifest(Context ctx) {
        SessionDetail detail = detail(ctx);
        String base = ctx.path();
        List<Map<String, Object>> chunks = recordings.list(detail.summary().projectId(), detail.summary().sessionId(),
                        days(detail)).stream()
                .map(c -> Map.<String, Object>of("page", c.key().pageNumber(), "seq", c.key().sequence(),
                        "bytes", c.compressedBytes(), "url", base + "/" + c.key().pageNumber() + "/" + c.key().sequence()))
                .toList();
        ctx.json(Map.of("chunks", chunks));
    }

    private void chunk(Context ctx) {
        SessionDetail detail = detail(ctx);
        int page = number(ctx.pathParam("page"), "page");
        int seq = number(ctx.pathParam("seq"), "seq");
        StoredChunk chunk = recordings.list(detail.summary().projectId(), detail.summary().sessionId(), days(detail))
                .stream().filter(c -> c.key().pageNumber() == page && c.key().sequence() == seq).findFirst()
                .orElseThrow(() -> HttpProblem.notFound("recording chunk"));
        ChunkKey key = chunk.key();
        InputStream in;
        try {
            in = recordings.open(key);
        } catch (ChunkNotFoundException e) {
            throw HttpProblem.notFound("recording chunk");
        }
        ctx.header("Content-Type", "application/json");
        ctx.header("Content-Encoding", "gzip");
        ctx.header("Cache-Control", "private, max-age=3600");
        ctx.result(in);
    }

    /** The UTC days the session's pages started on, with a day's margin for clocks near midnight. */
    private static Set<LocalDate> days(SessionDetail detail) {
        Set<LocalDate> days = new TreeSet<>();
        for (PageViewSummary page : detail.pages()) {
            LocalDate day = page.startedAt().atZone(ZoneOffset.UTC).toLocalDate();
            days.add(day.minusDays(1));
            days.add(day);
            days.add(day.plusDays(1));
        }
        return days;
    }

    private static SessionSort sort(String value) {
        if (value == null || value.isEmpty()) {
            return SessionSort.START_TIME;
        }
        try {
            return SessionSort.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid_sort", "sort is one of start_time, duration, clicks, pages");
        }
    }

    private static Optional<InsightKind> insight(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InsightKind.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid_insight", "insight is one of " + java.util.Arrays.toString(InsightKind.values()));
        }
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

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        int n = number(value, name);
        if (n < min || n > max) {
            throw HttpProblem.badRequest("invalid_" + name, name + " must be within " + min + ".." + max);
        }
        return n;
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("invalid_" + name, name + " must be a whole number");
        }
    }
}
