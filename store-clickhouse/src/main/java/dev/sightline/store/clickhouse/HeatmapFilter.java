package dev.sightline.store.clickhouse;

import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.wire.WireLimits;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rows a heatmap reads: conditions over a fact table ({@code ts}) and the page views merged from
 * their batches ({@code page_view_summaries}). Project, time window (ClickHouse skips other months' partitions), page key or group
 * pattern (matched with {@code match}, RE2, the pattern's own regular expression), device class, and
 * the session selection — bot sessions out unless asked for, and only the sessions that meet the query's
 * conditions (the recordings filters and segments, as {@link DashboardFilter} writes them) when it has any.
 */
final class HeatmapFilter {

    private HeatmapFilter() {
    }

    /** Conditions (after {@code WHERE}) over a fact table. */
    static String facts(HeatmapQuery query) {
        return project(query.projectId(), "ts", query.from(), query.to(), query.device(), query.includeBots(),
                query.sessions()) + " AND " + page(query.page(), "page_key");
    }

    /** The page views of the query, one row each (see {@link #pageViews(String, Instant, Instant)}). */
    static String pageViews(HeatmapQuery query) {
        return pageViews(query.projectId(), query.from(), query.to()) + " WHERE " + page(query.page(), "view_key")
                + device(query.device(), "view_device") + bots(query.projectId(), query.from(), query.to(), query.includeBots())
                + matching(query.projectId(), query.from(), query.to(), query.sessions());
    }

    /** The project's page views in the window for the heatmaps index, with an optional part of the key. */
    static String pageViews(String projectId, Instant from, Instant to, Optional<DeviceClass> device,
                            boolean includeBots, String keyContains, List<SessionCondition> sessions) {
        return pageViews(projectId, from, to) + " WHERE 1" + device(device, "view_device")
                + bots(projectId, from, to, includeBots) + matching(projectId, from, to, sessions)
                + (keyContains.isEmpty() ? ""
                : " AND position(lowerUTF8(view_key), " + Sql.quote(keyContains.toLowerCase(Locale.ROOT)) + ") > 0");
    }

    /**
     * {@code SELECT * FROM (…)}: page views that started in the window, as merged from their batches
     * ({@code page_view_summaries}, like the session detail merges them): {@code session_id, page_number,
     * view_key, view_url, view_device, view_start, view_title, view_scroll, view_viewport_h,
     * view_document_height}.
     */
    private static String pageViews(String projectId, Instant from, Instant to) {
        return """
                SELECT * FROM (
                    SELECT session_id, page_number, view_key, view_url, view_device, view_start, view_title,
                           view_scroll, view_viewport_h, view_document_height
                    FROM page_view_summaries FINAL
                    WHERE project_id = %s AND view_start >= %d AND view_start < %d)""".formatted(Sql.quote(projectId),
                Sql.micros(from), Sql.micros(to));
    }

    /** Conditions over a fact table for a whole project (the index). */
    static String project(String projectId, String timeColumn, Instant from, Instant to, Optional<DeviceClass> device,
                          boolean includeBots, List<SessionCondition> sessions) {
        return "project_id = " + Sql.quote(projectId) + " AND " + timeColumn + " >= " + Sql.micros(from) + " AND "
                + timeColumn + " < " + Sql.micros(to) + device(device, "device_class") + bots(projectId, from, to, includeBots)
                + matching(projectId, from, to, sessions);
    }

    private static String page(PageScope scope, String column) {
        if (scope instanceof PageScope.Page page) {
            return column + " = " + Sql.quote(page.pageKey());
        }
        return "match(" + column + ", " + Sql.quote(((PageScope.Group) scope).pattern().regex()) + ")";
    }

    private static String device(Optional<DeviceClass> device, String column) {
        return device.map(d -> " AND " + column + " = " + Sql.quote(d.name())).orElse("");
    }

    /** Leaves out the sessions whose visit (from their lowest batch) is a bot's. */
    private static String bots(String projectId, Instant from, Instant to, boolean includeBots) {
        if (includeBots) {
            return "";
        }
        return " AND session_id NOT IN (" + SessionSummaries.bots(projectId, Sql.micros(from), Sql.micros(to)) + ")";
    }

    /**
     * Keeps the sessions that meet every condition: of those that started within a page's lifetime
     * before the window up to its end (the ones that can have events in it).
     */
    private static String matching(String projectId, Instant from, Instant to, List<SessionCondition> sessions) {
        if (sessions.isEmpty()) {
            return "";
        }
        SessionFilter filter = new SessionFilter(projectId, from.minusMillis(WireLimits.MAX_PAGE_AGE_MS), to, false,
                sessions);
        return " AND session_id IN (SELECT session_id FROM (" + DashboardFilter.peopleAndBots(filter) + "))";
    }
}
