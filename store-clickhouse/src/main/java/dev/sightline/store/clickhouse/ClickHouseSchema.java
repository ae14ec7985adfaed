package dev.sightline.store.clickhouse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of the event store, created when it opens. Times are {@code Int64} microseconds since the
 * epoch, UTC ({@code DateTime} has whole seconds only and {@code DateTime64} came after 18.16);
 * partitions are months of that time.
 *
 * <p>{@code batches} holds one row per stored upload with its page-view, visit, acquisition and user
 * facts; sessions and page views are merged from it ({@code argMin}/{@code argMax} by batch key, so the
 * merge rules cannot depend on arrival order) into {@code session_summaries} and
 * {@code page_view_summaries}, recomputed whole after each write ({@link SessionRollups}).
 * Its sorting key is the batch key, and it is a {@code ReplacingMergeTree}: a batch written twice (a
 * write interrupted between its inserts and replayed) collapses to one row, and reads use
 * {@code FINAL}. Fact tables do the same with the batch key plus the event's index in its batch.
 * Clicks, moves and scrolls are sorted by page for heatmaps; the other facts by session.
 */
final class ClickHouseSchema {

    static final String BATCHES = "batches";
    static final String VISITOR_SESSIONS = "visitor_sessions";
    static final String KEPT_SESSIONS = "kept_sessions";
    static final String SESSION_SUMMARIES = "session_summaries";
    static final String PAGE_VIEW_SUMMARIES = "page_view_summaries";

    /** Fact tables sorted for heatmaps (by page, device and time) rather than by session. */
    static final List<String> PAGE_SORTED = List.of("clicks", "moves", "scrolls");

    static final List<String> FACT_TABLES = List.of("clicks", "scrolls", "moves", "errors", "custom_events", "tags",
            "fields", "form_submits", "requests", "resizes", "visibility");

    static final String DEVICE_CLASS = "Enum8('DESKTOP' = 1, 'TABLET' = 2, 'MOBILE' = 3, 'OTHER' = 4)";

    private static final String FACT_PREFIX = """
            project_id String,
                session_id String,
                page_number Int32,
                sequence Int32,
                event_index Int32,
                ts Int64,
                page_key String,
                device_class %s""".formatted(DEVICE_CLASS);

    /**
     * A mutation or merge leaves the parts it replaced on disk for {@code old_parts_lifetime} (8 minutes
     * by default): deleted rows would outlive their erasure that long. One second trades ClickHouse's
     * guard against losing a freshly merged part in a power cut for erasure that is done when
     * {@link dev.sightline.contract.store.PrivacyStore#purgeDeleted()} returns.
     */
    static final String PART_SETTINGS = "SETTINGS old_parts_lifetime = 1";

    /** The month partition of a time column. */
    static String monthOf(String column) {
        return "toYYYYMM(toDateTime(intDiv(" + column + ", 1000000), 'UTC'))";
    }

    private static final List<String> FACT_COLUMNS = List.of(
            "clicks", "viewport_w Int32, x Int32, y Int32, selector String, rel_x Int32, rel_y Int32, tag String, "
                    + "text String, flags Int32, width Int32, height Int32",
            "scrolls", "x Int32, y Int32, document_height Int32, viewport_height Int32",
            "moves", "viewport_w Int32, x Int32, y Int32, selector String, rel_x Int32, rel_y Int32",
            "errors", "message String, source String, line Int32, col Int32, kind Int32",
            "custom_events", "name String",
            "tags", "tag_key String, tag_value String",
            "fields", "action Int32, selector String, form String, field_type String",
            "form_submits", "form String",
            "requests", "",
            "resizes", "viewport_w Int32, viewport_h Int32, document_height Int32",
            "visibility", "visible Int32");

