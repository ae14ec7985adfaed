package dev.sightline.dashboard;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.BreakdownRow;
import dev.sightline.contract.dashboard.DashboardQueries;
import dev.sightline.contract.dashboard.Dimension;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSummary;
import dev.sightline.http.HttpProblem;
import dev.sightline.ingest.RateLimiter;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The export API: {@code /api/projects/{projectId}/export/metrics} (figures by up to three
 * dimensions) and {@code …/export/recordings} (a recordings list), as JSON or CSV, for API tokens
 * and signed-in people alike, with the dashboard's filter parameters. Each project may export
 * {@link #PER_MINUTE} times a minute, in bursts of up to {@link #BURST}.
 */
public final class ExportRoutes implements Routes {
    static final int PER_MINUTE = 60;
    static final int BURST = 20;
    static final int MAX_ROWS = 10_000;

    private final EventStore events;
    private final Clock clock;
    private final RateLimiter limiter = new RateLimiter(PER_MINUTE / 60.0, BURST);

    public ExportRoutes(EventStore events, Clock clock) {
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/export/metrics", this::metrics, RouteAccess.PROJECT_READ);
        routes.get("/api/projects/{projectId}/export/recordings", this::recordings, RouteAccess.PROJECT_READ);
    }

    private SessionFilter admit(Context ctx) {
        String projectId = RouteGuard.project(ctx).id();
        if (!limiter.tryAcquire(projectId)) {
            throw HttpProblem.tooManyRequests("this project exports too often; at most " + PER_MINUTE + " a minute",
                    limiter.retryAfterSeconds());
        }
        return FilterParams.filter(ctx, projectId, clock);
    }

    private void metrics(Context ctx) {
        SessionFilter filter = admit(ctx);
        List<Dimension> dimensions = dimensions(ctx.queryParam("dimensions"));
        List<BreakdownRow> rows = events.dashboard().breakdown(filter, dimensions,
                DashboardRoutes.bounded(ctx, "limit", 1_000, 1, MAX_ROWS));
        List<String> names = dimensions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        List<String> header = new ArrayList<>(names);
        header.addAll(List.of("sessions", "visitors", "page_views", "avg_duration_ms", "avg_active_ms"));
        if (csv(ctx)) {
            Csv csv = new Csv().row(header);
            for (BreakdownRow row : rows) {
                List<Object> cells = new ArrayList<>(row.values());
                cells.addAll(List.of(row.sessions(), row.visitors(), row.pageViews(), Math.round(row.avgDurationMs()),
                        Math.round(row.avgActiveMs())));
                csv.row(cells);
            }
            send(ctx, csv, "metrics");
            return;
        }
        List<Map<String, Object>> json = new ArrayList<>();
        for (BreakdownRow row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                item.put(names.get(i), row.values().get(i));
            }
            item.put("sessions", row.sessions());
            item.put("visitors", row.visitors());
            item.put("pageViews", row.pageViews());
            item.put("avgDurationMs", Math.round(row.avgDurationMs()));
            item.put("avgActiveMs", Math.round(row.avgActiveMs()));
            json.add(item);
        }
        ctx.json(Map.of("from", filter.from().toEpochMilli(), "to", filter.to().toEpochMilli(),
                "dimensions", names, "rows", json));
    }

    private void recordings(Context ctx) {
        SessionFilter filter = admit(ctx);
        SessionList list = events.dashboard().sessions(filter, DashboardRoutes.sort(ctx.queryParam("sort")),
                DashboardRoutes.bounded(ctx, "limit", 100, 1, SessionQuery.MAX_LIMIT),
                DashboardRoutes.bounded(ctx, "offset", 0, 0, 1_000_000));
        if (!csv(ctx)) {
            ctx.json(Map.of("total", list.total(), "sessions", list.sessions().stream()
                    .map(s -> dev.sightline.recordings.SessionView.of(s, Map.of())).toList()));
            return;
        }
        Csv csv = new Csv().row(List.of("session_id", "visitor_id", "started_at", "duration_ms", "active_ms", "pages",
                "clicks", "errors", "device", "browser", "os", "country", "channel", "entry_url", "exit_url",
                "referrer", "new_visitor"));
        for (SessionSummary s : list.sessions()) {
            csv.row(List.of(s.sessionId(), s.visitorId(), s.startedAt().toString(), s.durationMs(), s.activeMs(),
                    s.pages(), s.clicks(), s.errors(), s.deviceClass(), s.browser(), s.os(), s.country(), s.channel(),
                    s.entryUrl(), s.exitUrl(), s.referrer(), s.newVisitor()));
        }
        ctx.header("X-Total-Count", Long.toString(list.total()));
        send(ctx, csv, "recordings");
    }

    private static boolean csv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.isEmpty() || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw HttpProblem.badRequest("invalid_format", "format is json or csv");
    }

    private static void send(Context ctx, Csv csv, String name) {
        ctx.header("Content-Disposition", "attachment; filename=\"sightline-" + name + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
    }

    static List<Dimension> dimensions(String value) {
        if (value == null || value.isBlank()) {
            throw HttpProblem.badRequest("invalid_dimensions", "dimensions lists 1.." + DashboardQueries.MAX_DIMENSIONS
                    + " of device, browser, os, country, channel, source, medium, campaign, url");
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (String name : value.split(",")) {
            try {
                Dimension dimension = Dimension.valueOf(name.strip().toUpperCase(Locale.ROOT));
                if (!dimensions.contains(dimension)) {
                    dimensions.add(dimension);
                }
            } catch (IllegalArgumentException e) {
                throw HttpProblem.badRequest("invalid_dimensions", "unknown dimension '" + name + "'");
            }
        }
        if (dimensions.size() > DashboardQueries.MAX_DIMENSIONS) {
            throw HttpProblem.badRequest("invalid_dimensions", "at most " + DashboardQueries.MAX_DIMENSIONS + " dimensions");
        }
        return dimensions;
    }
}
