package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.store.Acquisition;
import dev.sightline.contract.store.BatchKey;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.Channel;
import dev.sightline.contract.store.PageViewFacts;
import dev.sightline.contract.store.Visit;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.ScriptError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One {@link dev.sightline.contract.store.EventStore#write} call. ClickHouse has no transactions, so the
 * order of the inserts carries the idempotence:
 * <ol>
 *   <li>the batch keys already in {@code batches} are skipped;</li>
 *   <li>the pending marks of the rest go to {@code insight_marks} first ({@link InsightFacts}); a batch
 *       whose mark is there already was written by a write that stopped before its batch rows: its fact
 *       rows are deleted (a mutation, waited for), so that fact tables never hold an event twice;</li>
 *   <li>the events go to the fact tables, their sessions to {@code visitor_sessions}, their page-change
 *       runs to {@code page_changes};</li>
 *   <li>the batch rows go to {@code batches}: a batch counts as written once its row is there;</li>
 *   <li>the summaries of every session of the call (and of their visitors' other sessions) are recomputed
 *       from {@code batches} ({@link SessionRollups}), those of already-stored batches too.</li>
 * </ol>
 * A write interrupted before its batch rows is written again in full when the log is replayed; the rows
 * it had already inserted into the other tables carry the same sorting keys as their second copies, which
 * the {@code ReplacingMergeTree} tables collapse and {@code FINAL} reads never count twice.
 * One caller at a time.
 */
final class BatchWriter {

    /** Never wins a "lowest order" comparison. */
    static final long NONE_LOW = Long.MAX_VALUE;
    /** Never wins a "highest order" comparison. */
    static final long NONE_HIGH = -1;
    static final int NO_SEQUENCE = Integer.MAX_VALUE;
    /** Keys per lookup statement, well inside ClickHouse's 256 KiB statement limit. */
    private static final int KEYS_PER_LOOKUP = 500;

    private static final Acquisition NO_ACQUISITION = new Acquisition("", "", "", Channel.DIRECT, "", "", "", "", "");

    private final ClickHouseDatabase database;

    BatchWriter(ClickHouseDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    int write(List<BatchRows> batches) {
        requireNonNull(batches, "batches is null");
        Map<BatchKey, BatchRows> unique = new LinkedHashMap<>();
        for (BatchRows batch : batches) {
            unique.putIfAbsent(batch.key(), batch);
        }
        if (unique.isEmpty()) {
            return 0;
        }
        Set<BatchKey> stored = storedKeys(List.copyOf(unique.keySet()));
        List<BatchRows> fresh = unique.values().stream().filter(b -> !stored.contains(b.key())).toList();
        if (!fresh.isEmpty()) {
            Set<BatchKey> retried = markedKeys(fresh.stream().map(BatchRows::key).toList());
            database.insert("insight_marks", InsightFacts.marks(fresh.stream()
                    .filter(b -> !retried.contains(b.key())).toList()));
            removeFacts(retried);
            FactRows.of(fresh).forEach(database::insert);
            database.insert(ClickHouseSchema.VISITOR_SESSIONS, fresh.stream().map(BatchWriter::visitorSession).toList());
            database.insert("page_changes", InsightFacts.pageChanges(fresh));
            database.insert(ClickHouseSchema.BATCHES, fresh.stream().map(BatchWriter::batchRow).toList());
        }
        // also when every batch was stored already: a replay after a crash before the summaries repairs them
        SessionRollups.refresh(database, unique.values());
        return fresh.size();
    }

    private Set<BatchKey> storedKeys(List<BatchKey> keys) {
        Set<BatchKey> stored = new HashSet<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
            List<BatchKey> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP));
            String tuples = chunk.stream()
                    .map(k -> "(" + Sql.quote(k.projectId()) + ", " + Sql.quote(k.sessionId()) + ", "
                            + k.pageNumber() + ", " + k.sequence() + ")")
                    .collect(Collectors.joining(", "));
            for (JsonNode row : database.query("""
                    SELECT project_id, session_id, page_number, sequence FROM batches
                    WHERE (project_id, session_id, page_number, sequence) IN (%s)""".formatted(tuples))) {
                stored.add(new BatchKey(row.get("project_id").asText(), row.get("session_id").asText(),
                        row.get("page_number").asInt(), row.get("sequence").asInt()));
            }
        }
        return stored;
    }

    /**
     * The keys whose pending mark is stored: a write of theirs inserted its marks (its first insert) and
     * stopped before its batch rows.
     */
    private Set<BatchKey> markedKeys(List<BatchKey> keys) {
        Set<BatchKey> marked = new HashSet<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_LOOKUP) {
            List<BatchKey> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_LOOKUP));
            String tuples = chunk.stream()
                    .map(k -> "(" + Sql.quote(k.projectId()) + ", " + Sql.quote(k.sessionId()) + ", "
                            + k.pageNumber() + ", " + k.pageNumber() + ", " + k.sequence() + ")")
                    .collect(Collectors.joining(", "));
            for (JsonNode row : database.query("""
                    SELECT project_id, session_id, batch_page, batch_sequence FROM insight_marks
                    WHERE (project_id, session_id, page_number, batch_page, batch_sequence) IN (%s)""".formatted(tuples))) {
                marked.add(new BatchKey(row.get("project_id").asText(), row.get("session_id").asText(),
                        row.get("batch_page").asInt(), row.get("batch_sequence").asInt()));
            }
        }
        return marked;
    }

    /**
     * Deletes whatever an interrupted write of these batches left in the fact tables, and waits, so that
     * the facts are inserted once: heatmaps aggregate them without {@code FINAL}.
     */
    private void removeFacts(Set<BatchKey> retried) {
        if (retried.isEmpty()) {
            return;
        }
        Map<String, List<BatchKey>> byProject = new LinkedHashMap<>();
        retried.forEach(key -> byProject.computeIfAbsent(key.projectId(), p -> new ArrayList<>()).add(key));
        byProject.forEach((projectId, keys) -> {
            String tuples = keys.stream()
                    .map(k -> "(" + Sql.quote(k.sessionId()) + ", " + k.pageNumber() + ", " + k.sequence() + ")")
                    .collect(Collectors.joining(", "));
            for (String table : ClickHouseSchema.FACT_TABLES) {
                database.execute("ALTER TABLE " + table + " DELETE WHERE project_id = " + Sql.quote(projectId)
                        + " AND (session_id, page_number, sequence) IN (" + tuples + ")");
            }
        });
        database.awaitMutations();
    }

    /** Orders batches within a session: by page number, then sequence (both never negative). */
    static long batchOrder(BatchKey key) {
        return ((long) key.pageNumber() << 32) | (key.sequence() & 0xFFFF_FFFFL);
    }

    private static ObjectNode visitorSession(BatchRows batch) {
        return ClickHouseDatabase.row().put("project_id", batch.key().projectId())
                .put("visitor_id", batch.visitorId()).put("session_id", batch.key().sessionId())
                .put("started_at", Sql.micros(batch.page().startedAt()));
    }

    private static ObjectNode batchRow(BatchRows batch) {
        long order = batchOrder(batch.key());
        int sequence = batch.key().sequence();
        PageViewFacts page = batch.page();
        Visit visit = batch.visit();
        Acquisition acquisition = batch.acquisition().orElse(NO_ACQUISITION);
        return ClickHouseDatabase.row()
                .put("project_id", batch.key().projectId())
                .put("session_id", batch.key().sessionId())
                .put("page_number", batch.key().pageNumber())
                .put("sequence", sequence)
                .put("batch_order", order)
                .put("received_at", Sql.micros(batch.receivedAt()))
                .put("visitor_id", batch.visitorId())
                .put("url", page.url())
                .put("page_key", page.pageKey())
                .put("title", page.title())
                .put("title_sequence", page.title().isEmpty() ? NO_SEQUENCE : sequence)
                .put("page_referrer", page.referrer())
                .put("referrer_sequence", page.referrer().isEmpty() ? NO_SEQUENCE : sequence)
                .put("started_at", Sql.micros(page.startedAt()))
                .put("last_seen_at", Sql.micros(page.lastSeenAt()))
                .put("active_ms", page.activeMs())
                .put("max_scroll_permille", page.maxScrollPermille())
                .put("viewport_w", page.viewportWidth())
                .put("viewport_h", page.viewportHeight())
                .put("document_height", page.documentHeight())
                .put("ended", page.ended() ? 1 : 0)
                .put("device_class", visit.deviceClass().name())
                .put("browser", visit.browser())
                .put("browser_version", visit.browserVersion())
                .put("os", visit.os())
                .put("country", visit.country())
                .put("bot", visit.bot() ? 1 : 0)
                .put("acquisition_order", batch.acquisition().isPresent() ? order : NONE_LOW)
                .put("entry_url", acquisition.landingUrl())
                .put("referrer", acquisition.referrer())
                .put("referrer_host", acquisition.referrerHost())
                .put("channel", acquisition.channel().name())
                .put("utm_source", acquisition.utmSource())
                .put("utm_medium", acquisition.utmMedium())
                .put("utm_campaign", acquisition.utmCampaign())
                .put("utm_term", acquisition.utmTerm())
                .put("utm_content", acquisition.utmContent())
                .put("user_order", batch.userHash().isPresent() ? order : NONE_HIGH)
                .put("user_hash", batch.userHash().orElse(""))
                .put("clicks", count(batch.events(), Click.class))
                .put("errors", count(batch.events(), ScriptError.class));
    }

    private static int count(List<AnalyticsEvent> events, Class<? extends AnalyticsEvent> kind) {
        int count = 0;
        for (AnalyticsEvent event : events) {
            if (kind.isInstance(event)) {
                count++;
            }
        }
        return count;
    }
}