    /**
     * Insights (see {@link InsightResultWriter}): the page-change runs of recordings, one pending mark
     * per page view per batch (collapsed by the batch's key, so a replayed batch marks nothing twice),
     * and the results. Results are never updated or deleted when a page view is analysed again: each
     * analysis appends its rows under a new version, and readers keep only the rows of each page view's
     * latest version ({@link InsightVersions}).
     */
    private static final List<String> INSIGHT_TABLES = List.of("""
            CREATE TABLE IF NOT EXISTS page_changes (
                project_id String,
                session_id String,
                page_number Int32,
                sequence Int32,
                run_index Int32,
                ts Int64,
                end_ts Int64,
                changes Int32)
            ENGINE = ReplacingMergeTree
            PARTITION BY %1$s
            ORDER BY (project_id, session_id, page_number, sequence, run_index)
            %2$s""".formatted(monthOf("ts"), PART_SETTINGS), """
            CREATE TABLE IF NOT EXISTS insight_marks (
                project_id String,
                session_id String,
                page_number Int32,
                batch_page Int32,
                batch_sequence Int32,
                received_at Int64,
                ended UInt8)
            ENGINE = ReplacingMergeTree
            ORDER BY (project_id, session_id, page_number, batch_page, batch_sequence)
            %s""".formatted(PART_SETTINGS), """
            CREATE TABLE IF NOT EXISTS insight_page_views (
                project_id String,
                session_id String,
                page_number Int32,
                version UInt64,
                analysed_marks Int64,
                started_at Int64,
                page_key String,
                device_class %s,
                bot UInt8,
                scroll_reversals Int32)
            ENGINE = ReplacingMergeTree(version)
            ORDER BY (project_id, session_id, page_number)
            %s""".formatted(DEVICE_CLASS, PART_SETTINGS), """
            CREATE TABLE IF NOT EXISTS insight_events (
                project_id String,
                session_id String,
                page_number Int32,
                ts Int64,
                kind String,
                selector String,
                page_key String,
                device_class %s,
                detail String,
                source_page Int32,
                version UInt64,
                event_index Int32,
                value Int32,
                x Int32,
                y Int32,
                rel_x Int32,
                rel_y Int32,
                bot UInt8)
            ENGINE = MergeTree
            PARTITION BY %s
            ORDER BY (project_id, session_id, source_page, version, event_index)
            %s""".formatted(DEVICE_CLASS, monthOf("ts"), PART_SETTINGS), """
            CREATE TABLE IF NOT EXISTS insight_forms (
                project_id String,
                session_id String,
                page_number Int32,
                version UInt64,
                started_at Int64,
                page_key String,
                bot UInt8,
                form String,
                started UInt8,
                completed UInt8,
                last_field String)
            ENGINE = MergeTree
            PARTITION BY %s
            ORDER BY (project_id, session_id, page_number, version, form)
            %s""".formatted(monthOf("started_at"), PART_SETTINGS), """
            CREATE TABLE IF NOT EXISTS insight_form_fields (
                project_id String,
                session_id String,
                page_number Int32,
                version UInt64,
                started_at Int64,
                page_key String,
                bot UInt8,
                form String,
                field String,
                field_type String,
                first_order Int32,
                focus_ms Int64,
                changed UInt8,
                refilled UInt8,
                abandoned UInt8)
            ENGINE = MergeTree
            PARTITION BY %s
            ORDER BY (project_id, session_id, page_number, version, form, field)
            %s""".formatted(monthOf("started_at"), PART_SETTINGS));

    /** Insight tables with rows per session: deleting a session deletes from each. */
    static final List<String> INSIGHT_TABLES_BY_SESSION = List.of("page_changes", "insight_marks",
            "insight_page_views", "insight_events", "insight_forms", "insight_form_fields");

    /** The time column each table is partitioned by (the month of it); tables missing here have one partition. */
    static final Map<String, String> PARTITION_TIME;

    static {
        Map<String, String> partitioned = new LinkedHashMap<>();
        partitioned.put(BATCHES, "started_at");
        FACT_TABLES.forEach(table -> partitioned.put(table, "ts"));
        partitioned.put("page_changes", "ts");
        partitioned.put("insight_events", "ts");
        partitioned.put("insight_forms", "started_at");
        partitioned.put("insight_form_fields", "started_at");
        PARTITION_TIME = Map.copyOf(partitioned);
    }

    static final List<String> STATEMENTS;

