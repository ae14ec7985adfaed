package dev.sightline.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Finding old sessions and erasing sessions. Erasure removes every row of the sessions, their batch
 * keys included (so the same batches may be written again), and each visitor left without sessions.
 * A visitor that keeps other sessions keeps its first session too, even when that one was deleted:
 * a returning visitor stays returning after retention removes their earlier visits.
 */
final class SessionRetention {

    private static final String STARTED_BEFORE = """
            SELECT session_id FROM sessions
            WHERE project_id = ? AND started_at < make_timestamp(?::BIGINT)
            ORDER BY started_at, session_id LIMIT ?""";

    private static final String IN_STAGE = " WHERE project_id = ? AND session_id IN (SELECT session_id FROM "
            + StageTables.SESSION_IDS + ")";

    private static final List<String> TABLES_BY_SESSION;

    static {
        List<String> tables = new ArrayList<>(List.of("batches", "sessions", "page_views"));
        tables.addAll(EventSchema.FACT_TABLES);
        tables.add(SecuritySchema.KEPT_SESSIONS);
        tables.addAll(InsightSchema.TABLES_BY_SESSION);
        TABLES_BY_SESSION = List.copyOf(tables);
    }

    private SessionRetention() {
    }

    static List<String> startedBefore(DuckDBConnection connection, String projectId, Instant cutoff, int limit)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(STARTED_BEFORE)) {
            select.setString(1, projectId);
            select.setLong(2, Micros.of(cutoff));
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /** Deletes inside the caller's transaction, on the connection that owns the stage tables. */
    static void delete(DuckDBConnection connection, String projectId, Collection<String> sessionIds)
            throws SQLException {
        try (DuckDBAppender appender = StageTables.appender(connection, StageTables.SESSION_IDS)) {
            for (String id : sessionIds) {
                appender.beginRow().append(id).endRow();
            }
            appender.flush();
        }
        Statements.execute(connection, "INSERT INTO " + StageTables.VISITOR_IDS + " SELECT DISTINCT visitor_id FROM sessions"
                + IN_STAGE, projectId);
        for (String table : TABLES_BY_SESSION) {
            Statements.execute(connection, "DELETE FROM " + table + IN_STAGE, projectId);
        }
        Statements.execute(connection, """
                DELETE FROM visitors
                WHERE project_id = ? AND visitor_id IN (SELECT visitor_id FROM stage_visitor_ids)
                  AND visitor_id NOT IN (
                      SELECT visitor_id FROM sessions
                      WHERE project_id = ? AND visitor_id IN (SELECT visitor_id FROM stage_visitor_ids))""",
                projectId, projectId);
        StageTables.clear(connection);
    }
}
