package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.InsightKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The insights tables of {@code events.duckdb} (schema version 3).
 * <ul>
 *   <li>{@code page_changes}: runs of DOM and field changes taken from recordings as they arrive —
 *       what dead-click detection reads, so it never needs a recording (recordings expire);</li>
 *   <li>{@code insight_pending}: one mark per page view per write; a page view with marks waits for
 *       analysis. Append-only on the write path, cleared by analysis;</li>
 *   <li>{@code insight_page_views}: one row per analysed page view, keyed like {@link Keys} plus the
 *       page number, with its scroll reversals (the scroll norm is made of them);</li>
 *   <li>{@code insight_events}: every detected occurrence. The first nine columns are what heatmaps
 *       join on (project, session, page, time, kind, element, page key, device, detail);
 *       {@code source_page} is the page view whose analysis produced it (re-analysis replaces by it);</li>
 *   <li>{@code session_insights}: per-session counts, one column per {@link InsightKind}, for the
 *       recordings filter, the list's badges and the rates (joined to {@code sessions} for window and bots);</li>
 *   <li>{@code insight_forms}, {@code insight_form_fields}: per page view, how each form and field was
 *       used.</li>
 * </ul>
 * Bots are copied onto the rows (as the session said when analysed) so reports filter without joins.
 */
final class InsightSchema {

    /** Tables with rows per session: deleting a session deletes from each. */
    static final List<String> TABLES_BY_SESSION = List.of("page_changes", "insight_pending", "insight_page_views",
            "insight_events", "session_insights", "insight_forms", "insight_form_fields");

    /** The count column of {@code session_insights} for a kind: its name in lower case. */
    static String countColumn(InsightKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static final String COUNT_COLUMNS = Arrays.stream(InsightKind.values())
            .map(kind -> countColumn(kind) + " INTEGER NOT NULL")
            .collect(Collectors.joining(",\n    "));

    static final Migration MIGRATION = new Migration(3, List.of(
            """
            CREATE TABLE page_changes (
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                page_number INTEGER NOT NULL,
                ts TIMESTAMP NOT NULL,
                end_ts TIMESTAMP NOT NULL,
                changes INTEGER NOT NULL)""",
            """
            CREATE TABLE insight_pending (
                page_view_key VARCHAR NOT NULL,
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                page_number INTEGER NOT NULL,
                received_at TIMESTAMP NOT NULL,
                ended BOOLEAN NOT NULL)""",
            """
            CREATE TABLE insight_page_views (
                page_view_key VARCHAR NOT NULL PRIMARY KEY,
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                page_number INTEGER NOT NULL,
                started_at TIMESTAMP NOT NULL,
                page_key VARCHAR NOT NULL,
                device_class device_class NOT NULL,
                bot BOOLEAN NOT NULL,
                scroll_reversals INTEGER NOT NULL)""",
            """
            CREATE TABLE insight_events (
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                page_number INTEGER NOT NULL,
                ts TIMESTAMP NOT NULL,
                kind VARCHAR NOT NULL,
                selector VARCHAR NOT NULL,
                page_key VARCHAR NOT NULL,
                device_class device_class NOT NULL,
                detail VARCHAR NOT NULL,
                source_page INTEGER NOT NULL,
                value INTEGER NOT NULL,
                x INTEGER NOT NULL,
                y INTEGER NOT NULL,
                rel_x INTEGER NOT NULL,
                rel_y INTEGER NOT NULL,
                bot BOOLEAN NOT NULL)""",
            """
            CREATE TABLE session_insights (
                session_key VARCHAR NOT NULL PRIMARY KEY,
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                %s)""".formatted(COUNT_COLUMNS),
            """
            CREATE TABLE insight_forms (
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                page_number INTEGER NOT NULL,
                started_at TIMESTAMP NOT NULL,
                page_key VARCHAR NOT NULL,
                device_class device_class NOT NULL,
                bot BOOLEAN NOT NULL,
                form VARCHAR NOT NULL,
                started BOOLEAN NOT NULL,
                completed BOOLEAN NOT NULL,
                last_field VARCHAR NOT NULL)""",
            """
            CREATE TABLE insight_form_fields (
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                page_number INTEGER NOT NULL,
                started_at TIMESTAMP NOT NULL,
                page_key VARCHAR NOT NULL,
                bot BOOLEAN NOT NULL,
                form VARCHAR NOT NULL,
                field VARCHAR NOT NULL,
                field_type VARCHAR NOT NULL,
                first_order INTEGER NOT NULL,
                focus_ms BIGINT NOT NULL,
                changed BOOLEAN NOT NULL,
                refilled BOOLEAN NOT NULL,
                abandoned BOOLEAN NOT NULL)"""));

    private InsightSchema() {
    }

    /** One page view's single-column key: the session's key and the page number. */
    static String pageViewKey(String projectId, String sessionId, int pageNumber) {
        return Keys.session(projectId, sessionId) + "#" + pageNumber;
    }
}