    static {
        List<String> statements = new ArrayList<>();
        statements.add("""
                CREATE TABLE IF NOT EXISTS batches (
                    project_id String,
                    session_id String,
                    page_number Int32,
                    sequence Int32,
                    batch_order Int64,
                    received_at Int64,
                    visitor_id String,
                    url String,
                    page_key String,
                    title String,
                    title_sequence Int32,
                    page_referrer String,
                    referrer_sequence Int32,
                    started_at Int64,
                    last_seen_at Int64,
                    active_ms Int64,
                    max_scroll_permille Int32,
                    viewport_w Int32,
                    viewport_h Int32,
                    document_height Int32,
                    ended UInt8,
                    device_class %s,
                    browser String,
                    browser_version String,
                    os String,
                    country String,
                    bot UInt8,
                    acquisition_order Int64,
                    entry_url String,
                    referrer String,
                    referrer_host String,
                    channel String,
                    utm_source String,
                    utm_medium String,
                    utm_campaign String,
                    utm_term String,
                    utm_content String,
                    user_order Int64,
                    user_hash String,
                    clicks Int32,
                    errors Int32)
                ENGINE = ReplacingMergeTree
                PARTITION BY %s
                ORDER BY (project_id, session_id, page_number, sequence)
                %s""".formatted(DEVICE_CLASS, monthOf("started_at"), PART_SETTINGS));
        // Every session a visitor ever had, with its start: the earliest is the visitor's new session.
        // Rows outlive their session while the visitor has others (a returning visitor stays returning).
        statements.add("""
                CREATE TABLE IF NOT EXISTS visitor_sessions (
                    project_id String,
                    visitor_id String,
                    session_id String,
                    started_at Int64)
                ENGINE = ReplacingMergeTree
                ORDER BY (project_id, visitor_id, started_at, session_id)
                """ + PART_SETTINGS);
        // Sessions and page views merged from their batches, recomputed whole after each write that touches
        // them (SessionRollups); the newest merge has the highest version. Read with FINAL.
        statements.add("""
                CREATE TABLE IF NOT EXISTS session_summaries (
                    project_id String,
                    session_id String,
                    version UInt64,
                    new_visitor UInt8,
                    session_visitor String,
                    session_start Int64,
                    session_end Int64,
                    active_total Int64,
                    page_count UInt64,
                    click_count Int64,
                    error_count Int64,
                    first_device String,
                    first_browser String,
                    first_os String,
                    first_country String,
                    first_bot UInt8,
                    landing_url String,
                    landing_referrer String,
                    landing_channel String,
                    exit_url String,
                    last_user_hash String,
                    landing_referrer_host String,
                    landing_utm_source String,
                    landing_utm_medium String,
                    landing_utm_campaign String,
                    landing_utm_term String,
                    landing_utm_content String,
                    exit_page Int32,
                    deepest_scroll Int32)
                ENGINE = ReplacingMergeTree(version)
                ORDER BY (project_id, session_id)
                """ + PART_SETTINGS);
        statements.add("""
                CREATE TABLE IF NOT EXISTS page_view_summaries (
                    project_id String,
                    session_id String,
                    page_number Int32,
                    version UInt64,
                    view_exit UInt8,
                    view_key String,
                    view_url String,
                    view_device String,
                    view_start Int64,
                    view_title String,
                    view_scroll Int32,
                    view_viewport_h Int32,
                    view_document_height Int32)
                ENGINE = ReplacingMergeTree(version)
                ORDER BY (project_id, session_id, page_number)
                """ + PART_SETTINGS);
        // Sessions kept past retention; keep and release append a row, the highest version is in force.
        statements.add("""
                CREATE TABLE IF NOT EXISTS kept_sessions (
                    project_id String,
                    session_id String,
                    kept_until Int64,
                    released UInt8,
                    version UInt64)
                ENGINE = ReplacingMergeTree(version)
                ORDER BY (project_id, session_id)
                """ + PART_SETTINGS);
        statements.addAll(INSIGHT_TABLES);
        for (int i = 0; i < FACT_COLUMNS.size(); i += 2) {
            String table = FACT_COLUMNS.get(i);
            String own = FACT_COLUMNS.get(i + 1);
            String order = PAGE_SORTED.contains(table)
                    ? "project_id, page_key, device_class, ts, session_id, page_number, sequence, event_index"
                    : "project_id, session_id, page_number, sequence, event_index";
            statements.add("CREATE TABLE IF NOT EXISTS " + table + " (\n    " + FACT_PREFIX
                    + (own.isEmpty() ? "" : ",\n    " + own) + ")\nENGINE = ReplacingMergeTree\nPARTITION BY "
                    + monthOf("ts") + "\nORDER BY (" + order + ")\n" + PART_SETTINGS);
        }
        STATEMENTS = List.copyOf(statements);
    }

    private ClickHouseSchema() {
    }

    static void create(ClickHouseDatabase database) {
        for (String statement : STATEMENTS) {
            database.execute(statement);
        }
    }
}
