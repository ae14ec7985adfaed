package dev.sightline.store.duckdb;

import dev.sightline.contract.store.BatchKey;
import dev.sightline.contract.store.BatchRows;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Records batch keys and tells which were new. The keys are staged, the ones already in
 * {@code batches} (received since the {@link WriteBound}) are taken out of the stage, and the rest are
 * inserted; the primary key refuses a key that exists before the bound, which makes the write retry
 * unbounded.
 */
final class BatchKeyClaim {

    private static final String TAKE_OUT_KNOWN = """
            DELETE FROM stage_keys USING batches b
            WHERE b.project_id = stage_keys.project_id AND b.session_id = stage_keys.session_id
              AND b.page_number = stage_keys.page_number AND b.sequence = stage_keys.sequence
              AND b.received_at >= make_timestamp(?::BIGINT)
            RETURNING stage_keys.project_id, stage_keys.session_id, stage_keys.page_number, stage_keys.sequence""";

    private static final String RECORD_NEW = """
            INSERT INTO batches SELECT project_id, session_id, page_number, sequence, received_at FROM stage_keys""";

    private BatchKeyClaim() {
    }

    /** The batches (keys unique among themselves) whose keys were not recorded before, in the given order. */
    static List<BatchRows> claim(DuckDBConnection connection, Collection<BatchRows> batches, WriteBound bound)
            throws SQLException {
        try (DuckDBAppender appender = StageTables.appender(connection, StageTables.KEYS)) {
            for (BatchRows batch : batches) {
                BatchKey key = batch.key();
                appender.beginRow().append(key.projectId()).append(key.sessionId()).append(key.pageNumber())
                        .append(key.sequence()).appendEpochMicros(Micros.of(batch.receivedAt())).endRow();
            }
            appender.flush();
        }
        Set<BatchKey> known = new HashSet<>();
        try (PreparedStatement takeOut = connection.prepareStatement(TAKE_OUT_KNOWN)) {
            takeOut.setLong(1, bound.micros());
            try (ResultSet rows = takeOut.executeQuery()) {
                while (rows.next()) {
                    known.add(new BatchKey(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4)));
                }
            }
        }
        List<BatchRows> fresh = new ArrayList<>(batches.size() - known.size());
        for (BatchRows batch : batches) {
            if (!known.contains(batch.key())) {
                fresh.add(batch);
            }
        }
        if (!fresh.isEmpty()) {
            Statements.execute(connection, RECORD_NEW);
        }
        return fresh;
    }
}
