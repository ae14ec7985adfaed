package dev.sightline.store.clickhouse;

import dev.sightline.contract.store.BatchRows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sessions and page views merged from their batches, kept in {@code session_summaries} and
 * {@code page_view_summaries} so that lists, dashboards and heatmaps read one row per session or page
 * view instead of merging every batch on each read. After each write the writer recomputes, whole, from
 * {@code batches} ({@code FINAL}), the summaries of every session the write touched and of every other
 * session of their visitors: the same merge rules {@link SessionSummaries} documents, so a summary never
 * depends on arrival order, and a batch written twice counts once.
 *
 * <p>New versus returning is decided here: a session is new when it is its visitor's earliest session in
 * {@code visitor_sessions}. An earlier session written later turns the visitor's other sessions
 * returning (they are recomputed with it); nothing turns a returning session new again (a visitor's
 * rows stay while the visitor has sessions).
 *
 * <p>A page view is its session's exit page while no later page exists.
 *
 * <p>A summary's version is twice the number of batches it merged, plus one when returning (a page view:
 * when not the exit): a session's batches only grow, it only ever turns from new to returning and a page
 * view only stops being the exit, so the newest summary has the highest version, and two recomputations
 * racing on the same session agree on it. A recomputation after a crash
 * between the batch rows and their summaries (the log replays the write; every key is already stored)
 * repairs them.
 *
 * <p>Aggregates are aliased apart from {@code batches}' column names: ClickHouse resolves a name to the
 * alias first, so {@code min(started_at) AS started_at} would nest the aggregate in itself.
 */
public final class SessionRollups {

    /** Batches per statement, well inside ClickHouse's statement limit. */
    private static final int BATCHES_PER_STATEMENT = 500;

    private SessionRollups() {
    }

    /** Recomputes the summaries of the sessions of these batches and of the other sessions of their visitors. */
    static void refresh(ClickHouseDatabase database, Collection<BatchRows> batches) {
        Map<String, List<BatchRows>> byProject = new TreeMap<>();
        for (BatchRows batch : batches) {
            byProject.computeIfAbsent(batch.key().projectId(), p -> new ArrayList<>()).add(batch);
        }
        byProject.forEach((projectId, written) -> {
            for (int from = 0; from < written.size(); from += BATCHES_PER_STATEMENT) {
                List<BatchRows> chunk = written.subList(from, Math.min(written.size(), from + BATCHES_PER_STATEMENT));
                Set<String> sessions = new TreeSet<>();
                Set<String> visitors = new TreeSet<>();
                for (BatchRows batch : chunk) {
                    sessions.add(batch.key().sessionId());
                    visitors.add(batch.visitorId());
                }
                String condition = "session_id IN " + Sql.list(sessions) + " OR session_id IN (SELECT session_id FROM "
                        + ClickHouseSchema.VISITOR_SESSIONS + " WHERE project_id = " + Sql.quote(projectId)
                        + " AND visitor_id IN " + Sql.list(visitors) + ")";
                statements(projectId, condition).forEach(database::execute);
            }
        });
    }

    /**
     * The statements that recompute the summaries of the project's sessions whose batches match
     * {@code batchCondition} (a condition on {@code batches} that selects whole sessions, e.g. a
     * {@code session_id IN (…)} list, or {@code 1} for all): what the writer runs after each write, and
     * what a bulk load runs once after inserting batch and visitor rows directly.
     */
    public static List<String> statements(String projectId, String batchCondition) {
        String project = Sql.quote(projectId);
        String where = "project_id = " + project + " AND (" + batchCondition + ")";
        return List.of("""
                INSERT INTO session_summaries (project_id, session_id, version, new_visitor, session_visitor,
                    session_start, session_end, active_total, page_count, click_count, error_count, first_device,
                    first_browser, first_os, first_country, first_bot, landing_url, landing_referrer,
                    landing_channel, exit_url, last_user_hash, landing_referrer_host, landing_utm_source,
                    landing_utm_medium, landing_utm_campaign, landing_utm_term, landing_utm_content, exit_page,
                    deepest_scroll)
                SELECT project_id, session_id, batch_count * 2 + (first_session != session_id),
                       first_session = session_id, session_visitor, session_start, session_end, active_total,
                       page_count, click_count, error_count, first_device, first_browser, first_os, first_country,
                       first_bot, landing_url, landing_referrer, landing_channel, exit_url, last_user_hash,
                       landing_referrer_host, landing_utm_source, landing_utm_medium, landing_utm_campaign,
                       landing_utm_term, landing_utm_content, exit_page, deepest_scroll
                FROM (
                    SELECT project_id, session_id, count() AS batch_count,
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
                           argMax(user_hash, user_order) AS last_user_hash,
                           argMin(referrer_host, acquisition_order) AS landing_referrer_host,
                           argMin(utm_source, acquisition_order) AS landing_utm_source,
                           argMin(utm_medium, acquisition_order) AS landing_utm_medium,
                           argMin(utm_campaign, acquisition_order) AS landing_utm_campaign,
                           argMin(utm_term, acquisition_order) AS landing_utm_term,
                           argMin(utm_content, acquisition_order) AS landing_utm_content,
                           max(page_number) AS exit_page, max(max_scroll_permille) AS deepest_scroll
                    FROM batches FINAL WHERE %1$s
                    GROUP BY project_id, session_id
                ) ANY LEFT JOIN (
                    SELECT project_id, visitor_id AS session_visitor,
                           argMin(session_id, (started_at, session_id)) AS first_session
                    FROM visitor_sessions
                    WHERE project_id = %2$s AND visitor_id IN (SELECT visitor_id FROM batches WHERE %1$s)
                    GROUP BY project_id, visitor_id
                ) USING (project_id, session_visitor)""".formatted(where, project), """
                INSERT INTO page_view_summaries (project_id, session_id, page_number, version, view_exit, view_key,
                    view_url, view_device, view_start, view_title, view_scroll, view_viewport_h, view_document_height)
                SELECT project_id, session_id, page_number, batch_count * 2 + (page_number != session_exit),
                       page_number = session_exit, view_key, view_url, view_device, view_start, view_title,
                       view_scroll, view_viewport_h, view_document_height
                FROM (
                    SELECT project_id, session_id, page_number, count() AS batch_count,
                           argMin(page_key, sequence) AS view_key, argMin(url, sequence) AS view_url,
                           toString(argMin(device_class, sequence)) AS view_device, min(started_at) AS view_start,
                           argMin(title, title_sequence) AS view_title, max(max_scroll_permille) AS view_scroll,
                           argMin(viewport_h, sequence) AS view_viewport_h, max(document_height) AS view_document_height
                    FROM batches FINAL WHERE %1$s
                    GROUP BY project_id, session_id, page_number
                ) ANY LEFT JOIN (
                    SELECT project_id, session_id, max(page_number) AS session_exit FROM batches WHERE %1$s
                    GROUP BY project_id, session_id
                ) USING (project_id, session_id)""".formatted(where));
    }
}
