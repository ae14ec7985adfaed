package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Finding old sessions and erasing sessions. Erasure drops the month partitions that hold only the
 * deleted sessions' rows and runs an {@code ALTER TABLE … DELETE} mutation on every table that holds
 * rows of sessions, waited for, so the batch keys are gone too (the same batches may be written again). A visitor's {@code visitor_sessions} rows go only when the visitor
 * has no session left: a returning visitor stays returning after retention removes earlier visits.
 */
final class SessionRetention {

    /** Every table with a row per session, batch or event, by project and session id. */
    static final List<String> TABLES_BY_SESSION;

    static {
        List<String> tables = new ArrayList<>(List.of(ClickHouseSchema.BATCHES));
        tables.addAll(ClickHouseSchema.FACT_TABLES);
        tables.add(ClickHouseSchema.KEPT_SESSIONS);
        tables.add(ClickHouseSchema.SESSION_SUMMARIES);
        tables.add(ClickHouseSchema.PAGE_VIEW_SUMMARIES);
        tables.addAll(ClickHouseSchema.INSIGHT_TABLES_BY_SESSION);
        TABLES_BY_SESSION = List.copyOf(tables);
    }

    private SessionRetention() {
    }

    static List<String> startedBefore(ClickHouseDatabase database, String projectId, Instant cutoff, int limit) {
        if (limit == 0) {
            return List.of();
        }
        return ids(database.query("""
                SELECT session_id, min(started_at) AS session_start FROM batches FINAL
                WHERE project_id = %s AND %s
                GROUP BY session_id HAVING session_start < %d
                ORDER BY session_start, session_id LIMIT %d""".formatted(Sql.quote(projectId),
                SessionSummaries.mayHaveStartedBefore(projectId, Sql.micros(cutoff)), Sql.micros(cutoff), limit)));
    }

    static void delete(ClickHouseDatabase database, String projectId, Collection<String> sessionIds) {
        String project = Sql.quote(projectId);
        String sessions = Sql.list(sessionIds);
        for (String table : TABLES_BY_SESSION) {
            dropWholeMonths(database, table, "project_id = " + project + " AND session_id IN " + sessions);
        }
        for (String table : TABLES_BY_SESSION) {
            database.execute("ALTER TABLE " + table + " DELETE WHERE project_id = " + project
                    + " AND session_id IN " + sessions);
        }
        database.awaitMutations();
        // Visitors left without sessions, found by a subquery so that no visitor id is written into the
        // mutation's text, which ClickHouse keeps on disk.
        database.execute("ALTER TABLE " + ClickHouseSchema.VISITOR_SESSIONS + " DELETE WHERE project_id = " + project
                + " AND visitor_id NOT IN (SELECT visitor_id FROM " + ClickHouseSchema.BATCHES + " WHERE project_id = "
                + project + ")");
        database.awaitMutations();
    }

    /**
     * Drops the month partitions of the table that hold nothing but doomed rows (retention of the oldest
     * months, mostly): a partition drop is immediate and leaves no part behind, where a mutation rewrites
     * the parts. Months only partly doomed are left to the mutation.
     */
    private static void dropWholeMonths(ClickHouseDatabase database, String table, String doomed) {
        String timeColumn = ClickHouseSchema.PARTITION_TIME.get(table);
        if (timeColumn == null) {
            return;
        }
        String month = ClickHouseSchema.monthOf(timeColumn);
        for (JsonNode row : database.query("""
                SELECT %1$s AS month, count() AS all_rows, countIf(%2$s) AS doomed_rows FROM %3$s
                WHERE month IN (SELECT DISTINCT %1$s FROM %3$s WHERE %2$s)
                GROUP BY month HAVING all_rows = doomed_rows""".formatted(month, doomed, table))) {
            database.execute("ALTER TABLE " + table + " DROP PARTITION " + row.get("month").asLong());
        }
    }

    static List<String> ids(List<JsonNode> rows) {
        return rows.stream().map(row -> row.get("session_id").asText()).toList();
    }
}
