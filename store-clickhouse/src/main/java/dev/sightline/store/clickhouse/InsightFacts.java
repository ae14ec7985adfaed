package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.PageChangeRun;
import java.util.ArrayList;
import java.util.List;

/**
 * What a write adds for insights: the page-change runs of the new batches, and a pending mark for each
 * page view a batch touches. The first upload of a page view also marks the page view before it, ended:
 * that one's analysis reads its successor. Marks carry the key of the batch that made them, so a batch
 * written again (after an interrupted write) collapses onto its first marks.
 */
final class InsightFacts {

    private InsightFacts() {
    }

    static List<ObjectNode> pageChanges(List<BatchRows> batches) {
        List<ObjectNode> rows = new ArrayList<>();
        for (BatchRows batch : batches) {
            long pageStart = Sql.micros(batch.page().startedAt());
            List<PageChangeRun> runs = batch.pageChanges();
            for (int index = 0; index < runs.size(); index++) {
                PageChangeRun run = runs.get(index);
                rows.add(ClickHouseDatabase.row().put("project_id", batch.key().projectId())
                        .put("session_id", batch.key().sessionId()).put("page_number", batch.key().pageNumber())
                        .put("sequence", batch.key().sequence()).put("run_index", index)
                        .put("ts", pageStart + run.t() * 1_000L).put("end_ts", pageStart + run.endT() * 1_000L)
                        .put("changes", run.changes()));
            }
        }
        return rows;
    }

    static List<ObjectNode> marks(List<BatchRows> batches) {
        List<ObjectNode> rows = new ArrayList<>();
        for (BatchRows batch : batches) {
            rows.add(mark(batch, batch.key().pageNumber(), batch.page().ended()));
            if (batch.key().sequence() == 0 && batch.key().pageNumber() > 1) {
                rows.add(mark(batch, batch.key().pageNumber() - 1, true));
            }
        }
        return rows;
    }

    private static ObjectNode mark(BatchRows batch, int pageNumber, boolean ended) {
        return ClickHouseDatabase.row().put("project_id", batch.key().projectId())
                .put("session_id", batch.key().sessionId()).put("page_number", pageNumber)
                .put("batch_page", batch.key().pageNumber()).put("batch_sequence", batch.key().sequence())
                .put("received_at", Sql.micros(batch.receivedAt())).put("ended", ended ? 1 : 0);
    }
}
