package dev.sightline.heatmaps;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.Segment;
import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.dashboard.FilterParams;
import dev.sightline.http.HttpProblem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads what a heatmap request asks for from its query string: {@code page=<key>} or
 * {@code group=<id>}, {@code device} ({@code desktop} by default, {@code all} for every class),
 * {@code from}/{@code to} in epoch milliseconds (the last 30 days by default), {@code bots=true},
 * {@code layer}, and the sessions it covers: the dashboard's {@code f=field:operator:value} filters
 * ({@link FilterParams}) and {@code segment=<id>}, a saved segment's filters. Anything malformed is a 400
 * with a reason; an unknown page group or segment is a 404.
 */
final class HeatmapRequests {
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final MetadataStore metadata;
    private final Clock clock;

    HeatmapRequests(MetadataStore metadata, Clock clock) {
        this.metadata = requireNonNull(metadata, "metadata is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    HeatmapQuery query(Context ctx, String projectId) {
        Instant to = to(ctx);
        return new HeatmapQuery(projectId, scope(ctx, projectId), device(ctx), windowFrom(ctx, to), to, bots(ctx),
                sessions(ctx, projectId));
    }

    /** The conditions of {@code segment=<id>} and of every {@code f=…}: a session meets them all. */
    List<SessionCondition> sessions(Context ctx, String projectId) {
        List<SessionCondition> conditions = new ArrayList<>();
        String segmentId = ctx.queryParam("segment");
        if (segmentId != null && !segmentId.isEmpty()) {
            Segment segment = metadata.dashboards().segments(projectId).stream()
                    .filter(s -> s.id().equals(segmentId)).findFirst()
                    .orElseThrow(() -> HttpProblem.notFound("segment"));
            conditions.addAll(FilterParams.conditions(segment.filters()));
        }
        conditions.addAll(FilterParams.conditions(ctx.queryParams("f")));
        if (conditions.size() > SessionFilter.MAX_CONDITIONS) {
            throw HttpProblem.badRequest("too_many_filters", "at most " + SessionFilter.MAX_CONDITIONS + " filters");
        }
        return conditions;
    }

    static boolean bots(Context ctx) {
        return "true".equals(ctx.queryParam("bots"));
    }

    /** The page or page group asked for. */
    PageScope scope(Context ctx, String projectId) {
        String page = ctx.queryParam("page");
        String group = ctx.queryParam("group");
        if (page != null && !page.isEmpty() && (group == null || group.isEmpty())) {
            return new PageScope.Page(page);
        }
        if (group != null && !group.isEmpty() && (page == null || page.isEmpty())) {
            return metadata.pageGroups(projectId).stream().filter(g -> g.id().equals(group)).findFirst()
                    .<PageScope>map(g -> new PageScope.Group(g.pattern()))
                    .orElseThrow(() -> HttpProblem.notFound("page group"));
        }
        throw HttpProblem.badRequest("invalid_page", "give either page=<page key> or group=<page group id>");
    }

    /** Empty for {@code device=all}. */
    Optional<DeviceClass> device(Context ctx) {
        String value = ctx.queryParam("device");
        if (value == null || value.isEmpty()) {
            return Optional.of(DeviceClass.DESKTOP);
        }
        if (value.equalsIgnoreCase("all")) {
            return Optional.empty();
        }
        try {
            return Optional.of(DeviceClass.valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid_device", "device is one of desktop, tablet, mobile, other, all");
        }
    }

    HeatmapLayer layer(Context ctx) {
        String value = ctx.queryParam("layer");
        HeatmapLayer layer;
        try {
            layer = value == null || value.isEmpty() ? HeatmapLayer.CLICKS
                    : HeatmapLayer.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid_layer",
                    "layer is one of clicks, first_clicks, rage_clicks, dead_clicks, error_clicks, moves");
        }
        return layer;
    }

    Instant to(Context ctx) {
        return instant(ctx, "to", clock.instant().plusSeconds(60));
    }

    Instant windowFrom(Context ctx, Instant to) {
        Instant from = instant(ctx, "from", to.minus(DEFAULT_WINDOW));
        if (from.isAfter(to)) {
            throw HttpProblem.badRequest("invalid_window", "from must not be after to");
        }
        return from;
    }

    static int number(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpProblem.badRequest("invalid_" + name, name + " is a whole number within " + min + ".." + max);
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
