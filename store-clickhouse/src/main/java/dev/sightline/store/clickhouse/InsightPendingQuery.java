package dev.sightline.store.clickhouse;

import dev.sightline.contract.insights.PendingPageView;
import java.time.Instant;
import java.util.List;

/**
 * The page views ready for analysis: those with more marks than their latest analysis read. Marks of
 * page views not stored (yet) are skipped: the first upload of a page view marks the one before it,
 * which may arrive later or never.
 */
final class InsightPendingQuery {

    private InsightPendingQuery() {
    }

    static List<PendingPageView> ready(ClickHouseDatabase database, Instant endedBefore, Instant quietBefore,
                                       int limit) {
        return database.query("""
                        SELECT project_id, session_id, page_number, marks, latest, any_ended FROM (
                            SELECT project_id, session_id, page_number, count() AS marks,
                                   max(received_at) AS latest, max(ended) AS any_ended
                            FROM insight_marks FINAL
                            GROUP BY project_id, session_id, page_number
                        ) ANY LEFT JOIN (
                            SELECT project_id, session_id, page_number, argMax(analysed_marks, version) AS analysed
                            FROM insight_page_views GROUP BY project_id, session_id, page_number
                        ) USING (project_id, session_id, page_number)
                        WHERE marks > analysed
                          AND ((any_ended = 1 AND latest < %d) OR latest < %d)
                          AND (project_id, session_id, page_number) IN (
                              SELECT project_id, session_id, page_number FROM batches)
                        ORDER BY latest, session_id, page_number
                        LIMIT %d""".formatted(Sql.micros(endedBefore), Sql.micros(quietBefore), limit))
                .stream()
                .map(row -> new PendingPageView(row.get("project_id").asText(), row.get("session_id").asText(),
                        row.get("page_number").asInt(), row.get("marks").asLong(),
                        Sql.instant(row.get("latest").asLong()), row.get("any_ended").asInt() == 1))
                .toList();
    }
}
