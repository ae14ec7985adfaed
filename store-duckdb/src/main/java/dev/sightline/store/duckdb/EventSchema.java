package dev.sightline.store.duckdb;

import java.util.List;

/**
 * The tables of {@code events.duckdb}. Every fact table starts with the same six columns, with
 * {@code page_key} and {@code device_class} copied from the page view so a heatmap reads one table:
 * {@code WHERE project_id = ? AND page_key = ? AND device_class = ? AND ts BETWEEN ? AND ?}. Fact rows
 * are appended in time order, which keeps DuckDB's per-row-group min/max (zone maps) on {@code ts}
 * narrow, so a time-window query skips the rest of the table.
 *
 * <p>The {@code *_order} and {@code *_sequence} columns record which batch a merged value came from,
 * so the merge does not depend on the order batches arrive in (see {@link MergeStatements}).
 *
 * <p>Lookups by key: DuckDB answers {@code MERGE}/{@code ON CONFLICT} and joins with a scan of the
 * target table, using an ART index only for point lookups on a single-column key. So
 * <ul>
 *   <li>{@code batches}, {@code page_views} and {@code sessions} carry a server-clock time that never
 *       changes ({@code received_at}, {@code first_received_at}); rows are appended in that order, and
 *       a write bounds its joins by it, so only the recent row groups are read (see {@link WriteBound});</li>
 *   <li>{@code sessions} and {@code visitors} have a single-column key ({@link Keys}) for index lookups:
 *       a session by id for the player, a write's visitors by id for new-versus-returning.</li>
 * </ul>
 * The primary keys also guard correctness: a row missed by a bounded join would be inserted twice,
 * which the key refuses, and the write is retried unbounded.
 */
final class EventSchema {

    static final List<String> FACT_TABLES = List.of("clicks", "scrolls", "moves", "errors", "custom_events", "tags",
            "fields", "form_submits", "requests", "resizes", "visibility");

    private static final String FACT_PREFIX = """
            project_id VARCHAR NOT NULL,
            session_id VARCHAR NOT NULL,
            page_number INTEGER NOT NULL,
            ts TIMESTAMP NOT NULL,
            page_key VARCHAR NOT NULL,
            device_class device_class NOT NULL""";

