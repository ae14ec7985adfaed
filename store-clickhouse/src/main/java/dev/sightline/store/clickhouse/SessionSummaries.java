package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.store.Channel;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.SessionSummary;

/**
 * Sessions as the merge of their batch rows, aggregated by ClickHouse when read: start and end from
 * all batches, the visit from the lowest batch key, the acquisition from the lowest batch carrying one,
 * the exit URL from the highest page (its lowest sequence), the user hash from the highest batch
 * carrying one. New versus returning compares the session with its visitor's earliest session.
 *
 * <p>Aggregates are aliased apart from the column names: ClickHouse resolves a name to the alias first,
 * so {@code min(started_at) AS started_at} would nest the aggregate in itself.
 */
final class SessionSummaries {

    private SessionSummaries() {
    }

    /**
     * One row per session of the project whose batches match {@code batchFilter} (a condition on
     * {@code batches}, e.g. a session id); every session's batches must match it whole, or the merge is
     * partial. Only those sessions' visitors are looked up.
     */
    static String matching(String projectId, String batchFilter) {
        return select(projectId, batchFilter, false);
    }

    /**
     * {@link #matching} with what the dashboard filters and counts besides: {@code landing_referrer_host},
     * {@code landing_utm_source} … {@code landing_utm_content} (the acquisition's), {@code exit_page} (the
     * highest page number), {@code deepest_scroll} (the deepest any page was scrolled) and
     * {@code duration_ms} (whole milliseconds of each end, as store-duckdb's {@code epoch_ms} gives them).
     */
    static String matchingForDashboard(String projectId, String batchFilter) {
        return select(projectId, batchFilter, true);
    }

    private static final String DASHBOARD_COLUMNS = """
            argMin(referrer_host, acquisition_order) AS landing_referrer_host,
                           argMin(utm_source, acquisition_order) AS landing_utm_source,
                           argMin(utm_medium, acquisition_order) AS landing_utm_medium,
                           argMin(utm_campaign, acquisition_order) AS landing_utm_campaign,
                           argMin(utm_term, acquisition_order) AS landing_utm_term,
                           argMin(utm_content, acquisition_order) AS landing_utm_content,
                           max(page_number) AS exit_page, max(max_scroll_permille) AS deepest_scroll,
                           intDiv(session_end, 1000) - intDiv(session_start, 1000) AS duration_ms,
                           """;

    private static final String DASHBOARD_ALIASES = """
            landing_referrer_host, landing_utm_source, landing_utm_medium, landing_utm_campaign,
                       landing_utm_term, landing_utm_content, exit_page, deepest_scroll, duration_ms,
                       """;

    private static String select(String projectId, String batchFilter, boolean forDashboard) {
        String project = Sql.quote(projectId);
        String visitorFilter = "visitor_id IN (SELECT visitor_id FROM batches WHERE project_id = " + project + " AND ("
                + batchFilter + "))";
        return """
                SELECT project_id, session_id, session_visitor, session_start, session_end, active_total, page_count,
                       click_count, error_count, first_device, first_browser, first_os, first_country, first_bot,
                       landing_url, landing_referrer, landing_channel, exit_url, last_user_hash, %4$s
                       first_session = session_id AS new_visitor
                FROM (
                    SELECT project_id, session_id, %5$s
                           argMin(visitor_id, batch_order) AS session_visitor,
                           min(started_at) AS session_start, max(last_seen_at) AS session_end,
                           sum(active_ms) AS active_total, uniqExact(page_number) AS page_count,
                           sum(clicks) AS click_count, sum(errors) AS error_count,
                           toString(argMin(device_class, batch_order)) AS first_device,
                           argMin(browser, batch_order) AS first_browser, argMin(os, batch_order) AS first_os,
                           argMin(country, batch_order) AS first_country, argMin(bot, batch_order) AS first_bot,
                           argMin(entry_url, acquisition_order) AS landing_url,
                           argMin(referrer, acquisition_order) AS landing_referrer,
                           argMin(channel, acquisition_order) AS landing_channel,
                           argMin(url, (-page_number, sequence)) AS exit_url,
                           argMax(user_hash, user_order) AS last_user_hash
                    FROM batches FINAL
                    WHERE project_id = %1$s AND (%2$s)
                    GROUP BY project_id, session_id
                ) ANY LEFT JOIN (
                    SELECT project_id, visitor_id AS session_visitor,
                           argMin(session_id, (started_at, session_id)) AS first_session
                    FROM visitor_sessions FINAL
                    WHERE project_id = %1$s AND (%3$s)
                    GROUP BY project_id, visitor_id
                ) USING (project_id, session_visitor)""".formatted(project, batchFilter, visitorFilter,
                forDashboard ? DASHBOARD_ALIASES : "", forDashboard ? DASHBOARD_COLUMNS : "");
    }

    /**
     * A condition on {@code batches} that keeps the sessions that may have started in {@code [from, to)}
     * (and a few that started earlier, which the start filter after the merge drops): a session that
     * started in the window has its earliest batch there. Selecting by session keeps every batch of
     * those sessions, so their merge is whole; the sub-select reads only the window's partitions.
     */
    static String mayHaveStartedIn(String projectId, long fromMicros, long toMicros) {
        return "session_id IN (SELECT session_id FROM batches WHERE project_id = " + Sql.quote(projectId)
                + " AND started_at >= " + fromMicros + " AND started_at < " + toMicros + ")";
    }

    /** A condition on {@code batches} that keeps the sessions that may have started before the cutoff. */
    static String mayHaveStartedBefore(String projectId, long cutoffMicros) {
        return "session_id IN (SELECT session_id FROM batches WHERE project_id = " + Sql.quote(projectId)
                + " AND started_at < " + cutoffMicros + ")";
    }

    /** The project's sessions whose visit (from their lowest batch) is a bot's; cheap when bots are few. */
    static String bots(String projectId) {
        String project = Sql.quote(projectId);
        return """
                SELECT session_id FROM batches FINAL
                WHERE project_id = %1$s
                  AND session_id IN (SELECT session_id FROM batches WHERE project_id = %1$s AND bot = 1)
                GROUP BY session_id HAVING argMin(bot, batch_order) = 1""".formatted(project);
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
