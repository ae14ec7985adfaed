package dev.sightline.store.duckdb;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The two merges of a write, each stating the merge rules twice: the {@code USING (SELECT … GROUP BY)}
 * merges the batches of one write (DuckDB cannot update a row twice in one statement), the
 * {@code WHEN MATCHED THEN UPDATE} merges that into the stored row. In the update, {@code t.col} is the
 * stored value and {@code s.col} the write's; every right-hand side sees stored values. The
 * {@code first_received_at} condition is the {@link WriteBound}; its one parameter.
 *
 * <p>Rules beyond {@link dev.sightline.contract.store.PageViewFacts}: "first" means the lowest batch key
 * (page number, then sequence), "latest" the highest — never arrival order, so a replay in any order
 * gives the same rows.
 */
final class MergeStatements {

    private static final List<String> VISIT = List.of("device_class", "browser", "browser_version", "os", "country",
            "bot");
    private static final List<String> ACQUISITION = List.of("entry_url", "referrer", "referrer_host", "channel",
            "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content");
    private static final List<String> PAGE_FIRST = List.of("url", "page_key", "device_class", "viewport_w",
            "viewport_h");

    private static final List<String> PAGE_VIEW_COLUMNS = List.of("project_id", "session_id", "page_number",
            "first_received_at", "first_sequence", "url", "page_key", "device_class", "viewport_w", "viewport_h",
            "title_sequence", "title", "referrer_sequence", "referrer", "started_at", "last_seen_at", "active_ms",
            "max_scroll_permille", "document_height", "ended", "batch_count");

    /** What every batch of a page view changes; the rest changes only when a lower sequence arrives late. */
    private static final String PAGE_VIEW_TOTALS = """
            started_at = least(t.started_at, s.started_at),
                last_seen_at = greatest(t.last_seen_at, s.last_seen_at),
                active_ms = t.active_ms + s.active_ms,
                max_scroll_permille = greatest(t.max_scroll_permille, s.max_scroll_permille),
                document_height = greatest(t.document_height, s.document_height),
                ended = t.ended OR s.ended,
                batch_count = t.batch_count + s.batch_count""";

    /**
     * Page views; URL, key, device and viewport from the lowest sequence. Two update clauses, because
     * DuckDB's cost grows with the columns an update writes: the full one only when the write holds a
     * lower sequence than the stored row's (a late batch), the short one otherwise. Returns what
     * happened to each row.
     */
    static final String PAGE_VIEWS = """
            MERGE INTO page_views AS t
            USING (
                SELECT project_id, session_id, page_number, min(received_at) AS first_received_at,
                       min(sequence) AS first_sequence, %s,
                       min(title_sequence) AS title_sequence, arg_min(title, title_sequence) AS title,
                       min(referrer_sequence) AS referrer_sequence,
                       arg_min(page_referrer, referrer_sequence) AS referrer,
                       min(started_at) AS started_at, max(last_seen_at) AS last_seen_at, sum(active_ms) AS active_ms,
                       max(max_scroll_permille) AS max_scroll_permille, max(document_height) AS document_height,
                       bool_or(ended) AS ended, count(*) AS batch_count
                FROM stage_rows
                GROUP BY project_id, session_id, page_number) AS s
            ON t.project_id = s.project_id AND t.session_id = s.session_id AND t.page_number = s.page_number
               AND t.first_received_at >= make_timestamp(?::BIGINT)
            WHEN MATCHED AND (s.first_sequence < t.first_sequence OR s.title_sequence < t.title_sequence
                              OR s.referrer_sequence < t.referrer_sequence) THEN UPDATE SET
                %s,
                first_sequence = least(t.first_sequence, s.first_sequence),
                %s,
                title_sequence = least(t.title_sequence, s.title_sequence),
                %s,
                referrer_sequence = least(t.referrer_sequence, s.referrer_sequence),
                %s
            WHEN MATCHED THEN UPDATE SET
                %s
            WHEN NOT MATCHED THEN INSERT %s
            RETURNING merge_action, project_id, session_id""".formatted(
            aggregate("arg_min", PAGE_FIRST, "sequence"),
            takeWhen("first_sequence", "<", PAGE_FIRST),
            takeWhen("title_sequence", "<", List.of("title")),
            takeWhen("referrer_sequence", "<", List.of("referrer")),
            MergeStatements.PAGE_VIEW_TOTALS,
            MergeStatements.PAGE_VIEW_TOTALS,
            insert(PAGE_VIEW_COLUMNS));

    private static final List<String> SESSION_COLUMNS = List.of("session_key", "project_id", "session_id",
            "visitor_id", "first_received_at", "started_at", "ended_at", "pages", "clicks", "errors", "active_ms",
            "batch_count", "visit_order", "device_class", "browser", "browser_version", "os", "country", "bot",
            "acquisition_order", "entry_url", "referrer", "referrer_host", "channel", "utm_source", "utm_medium",
            "utm_campaign", "utm_term", "utm_content", "exit_page", "exit_url", "user_order", "user_hash",
            "new_visitor");

