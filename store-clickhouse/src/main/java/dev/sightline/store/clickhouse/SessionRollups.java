package dev.sightline.store.clickhouse;

import dev.sightline.contract.store.BatchKey;
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
 * view instead of merging every batch on each read. After each write the writer recomputes the
 * summaries of every session the write touched, whole, from {@code batches} ({@code FINAL}): the same
 * merge rules {@link SessionSummaries} documents, so a summary never depends on arrival order, and a
 * batch written twice counts once. A summary's version is the number of batches it merged: a session's
 * batches only ever grow, so the newest summary is the one with the most batches (two recomputations
 * racing on the same session agree on it), and a recomputation after a crash between the batch rows and
 * their summaries (the log replays the write; every key is already stored) repairs them.
 */
public final class SessionRollups {

    /** Sessions per statement, well inside ClickHouse's statement limit. */
    private static final int SESSIONS_PER_STATEMENT = 500;

    private SessionRollups() {
    }

    /** Recomputes the summaries of every session of these batches. */
    static void refresh(ClickHouseDatabase database, Collection<BatchKey> batches) {
        Map<String, Set<String>> sessionsByProject = new TreeMap<>();
        for (BatchKey key : batches) {
            sessionsByProject.computeIfAbsent(key.projectId(), p -> new TreeSet<>()).add(key.sessionId());
        }
        sessionsByProject.forEach((projectId, sessions) -> {
            List<String> ids = new ArrayList<>(sessions);
            for (int from = 0; from < ids.size(); from += SESSIONS_PER_STATEMENT) {
                String condition = "session_id IN " + Sql.list(ids.subList(from,
                        Math.min(ids.size(), from + SESSIONS_PER_STATEMENT)));
                statements(projectId, condition).forEach(database::execute);
            }
        });
    }

    /**
     * The statements that recompute the summaries of the project's sessions whose batches match
     * {@code batchCondition} (a condition on {@code batches} that selects whole sessions, e.g. a
     * {@code session_id IN (…)} list, or {@code 1} for all): what the writer runs after each write, and
     * what a bulk load runs once after inserting batch rows directly.
     */
    public static List<String> statements(String projectId, String batchCondition) {
        String where = "project_id = " + Sql.quote(projectId) + " AND (" + batchCondition + ")";
        return List.of("""
                INSERT INTO session_summaries (project_id, session_id, version, session_visitor, session_start,
                    session_end, active_total, page_count, click_count, error_count, first_device, first_browser,
                    first_os, first_country, first_bot, landing_url, landing_referrer, landing_channel, exit_url,
                    last_user_hash, landing_referrer_host, landing_utm_source, landing_utm_medium,
                    landing_utm_campaign, landing_utm_term, landing_utm_content, exit_page, deepest_scroll)
                SELECT project_id, session_id, count(), argMin(visitor_id, batch_order), min(started_at),
                       max(last_seen_at), sum(active_ms), uniqExact(page_number), sum(clicks), sum(errors),
                       toString(argMin(device_class, batch_order)), argMin(browser, batch_order),
                       argMin(os, batch_order), argMin(country, batch_order), argMin(bot, batch_order),
                       argMin(entry_url, acquisition_order), argMin(referrer, acquisition_order),
                       argMin(channel, acquisition_order), argMin(url, (-page_number, sequence)),
                       argMax(user_hash, user_order), argMin(referrer_host, acquisition_order),
                       argMin(utm_source, acquisition_order), argMin(utm_medium, acquisition_order),
                       argMin(utm_campaign, acquisition_order), argMin(utm_term, acquisition_order),
                       argMin(utm_content, acquisition_order), max(page_number), max(max_scroll_permille)
                FROM batches FINAL WHERE %1$s
                GROUP BY project_id, session_id""".formatted(where), """
                INSERT INTO page_view_summaries (project_id, session_id, page_number, version, view_key, view_url,
                    view_device, view_start, view_title, view_scroll, view_viewport_h, view_document_height)
                SELECT project_id, session_id, page_number, count(), argMin(page_key, sequence),
                       argMin(url, sequence), toString(argMin(device_class, sequence)), min(started_at),
                       argMin(title, title_sequence), max(max_scroll_permille), argMin(viewport_h, sequence),
                       max(document_height)
                FROM batches FINAL WHERE %1$s
                GROUP BY project_id, session_id, page_number""".formatted(where));
    }
}
