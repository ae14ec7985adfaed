package dev.sightline.store.duckdb;

import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.wire.WireLimits;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * The rows a heatmap reads, as a WHERE clause over a fact table ({@code ts}) or {@code page_views}
 * ({@code started_at}): project, time window (which DuckDB's zone maps narrow to the row groups of
 * those days), page key or group pattern, device class, and the session selection — bot sessions
 * out unless asked for, and only the sessions that meet the query's conditions (the recordings filters and
 * segments, as {@link DashboardSql} writes them) when it has any.
 *
 * <p>Bot sessions are looked up once per request ({@link #resolve}) and then left out by id,
 * which costs nothing when there are none and a small hash anti-join when there are; only an unusual
 * number of them falls back to a sub-select on {@code sessions}.
 */
final class HeatmapFilter {

    /** How far an event can lie outside its session's span: a page lives at most a day. */
    private static final long SESSION_REACH_MICROS = WireLimits.MAX_PAGE_AGE_MS * 1_000L;
    private static final int MAX_LISTED_SESSIONS = 50_000;

    /** The sessions a query leaves out: listed by id, or (too many to list) selected by a sub-select. */
    record LeftOut(List<String> ids, boolean tooMany) {
        static final LeftOut NONE = new LeftOut(List.of(), false);
    }

    /**
     * What a query's page scope and session selection resolve to before the heavy statements run: the
     * sessions left out, and for a page group the keys its pattern matches (a pattern is matched once
     * per distinct key, not once per row).
     */
    record Resolved(LeftOut leftOut, Optional<List<String>> groupKeys) {
    }

    private HeatmapFilter() {
    }

    static Resolved resolve(DuckDBConnection connection, HeatmapQuery query) throws SQLException {
        LeftOut leftOut = sessionsLeftOut(connection, query.projectId(), query.from(), query.to(), query.includeBots());
        if (!(query.page() instanceof PageScope.Group group)) {
            return new Resolved(leftOut, Optional.empty());
        }
        List<String> keys = new ArrayList<>();
        try (PreparedStatement select = new HeatmapSql().add("SELECT DISTINCT page_key FROM page_views WHERE project_id = ?"
                        + " AND started_at >= make_timestamp(?::BIGINT) AND started_at < make_timestamp(?::BIGINT)",
                        query.projectId(), Micros.of(query.from()) - SESSION_REACH_MICROS, Micros.of(query.to()))
                .prepare(connection);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (group.pattern().matches(rows.getString(1))) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return new Resolved(leftOut, Optional.of(List.copyOf(keys)));
    }

    /** The bot sessions that may have events in the window, unless the query includes bots. */
    static LeftOut sessionsLeftOut(DuckDBConnection connection, String projectId, Instant from, Instant to,
                                   boolean includeBots) throws SQLException {
        if (includeBots) {
            return LeftOut.NONE;
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = botSessions(projectId, from, to, MAX_LISTED_SESSIONS + 1).prepare(connection);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids.size() > MAX_LISTED_SESSIONS ? new LeftOut(List.of(), true) : new LeftOut(List.copyOf(ids), false);
    }

    /** {@code WHERE …} over a fact table. */
    static HeatmapSql facts(HeatmapQuery query, Resolved resolved) {
        return where(query.projectId(), "ts", query.from(), query.to(), Optional.of(page(query, resolved)),
                query.device(), resolved.leftOut(), "", query.sessions());
    }

    /** {@code WHERE …} over {@code page_views}. */
    static HeatmapSql pageViews(HeatmapQuery query, Resolved resolved) {
        return where(query.projectId(), "started_at", query.from(), query.to(), Optional.of(page(query, resolved)),
                query.device(), resolved.leftOut(), "", query.sessions());
    }

    /** The page condition: one key, or the keys a group resolved to. */
    private static HeatmapSql page(HeatmapQuery query, Resolved resolved) {
        if (query.page() instanceof PageScope.Page p) {
            return new HeatmapSql().add(" AND page_key = ?", p.pageKey());
        }
        List<String> keys = resolved.groupKeys().orElseThrow(() -> new IllegalStateException("a group's keys are resolved first"));
        return keys.isEmpty() ? new HeatmapSql().add(" AND false")
                : new HeatmapSql().add(" AND page_key IN (SELECT unnest(?::VARCHAR[]))", (Object) keys.toArray(String[]::new));
    }

    /** {@code WHERE …} for a whole project (the index), with an optional part of the page key. */
    static HeatmapSql project(String projectId, String timeColumn, Instant from, Instant to,
                              Optional<DeviceClass> device, LeftOut leftOut, String keyContains,
                              List<SessionCondition> sessions) {
        return where(projectId, timeColumn, from, to, Optional.empty(), device, leftOut, keyContains, sessions);
    }

    private static HeatmapSql where(String projectId, String timeColumn, Instant from, Instant to,
                                    Optional<HeatmapSql> page, Optional<DeviceClass> device, LeftOut leftOut,
                                    String keyContains, List<SessionCondition> sessions) {
        HeatmapSql sql = new HeatmapSql().add(" WHERE project_id = ? AND " + timeColumn
                + " >= make_timestamp(?::BIGINT) AND " + timeColumn + " < make_timestamp(?::BIGINT)",
                projectId, Micros.of(from), Micros.of(to));
        page.ifPresent(sql::add);
        device.ifPresent(d -> sql.add(" AND device_class = ?", d.name()));
        if (!keyContains.isEmpty()) {
            sql.add(" AND contains(lower(page_key), ?)", keyContains.toLowerCase(Locale.ROOT));
        }
        if (leftOut.tooMany()) {
            sql.add(" AND session_id NOT IN (").add(botSessions(projectId, from, to, Integer.MAX_VALUE)).add(")");
        } else if (!leftOut.ids().isEmpty()) {
            sql.add(" AND session_id NOT IN (SELECT unnest(?::VARCHAR[]))", (Object) leftOut.ids().toArray(String[]::new));
        }
        if (!sessions.isEmpty()) {
            sql.add(" AND session_id IN (").add(matching(projectId, from, to, sessions)).add(")");
        }
        return sql;
    }

    /** The ids of the sessions that may have events in the window and meet every condition. */
    private static HeatmapSql matching(String projectId, Instant from, Instant to, List<SessionCondition> sessions) {
        SessionFilter filter = new SessionFilter(projectId, from.minusMillis(WireLimits.MAX_PAGE_AGE_MS), to, false,
                sessions);
        DashboardSql where = DashboardSql.peopleAndBots(filter);
        return new HeatmapSql().add("SELECT s.session_id FROM sessions s WHERE " + where.sql(),
                where.parameters().toArray());
    }

    private static HeatmapSql botSessions(String projectId, Instant from, Instant to, int limit) {
        return new HeatmapSql().add("SELECT session_id FROM sessions WHERE project_id = ? AND bot"
                        + " AND started_at < make_timestamp(?::BIGINT) AND ended_at >= make_timestamp(?::BIGINT) LIMIT ?",
                projectId, Micros.of(to) + SESSION_REACH_MICROS, Micros.of(from) - SESSION_REACH_MICROS, limit);
    }
}
