package dev.sightline.store.duckdb;

import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.PageChangeRun;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * What a write adds for insights, inside the write's transaction: the page-change runs of the new
 * batches, and one pending mark per touched page view (so a batch that is stored is always queued for
 * analysis, and a replayed one, skipped as already stored, is not queued twice). The first upload of
 * a page view also marks the page view before it, ended: that one's analysis reads its successor.
 */
final class InsightFacts {

    private record Mark(BatchRows batch, int pageNumber, long receivedMicros, boolean ended) {
    }

    private InsightFacts() {
    }

    private static void mark(Map<String, Mark> marks, BatchRows batch, int pageNumber, boolean ended) {
        String key = InsightSchema.pageViewKey(batch.key().projectId(), batch.key().sessionId(), pageNumber);
        marks.merge(key, new Mark(batch, pageNumber, Micros.of(batch.receivedAt()), ended),
                (a, b) -> new Mark(a.batch(), pageNumber, Math.max(a.receivedMicros(), b.receivedMicros()),
                        a.ended() || b.ended()));
    }

    static void append(DuckDBConnection connection, List<BatchRows> fresh) throws SQLException {
        appendPageChanges(connection, fresh);
        appendMarks(connection, fresh);
    }

    private static void appendPageChanges(DuckDBConnection connection, List<BatchRows> fresh) throws SQLException {
        if (fresh.stream().allMatch(batch -> batch.pageChanges().isEmpty())) {
            return;
        }
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "page_changes")) {
            for (BatchRows batch : fresh) {
                long pageStart = Micros.of(batch.page().startedAt());
                for (PageChangeRun run : batch.pageChanges()) {
                    appender.beginRow()
                            .append(batch.key().projectId()).append(batch.key().sessionId())
                            .append(batch.key().pageNumber())
                            .appendEpochMicros(pageStart + run.t() * 1_000L)
                            .appendEpochMicros(pageStart + run.endT() * 1_000L)
                            .append(run.changes())
                            .endRow();
                }
            }
            appender.flush();
        }
    }

    private static void appendMarks(DuckDBConnection connection, List<BatchRows> fresh) throws SQLException {
        Map<String, Mark> marks = new LinkedHashMap<>();
        for (BatchRows batch : fresh) {
            mark(marks, batch, batch.key().pageNumber(), batch.page().ended());
            if (batch.key().sequence() == 0 && batch.key().pageNumber() > 1) {
                mark(marks, batch, batch.key().pageNumber() - 1, true);
            }
        }
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "insight_pending")) {
            for (Map.Entry<String, Mark> entry : marks.entrySet()) {
                BatchRows batch = entry.getValue().batch();
                appender.beginRow()
                        .append(entry.getKey())
                        .append(batch.key().projectId()).append(batch.key().sessionId())
                        .append(entry.getValue().pageNumber())
                        .appendEpochMicros(entry.getValue().receivedMicros())
                        .append(entry.getValue().ended())
                        .endRow();
            }
            appender.flush();
        }
    }
}
