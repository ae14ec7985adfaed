package dev.sightline.store.duckdb;

import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Temporary tables of the writer connection: a write appends its batches here (fast, never logged),
 * then moves them into the real tables with set-based {@code INSERT … SELECT … ON CONFLICT} statements
 * that use the primary-key indexes. They are emptied inside the same transaction, so a rolled-back
 * write leaves them empty too.
 */
final class StageTables {

    static final String KEYS = "stage_keys";
    static final String ROWS = "stage_rows";
    static final String SESSIONS = "stage_sessions";
    static final String SESSION_IDS = "stage_session_ids";
    static final String VISITOR_IDS = "stage_visitor_ids";
    static final String VISITORS = "stage_visitors";

    private static final List<String> DDL = List.of(
            """
            CREATE TEMP TABLE stage_keys (
                project_id VARCHAR, session_id VARCHAR, page_number INTEGER, sequence INTEGER, received_at TIMESTAMP)""",
            // One row per new batch; column order is BatchStage's append order.
            """
            CREATE TEMP TABLE stage_rows (
                session_key VARCHAR, project_id VARCHAR, session_id VARCHAR, page_number INTEGER, sequence INTEGER,
                batch_order BIGINT, received_at TIMESTAMP, visitor_id VARCHAR,
                url VARCHAR, page_key VARCHAR, title VARCHAR, title_sequence INTEGER,
                page_referrer VARCHAR, referrer_sequence INTEGER,
                started_at TIMESTAMP, last_seen_at TIMESTAMP, active_ms BIGINT, max_scroll_permille INTEGER,
                viewport_w INTEGER, viewport_h INTEGER, document_height INTEGER, ended BOOLEAN,
                device_class VARCHAR, browser VARCHAR, browser_version VARCHAR, os VARCHAR, country VARCHAR, bot BOOLEAN,
                acquisition_order BIGINT, entry_url VARCHAR, referrer VARCHAR, referrer_host VARCHAR, channel VARCHAR,
                utm_source VARCHAR, utm_medium VARCHAR, utm_campaign VARCHAR, utm_term VARCHAR, utm_content VARCHAR,
                user_order BIGINT, user_hash VARCHAR,
                clicks INTEGER, errors INTEGER)""",
            // What the write learned about each touched session from page views and visitors;
            // new_visitor is NULL where it stays as stored.
            """
            CREATE TEMP TABLE stage_sessions (session_key VARCHAR, new_pages INTEGER, new_visitor BOOLEAN)""",
            "CREATE TEMP TABLE stage_session_ids (session_id VARCHAR)",
            "CREATE TEMP TABLE stage_visitor_ids (visitor_id VARCHAR)",
            // Visitors whose stored first session changes; column order is the visitors table's.
            """
            CREATE TEMP TABLE stage_visitors (
                visitor_key VARCHAR, project_id VARCHAR, visitor_id VARCHAR, first_session_id VARCHAR, first_seen TIMESTAMP)""");

    private StageTables() {
    }

    static void create(DuckDBConnection connection) throws SQLException {
        for (String statement : DDL) {
            Statements.execute(connection, statement);
        }
    }

    /** An appender on one of the stage tables; they live in the connection's {@code temp} catalog. */
    static DuckDBAppender appender(DuckDBConnection connection, String table) throws SQLException {
        return connection.createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, table);
    }

    static void clear(DuckDBConnection connection) throws SQLException {
        for (String table : List.of(KEYS, ROWS, SESSIONS, SESSION_IDS, VISITOR_IDS, VISITORS)) {
            Statements.execute(connection, "DELETE FROM " + table);
        }
    }
}
