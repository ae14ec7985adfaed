package dev.sightline.store.duckdb;

import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.wire.WireLimits;
import java.time.Instant;
import java.util.Optional;

/**
 * The rows a heatmap reads, as a WHERE clause over a fact table ({@code ts}) or {@code page_views}
 * ({@code started_at}): project, time window (which DuckDB's zone maps narrow to the row groups of
 * those days), page key or group pattern, device class, and the session sub-selection — bots out
 * unless asked for. The recordings filters and segments will narrow that same sub-selection.
 */
final class HeatmapFilter {

    /** How far an event can lie outside its session's span: a page lives at most a day. */
    private static final long SESSION_REACH_MICROS = WireLimits.MAX_PAGE_AGE_MS * 1_000L;

    private HeatmapFilter() {
    }

    /** {@code WHERE …} over a fact table. */
    static HeatmapSql facts(HeatmapQuery query) {
        return where(query.projectId(), "ts", query.from(), query.to(), Optional.of(query.page()), query.device(),
                query.includeBots(), "");
    }

    /** {@code WHERE …} over {@code page_views}. */
    static HeatmapSql pageViews(HeatmapQuery query) {
        return where(query.projectId(), "started_at", query.from(), query.to(), Optional.of(query.page()),
                query.device(), query.includeBots(), "");
    }

    /** {@code WHERE …} for a whole project (the index), with an optional part of the page key. */
    static HeatmapSql project(String projectId, String timeColumn, Instant from, Instant to,
                              Optional<DeviceClass> device, boolean includeBots, String keyContains) {
        return where(projectId, timeColumn, from, to, Optional.empty(), device, includeBots, keyContains);
    }

    private static HeatmapSql where(String projectId, String timeColumn, Instant from, Instant to,
                                    Optional<PageScope> page, Optional<DeviceClass> device, boolean includeBots,
                                    String keyContains) {
        long fromMicros = Micros.of(from);
        long toMicros = Micros.of(to);
        HeatmapSql sql = new HeatmapSql().add(" WHERE project_id = ? AND " + timeColumn
                + " >= make_timestamp(?::BIGINT) AND " + timeColumn + " < make_timestamp(?::BIGINT)",
                projectId, fromMicros, toMicros);
        page.ifPresent(scope -> {
            if (scope instanceof PageScope.Page p) {
                sql.add(" AND page_key = ?", p.pageKey());
            } else {
                sql.add(" AND regexp_full_match(page_key, ?)", ((PageScope.Group) scope).pattern().regex());
            }
        });
        device.ifPresent(d -> sql.add(" AND device_class = ?", d.name()));
        if (!keyContains.isEmpty()) {
            sql.add(" AND contains(lower(page_key), ?)", keyContains.toLowerCase(java.util.Locale.ROOT));
        }
        if (!includeBots) {
            sql.add(" AND session_id NOT IN (SELECT session_id FROM sessions WHERE project_id = ? AND bot"
                    + " AND started_at < make_timestamp(?::BIGINT) AND ended_at >= make_timestamp(?::BIGINT))",
                    projectId, toMicros + SESSION_REACH_MICROS, fromMicros - SESSION_REACH_MICROS);
        }
        return sql;
    }
}