    /** What every batch of a session changes; visit and acquisition change only when a lower batch arrives late. */
    private static final String SESSION_TOTALS = """
            started_at = least(t.started_at, s.started_at),
                ended_at = greatest(t.ended_at, s.ended_at),
                pages = t.pages + s.pages,
                clicks = t.clicks + s.clicks,
                errors = t.errors + s.errors,
                active_ms = t.active_ms + s.active_ms,
                batch_count = t.batch_count + s.batch_count,
                %s,
                exit_page = greatest(t.exit_page, s.exit_page),
                %s,
                user_order = greatest(t.user_order, s.user_order),
                new_visitor = coalesce(s.new_visitor, t.new_visitor)""".formatted(
            takeWhen("exit_page", ">", List.of("exit_url")),
            takeWhen("user_order", ">", List.of("user_hash")));

    /**
     * Sessions: visit from the lowest batch, acquisition from the lowest batch carrying one, exit URL
     * from the highest page, user hash from the highest batch carrying one. The visitor is fixed by the
     * session's first write. New pages and new-visitor come from {@code stage_sessions}. As with page
     * views, the full update runs only for a late lower batch.
     */
    static final String SESSIONS = """
            MERGE INTO sessions AS t
            USING (
                SELECT r.session_key, any_value(r.project_id) AS project_id, any_value(r.session_id) AS session_id,
                       arg_min(r.visitor_id, r.batch_order) AS visitor_id, min(r.received_at) AS first_received_at,
                       min(r.started_at) AS started_at, max(r.last_seen_at) AS ended_at,
                       any_value(x.new_pages) AS pages, sum(r.clicks) AS clicks, sum(r.errors) AS errors,
                       sum(r.active_ms) AS active_ms, count(*) AS batch_count,
                       min(r.batch_order) AS visit_order, %s,
                       min(r.acquisition_order) AS acquisition_order, %s,
                       max(r.page_number) AS exit_page, first(r.url ORDER BY r.page_number DESC, r.sequence) AS exit_url,
                       max(r.user_order) AS user_order, arg_max(r.user_hash, r.user_order) AS user_hash,
                       any_value(x.new_visitor) AS new_visitor
                FROM stage_rows r JOIN stage_sessions x ON x.session_key = r.session_key
                GROUP BY r.session_key) AS s
            ON t.session_key = s.session_key AND t.first_received_at >= make_timestamp(?::BIGINT)
            WHEN MATCHED AND (s.visit_order < t.visit_order OR s.acquisition_order < t.acquisition_order)
            THEN UPDATE SET
                %s,
                visit_order = least(t.visit_order, s.visit_order),
                %s,
                acquisition_order = least(t.acquisition_order, s.acquisition_order),
                %s
            WHEN MATCHED THEN UPDATE SET
                %s
            WHEN NOT MATCHED THEN INSERT %s""".formatted(
            aggregate("arg_min", VISIT.stream().map(c -> "r." + c).toList(), "r.batch_order"),
            aggregate("arg_min", ACQUISITION.stream().map(c -> "r." + c).toList(), "r.acquisition_order"),
            takeWhen("visit_order", "<", VISIT),
            takeWhen("acquisition_order", "<", ACQUISITION),
            MergeStatements.SESSION_TOTALS,
            MergeStatements.SESSION_TOTALS,
            insert(SESSION_COLUMNS));

    /** The stored sessions a write touches, as of before it. Its one parameter is the {@link WriteBound}. */
    static final String TOUCHED_SESSIONS = """
            SELECT t.session_key, t.visitor_id, epoch_us(t.started_at)
            FROM sessions t
            WHERE t.session_key IN (SELECT session_key FROM stage_rows)
              AND t.first_received_at >= make_timestamp(?::BIGINT)""";

    private MergeStatements() {
    }

    /** {@code fn(col, order) AS col, …}, the alias being the column without a table prefix. */
    private static String aggregate(String function, List<String> columns, String order) {
        return columns.stream()
                .map(c -> function + "(" + c + ", " + order + ") AS " + c.substring(c.indexOf('.') + 1))
                .collect(Collectors.joining(", "));
    }

    /** {@code col = CASE WHEN s.order <op> t.order THEN s.col ELSE t.col END, …}. */
    private static String takeWhen(String order, String operator, List<String> columns) {
        return columns.stream()
                .map(c -> "%s = CASE WHEN s.%s %s t.%s THEN s.%s ELSE t.%s END"
                        .formatted(c, order, operator, order, c, c))
                .collect(Collectors.joining(",\n    "));
    }

    /** {@code (a, b, …) VALUES (s.a, s.b, …)}. */
    private static String insert(List<String> columns) {
        return "(" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";
    }
}
