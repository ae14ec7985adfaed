package dev.sightline.bench.queries;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the rows of a {@link QueryData} month in {@code events.duckdb} become the rows store-clickhouse
 * keeps for the same traffic, as DuckDB selects: one {@code batches} row per page view (the upload
 * that carried it, sequence 0, with its session's visit; the first page's batch also carries the
 * acquisition, as the tracker's first upload does), one {@code visitor_sessions} row per session and
 * the clicks as they are. Times become microseconds since the epoch, booleans 0/1.
 *
 * @param table   the ClickHouse table
 * @param columns its columns, each with the DuckDB expression that gives it
 * @param from    the DuckDB {@code FROM} clause the expressions read
 */
record ClickHouseCopySql(String table, Map<String, String> columns, String from) {
    private static final String NONE_LOW = Long.toString(Long.MAX_VALUE);

    ClickHouseCopySql {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    static List<ClickHouseCopySql> tables() {
        return List.of(batches(), visitorSessions(), clicks());
    }

    /** The DuckDB query that selects this table's rows, columns in order. */
    String select() {
        StringBuilder select = new StringBuilder("SELECT ");
        columns.forEach((column, expression) -> select.append(expression).append(" AS ").append(column).append(", "));
        return select.substring(0, select.length() - 2) + " FROM " + from;
    }

    private static ClickHouseCopySql batches() {
        Map<String, String> columns = new LinkedHashMap<>();
        String first = "pv.page_number = 1";
        columns.put("project_id", "pv.project_id");
        columns.put("session_id", "pv.session_id");
        columns.put("page_number", "pv.page_number");
        columns.put("sequence", "pv.first_sequence");
        columns.put("batch_order", "(pv.page_number::BIGINT << 32) | pv.first_sequence");
        columns.put("received_at", "epoch_us(pv.first_received_at)");
        columns.put("visitor_id", "s.visitor_id");
        columns.put("url", "pv.url");
        columns.put("page_key", "pv.page_key");
        columns.put("title", "pv.title");
        columns.put("title_sequence", "pv.title_sequence");
        columns.put("page_referrer", "pv.referrer");
        columns.put("referrer_sequence", "pv.referrer_sequence");
        columns.put("started_at", "epoch_us(pv.started_at)");
        columns.put("last_seen_at", "epoch_us(pv.last_seen_at)");
        columns.put("active_ms", "pv.active_ms");
        columns.put("max_scroll_permille", "pv.max_scroll_permille");
        columns.put("viewport_w", "pv.viewport_w");
        columns.put("viewport_h", "pv.viewport_h");
        columns.put("document_height", "pv.document_height");
        columns.put("ended", "pv.ended::INT");
        columns.put("device_class", "s.device_class");
        columns.put("browser", "s.browser");
        columns.put("browser_version", "s.browser_version");
        columns.put("os", "s.os");
        columns.put("country", "s.country");
        columns.put("bot", "s.bot::INT");
        columns.put("acquisition_order", "CASE WHEN " + first + " THEN (pv.page_number::BIGINT << 32) | pv.first_sequence "
                + "ELSE " + NONE_LOW + " END");
        for (String acquisition : List.of("entry_url", "referrer", "referrer_host", "utm_source", "utm_medium",
                "utm_campaign", "utm_term", "utm_content")) {
            columns.put(acquisition, "CASE WHEN " + first + " THEN s." + acquisition + " ELSE '' END");
        }
        columns.put("channel", "CASE WHEN " + first + " THEN s.channel ELSE 'DIRECT' END");
        columns.put("user_order", "CASE WHEN " + first + " AND s.user_hash IS NOT NULL THEN 0 ELSE -1 END");
        columns.put("user_hash", "CASE WHEN " + first + " THEN coalesce(s.user_hash, '') ELSE '' END");
        columns.put("clicks", "coalesce(c.clicks, 0)");
        columns.put("errors", "CASE WHEN " + first + " THEN s.errors ELSE 0 END");
        return new ClickHouseCopySql("batches", columns, """
                page_views pv JOIN sessions s USING (project_id, session_id)
                LEFT JOIN (SELECT session_id, page_number, count(*)::INT AS clicks FROM clicks GROUP BY ALL) c
                       USING (session_id, page_number)""");
    }

    private static ClickHouseCopySql visitorSessions() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("project_id", "project_id");
        columns.put("visitor_id", "visitor_id");
        columns.put("session_id", "session_id");
        columns.put("started_at", "epoch_us(started_at)");
        return new ClickHouseCopySql("visitor_sessions", columns, "sessions");
    }

    private static ClickHouseCopySql clicks() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("project_id", "project_id");
        columns.put("session_id", "session_id");
        columns.put("page_number", "page_number");
        columns.put("sequence", "0");
        // the click's place in its page view's upload (clicks of a page view have distinct times)
        columns.put("event_index", "(row_number() OVER (PARTITION BY session_id, page_number ORDER BY ts) - 1)::INT");
        columns.put("ts", "epoch_us(ts)");
        for (String same : List.of("page_key", "device_class", "viewport_w", "x", "y", "selector", "rel_x", "rel_y",
                "tag", "text", "flags", "width", "height")) {
            columns.put(same, same);
        }
        return new ClickHouseCopySql("clicks", columns, "clicks");
    }
}
