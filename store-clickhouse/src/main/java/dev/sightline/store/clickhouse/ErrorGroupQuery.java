package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.insights.ErrorGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript errors grouped by message and source location, straight from the {@code errors} fact
 * table (so the view is complete even before analysis ran), with the most recent sessions of each.
 */
final class ErrorGroupQuery {

    static final int RECORDINGS_PER_GROUP = 5;

    private record Key(String message, String source, int line, int column) {
        static Key of(JsonNode row) {
            return new Key(row.get("message").asText(), row.get("source").asText(), row.get("line").asInt(),
                    row.get("col").asInt());
        }
    }

    private ErrorGroupQuery() {
    }

    static List<ErrorGroup> run(ClickHouseDatabase database, String projectId, Instant from, Instant to, int limit) {
        String project = Sql.quote(projectId);
        String errors = """
                SELECT message, source, line, col, session_id, ts FROM errors FINAL
                WHERE project_id = %1$s AND ts >= %2$d AND ts < %3$d
                  AND session_id NOT IN (%4$s)"""
                .formatted(project, Sql.micros(from), Sql.micros(to), SessionSummaries.bots(projectId, Sql.micros(from), Sql.micros(to)));
        List<JsonNode> top = database.query("""
                SELECT message, source, line, col, count() AS occurrences, uniqExact(session_id) AS sessions,
                       min(ts) AS first_seen, max(ts) AS last_seen
                FROM (%s) GROUP BY message, source, line, col
                ORDER BY occurrences DESC, message, source, line, col LIMIT %d""".formatted(errors, limit));
        if (top.isEmpty()) {
            return List.of();
        }
        Map<Key, List<ErrorGroup.Recording>> recordings = new HashMap<>();
        for (JsonNode row : database.query("""
                SELECT message, source, line, col, session_id, first_ts, session_start FROM (
                    SELECT message, source, line, col, session_id, min(ts) AS first_ts FROM (%1$s)
                    GROUP BY message, source, line, col, session_id
                    ORDER BY message, source, line, col, first_ts DESC, session_id
                    LIMIT %2$d BY message, source, line, col
                ) ANY LEFT JOIN (
                    SELECT session_id, session_start FROM session_summaries FINAL
                    WHERE project_id = %3$s
                ) USING (session_id)
                ORDER BY first_ts DESC, session_id""".formatted(errors, RECORDINGS_PER_GROUP, project))) {
            recordings.computeIfAbsent(Key.of(row), k -> new ArrayList<>()).add(new ErrorGroup.Recording(
                    row.get("session_id").asText(), Sql.instant(row.get("session_start").asLong()),
                    Sql.instant(row.get("first_ts").asLong())));
        }
        return top.stream().map(row -> new ErrorGroup(row.get("message").asText(), row.get("source").asText(),
                row.get("line").asInt(), row.get("col").asInt(), row.get("occurrences").asLong(),
                row.get("sessions").asLong(), Sql.instant(row.get("first_seen").asLong()),
                Sql.instant(row.get("last_seen").asLong()), recordings.getOrDefault(Key.of(row), List.of()))).toList();
    }
}