    static final List<Migration> MIGRATIONS = List.of(new Migration(1, List.of(
            "CREATE TYPE device_class AS ENUM ('DESKTOP', 'TABLET', 'MOBILE', 'OTHER')",
            """
            CREATE TABLE batches (
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                page_number INTEGER NOT NULL,
                sequence INTEGER NOT NULL,
                received_at TIMESTAMP NOT NULL,
                PRIMARY KEY (project_id, session_id, page_number, sequence))""",
            """
            CREATE TABLE sessions (
                session_key VARCHAR NOT NULL PRIMARY KEY,
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                visitor_id VARCHAR NOT NULL,
                first_received_at TIMESTAMP NOT NULL,
                started_at TIMESTAMP NOT NULL,
                ended_at TIMESTAMP NOT NULL,
                pages INTEGER NOT NULL,
                clicks INTEGER NOT NULL,
                errors INTEGER NOT NULL,
                active_ms BIGINT NOT NULL,
                batch_count INTEGER NOT NULL,
                visit_order BIGINT NOT NULL,
                device_class device_class NOT NULL,
                browser VARCHAR NOT NULL,
                browser_version VARCHAR NOT NULL,
                os VARCHAR NOT NULL,
                country VARCHAR NOT NULL,
                bot BOOLEAN NOT NULL,
                acquisition_order BIGINT NOT NULL,
                entry_url VARCHAR NOT NULL,
                referrer VARCHAR NOT NULL,
                referrer_host VARCHAR NOT NULL,
                channel VARCHAR NOT NULL,
                utm_source VARCHAR NOT NULL,
                utm_medium VARCHAR NOT NULL,
                utm_campaign VARCHAR NOT NULL,
                utm_term VARCHAR NOT NULL,
                utm_content VARCHAR NOT NULL,
                exit_page INTEGER NOT NULL,
                exit_url VARCHAR NOT NULL,
                user_order BIGINT NOT NULL,
                user_hash VARCHAR,
                new_visitor BOOLEAN NOT NULL)""",
            """
            CREATE TABLE page_views (
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                page_number INTEGER NOT NULL,
                first_received_at TIMESTAMP NOT NULL,
                first_sequence INTEGER NOT NULL,
                url VARCHAR NOT NULL,
                page_key VARCHAR NOT NULL,
                device_class device_class NOT NULL,
                viewport_w INTEGER NOT NULL,
                viewport_h INTEGER NOT NULL,
                title_sequence INTEGER NOT NULL,
                title VARCHAR NOT NULL,
                referrer_sequence INTEGER NOT NULL,
                referrer VARCHAR NOT NULL,
                started_at TIMESTAMP NOT NULL,
                last_seen_at TIMESTAMP NOT NULL,
                active_ms BIGINT NOT NULL,
                max_scroll_permille INTEGER NOT NULL,
                document_height INTEGER NOT NULL,
                ended BOOLEAN NOT NULL,
                batch_count INTEGER NOT NULL,
                PRIMARY KEY (project_id, session_id, page_number))""",
            """
            CREATE TABLE visitors (
                visitor_key VARCHAR NOT NULL PRIMARY KEY,
                project_id VARCHAR NOT NULL,
                visitor_id VARCHAR NOT NULL,
                first_session_id VARCHAR NOT NULL,
                first_seen TIMESTAMP NOT NULL)""",
            "CREATE TABLE clicks (" + FACT_PREFIX + """
            ,
                viewport_w INTEGER NOT NULL,
                x INTEGER NOT NULL,
                y INTEGER NOT NULL,
                selector VARCHAR NOT NULL,
                rel_x INTEGER NOT NULL,
                rel_y INTEGER NOT NULL,
                tag VARCHAR NOT NULL,
                text VARCHAR NOT NULL,
                flags INTEGER NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL)""",
            "CREATE TABLE scrolls (" + FACT_PREFIX + """
            ,
                x INTEGER NOT NULL,
                y INTEGER NOT NULL,
                document_height INTEGER NOT NULL,
                viewport_height INTEGER NOT NULL)""",
            "CREATE TABLE moves (" + FACT_PREFIX + """
            ,
                viewport_w INTEGER NOT NULL,
                x INTEGER NOT NULL,
                y INTEGER NOT NULL,
                selector VARCHAR NOT NULL,
                rel_x INTEGER NOT NULL,
                rel_y INTEGER NOT NULL)""",
            "CREATE TABLE errors (" + FACT_PREFIX + """
            ,
                message VARCHAR NOT NULL,
                source VARCHAR NOT NULL,
                line INTEGER NOT NULL,
                col INTEGER NOT NULL,
                kind INTEGER NOT NULL)""",
            "CREATE TABLE custom_events (" + FACT_PREFIX + """
            ,
                name VARCHAR NOT NULL)""",
            "CREATE TABLE tags (" + FACT_PREFIX + """
            ,
                tag_key VARCHAR NOT NULL,
                tag_value VARCHAR NOT NULL)""",
            "CREATE TABLE fields (" + FACT_PREFIX + """
            ,
                action INTEGER NOT NULL,
                selector VARCHAR NOT NULL,
                form VARCHAR NOT NULL,
                field_type VARCHAR NOT NULL)""",
            "CREATE TABLE form_submits (" + FACT_PREFIX + """
            ,
                form VARCHAR NOT NULL)""",
            "CREATE TABLE requests (" + FACT_PREFIX + ")",
            "CREATE TABLE resizes (" + FACT_PREFIX + """
            ,
                viewport_w INTEGER NOT NULL,
                viewport_h INTEGER NOT NULL,
                document_height INTEGER NOT NULL)""",
            "CREATE TABLE visibility (" + FACT_PREFIX + """
            ,
                visible INTEGER NOT NULL)""")), InsightSchema.MIGRATION,
            SecuritySchema.EVENTS);

    private EventSchema() {
    }
}
