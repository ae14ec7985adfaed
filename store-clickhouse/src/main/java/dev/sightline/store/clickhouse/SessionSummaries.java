package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.store.Channel;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.SessionSummary;
import dev.sightline.contract.wire.WireLimits;

/**
 * Sessions as the merge of their batch rows, read from {@code session_summaries} ({@link SessionRollups}
 * keeps it, {@code FINAL} picks each session's newest merge): start and end from all batches, the visit
 * from the lowest batch key, the acquisition from the lowest batch carrying one, the exit URL from the
 * highest page (its lowest sequence), the user hash from the highest batch carrying one; new versus
 * returning as {@link SessionRollups} decides it.
 *
 * <p>Conditions on a {@code FINAL} read's non-key columns are applied after the versions collapse
 * (18.16 moves no condition of a {@code FINAL} query to {@code PREWHERE}), so a window or bot condition
 * sees each session's newest merge only.
 */
final class SessionSummaries {

    /** How far a session's events can lie outside the window it is looked up for: a page's lifetime. */
    private static final long PAGE_REACH_MICROS = WireLimits.MAX_PAGE_AGE_MS * 1_000L;

    private SessionSummaries() {
    }

    /**
     * One row per session of the project that meets {@code condition} (on {@code session_summaries}'
     * columns, e.g. a session id or {@link #startedIn}).
     */
    static String matching(String projectId, String condition) {
        return select(projectId, condition, false);
    }

    /**
     * {@link #matching} with what the dashboard filters and counts besides: {@code landing_referrer_host},
     * {@code landing_utm_source} … {@code landing_utm_content} (the acquisition's), {@code exit_page} (the
     * highest page number), {@code deepest_scroll} (the deepest any page was scrolled) and
     * {@code duration_ms} (whole milliseconds of each end, as store-duckdb's {@code epoch_ms} gives them).
     */
    static String matchingForDashboard(String projectId, String condition) {
        return select(projectId, condition, true);
    }

    /** A condition on {@code session_summaries}: the sessions that started in {@code [from, to)}. */
    static String startedIn(long fromMicros, long toMicros) {
        return "session_start >= " + fromMicros + " AND session_start < " + toMicros;
    }

    private static final String DASHBOARD_COLUMNS = """
            landing_referrer_host, landing_utm_source, landing_utm_medium, landing_utm_campaign,
                       landing_utm_term, landing_utm_content, exit_page, deepest_scroll,
                       intDiv(session_end, 1000) - intDiv(session_start, 1000) AS duration_ms,
                       """;

    private static String select(String projectId, String condition, boolean forDashboard) {
        return """
                SELECT project_id, session_id, session_visitor, session_start, session_end, active_total, page_count,
                       click_count, error_count, first_device, first_browser, first_os, first_country, first_bot,
                       landing_url, landing_referrer, landing_channel, exit_url, last_user_hash, %3$s new_visitor
                FROM session_summaries FINAL
                WHERE project_id = %1$s AND (%2$s)""".formatted(Sql.quote(projectId), condition,
                forDashboard ? DASHBOARD_COLUMNS : "");
    }

    /** A condition on {@code batches} that keeps the sessions that may have started before the cutoff. */
    static String mayHaveStartedBefore(String projectId, long cutoffMicros) {
        return "session_id IN (SELECT session_id FROM batches WHERE project_id = " + Sql.quote(projectId)
                + " AND started_at < " + cutoffMicros + ")";
    }

    /**
     * The project's sessions whose visit (from their lowest batch) is a bot's and that may have events in
     * {@code [from, to)}: started before its end and seen after its start, a page's lifetime either side,
     * as store-duckdb bounds them.
     */
    static String bots(String projectId, long fromMicros, long toMicros) {
        return """
                SELECT session_id FROM session_summaries FINAL
                WHERE project_id = %s AND first_bot = 1 AND session_start < %d AND session_end >= %d"""
                .formatted(Sql.quote(projectId), toMicros + PAGE_REACH_MICROS, fromMicros - PAGE_REACH_MICROS);
    }

    static SessionSummary read(JsonNode row) {
        String userHash = row.get("last_user_hash").asText();
        return new SessionSummary(row.get("project_id").asText(), row.get("session_id").asText(),
                row.get("session_visitor").asText(), Sql.instant(row.get("session_start").asLong()),
                Sql.instant(row.get("session_end").asLong()), row.get("active_total").asLong(),
                row.get("page_count").asInt(), row.get("click_count").asInt(), row.get("error_count").asInt(),
                DeviceClass.valueOf(row.get("first_device").asText()), row.get("first_browser").asText(),
                row.get("first_os").asText(), row.get("first_country").asText(), row.get("landing_url").asText(),
                row.get("exit_url").asText(), row.get("landing_referrer").asText(),
                Channel.valueOf(row.get("landing_channel").asText()), row.get("new_visitor").asInt() == 1,
                row.get("first_bot").asInt() == 1, userHash.isEmpty() ? null : userHash);
    }
}
