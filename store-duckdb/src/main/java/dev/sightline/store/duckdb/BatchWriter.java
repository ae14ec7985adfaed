package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.store.BatchKey;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * One {@link dev.sightline.contract.store.EventStore#write} call: a single transaction on the writer
 * connection that
 * <ol>
 *   <li>records the batch keys and keeps only batches not seen before ({@link BatchKeyClaim});</li>
 *   <li>stages those batches ({@link BatchStage});</li>
 *   <li>merges page views, learning which are new ({@link MergeStatements#PAGE_VIEWS});</li>
 *   <li>decides new-versus-returning for the touched sessions ({@link NewVisitors});</li>
 *   <li>merges sessions ({@link MergeStatements#SESSIONS});</li>
 *   <li>appends the events to the fact tables ({@link FactWriter});</li>
 *   <li>appends page-change runs and marks the page views for insights analysis ({@link InsightFacts});</li>
 * </ol>
 * and commits. Anything failing rolls all of it back, appended rows included. The joins read back
 * only to the {@link WriteBound}; if that makes a key look new that is not, its primary key fails the
 * transaction and the write runs once more, unbounded. Not thread-safe: one caller at a time.
 */
final class BatchWriter {

    private final DuckDBConnection connection;

    BatchWriter(DuckDBConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    int write(List<BatchRows> batches) {
        requireNonNull(batches, "batches is null");
        if (batches.isEmpty()) {
            return 0;
        }
        Map<BatchKey, BatchRows> unique = new LinkedHashMap<>();
        for (BatchRows batch : batches) {
            unique.putIfAbsent(batch.key(), batch);
        }
        Collection<BatchRows> distinct = unique.values();
        try {
            return writeWithin(distinct, WriteBound.of(distinct));
        } catch (StoreException bounded) {
            try {
                return writeWithin(distinct, WriteBound.UNBOUNDED);
            } catch (RuntimeException unbounded) {
                unbounded.addSuppressed(bounded);
                throw unbounded;
            }
        }
    }

    private int writeWithin(Collection<BatchRows> batches, WriteBound bound) {
        return Transactions.run(connection, "writing " + batches.size() + " batches", c -> {
            List<BatchRows> fresh = BatchKeyClaim.claim(c, batches, bound);
            if (!fresh.isEmpty()) {
                merge(c, fresh, bound);
                FactWriter.append(c, fresh);
                InsightFacts.append(c, fresh);
            }
            StageTables.clear(c);
            return fresh.size();
        });
    }

    private static void merge(DuckDBConnection c, List<BatchRows> fresh, WriteBound bound) throws SQLException {
        BatchStage.stage(c, fresh);
        Map<String, Integer> newPages = mergePageViews(c, bound);
        NewVisitors.Outcome visitors = NewVisitors.decide(c, sessionChanges(c, fresh, bound));

        try (DuckDBAppender appender = StageTables.appender(c, StageTables.SESSIONS)) {
            for (String sessionKey : sessionKeys(fresh)) {
                appender.beginRow().append(sessionKey).append(newPages.getOrDefault(sessionKey, 0));
                Boolean flag = visitors.flags().get(sessionKey);
                if (flag == null) {
                    appender.appendNull();
                } else {
                    appender.append(flag.booleanValue());
                }
                appender.endRow();
            }
            appender.flush();
        }
        try (PreparedStatement merge = c.prepareStatement(MergeStatements.SESSIONS)) {
            merge.setLong(1, bound.micros());
            merge.execute();
        }
        if (!visitors.displacedSessionKeys().isEmpty()) {
            try (PreparedStatement clear = c.prepareStatement(
                    "UPDATE sessions SET new_visitor = false WHERE session_key = ?")) {
                for (String sessionKey : visitors.displacedSessionKeys()) {
                    clear.setString(1, sessionKey);
                    clear.execute();
                }
            }
        }
    }

    /** Merges page views; returns how many new page views each session got, by session key. */
    private static Map<String, Integer> mergePageViews(DuckDBConnection c, WriteBound bound) throws SQLException {
        Map<String, Integer> newPages = new HashMap<>();
        try (PreparedStatement merge = c.prepareStatement(MergeStatements.PAGE_VIEWS)) {
            merge.setLong(1, bound.micros());
            try (ResultSet rows = merge.executeQuery()) {
                while (rows.next()) {
                    if ("INSERT".equals(rows.getString(1))) {
                        newPages.merge(Keys.session(rows.getString(2), rows.getString(3)), 1, Integer::sum);
                    }
                }
            }
        }
        return newPages;
    }

    /** The touched sessions, with their stored start and visitor where they exist already. */
    private static List<SessionChange> sessionChanges(DuckDBConnection c, List<BatchRows> fresh, WriteBound bound)
            throws SQLException {
        Map<String, String> storedVisitor = new HashMap<>();
        Map<String, Long> storedStart = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(MergeStatements.TOUCHED_SESSIONS)) {
            select.setLong(1, bound.micros());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    storedVisitor.put(rows.getString(1), rows.getString(2));
                    storedStart.put(rows.getString(1), rows.getLong(3));
                }
            }
        }
        Map<String, BatchRows> lowestBatch = new LinkedHashMap<>();
        Map<String, Long> writtenStart = new HashMap<>();
        for (BatchRows batch : fresh) {
            String key = Keys.session(batch.key().projectId(), batch.key().sessionId());
            lowestBatch.merge(key, batch, (a, b) -> BatchStage.batchOrder(a) <= BatchStage.batchOrder(b) ? a : b);
            writtenStart.merge(key, Micros.of(batch.page().startedAt()), Math::min);
        }
        List<SessionChange> changes = new ArrayList<>(lowestBatch.size());
        lowestBatch.forEach((key, batch) -> changes.add(new SessionChange(batch.key().projectId(),
                batch.key().sessionId(), key, storedVisitor.getOrDefault(key, batch.visitorId()),
                storedStart.get(key), writtenStart.get(key))));
        return changes;
    }

    private static Collection<String> sessionKeys(List<BatchRows> fresh) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        for (BatchRows batch : fresh) {
            keys.put(Keys.session(batch.key().projectId(), batch.key().sessionId()), Boolean.TRUE);
        }
        return keys.keySet();
    }
}
