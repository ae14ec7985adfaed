package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.export.EventCounts;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of a ClickHouse event store counted as {@link EventCounts} kinds, whatever ClickHouse has
 * merged yet: uploads and facts with {@code FINAL} (a batch written twice counts once), sessions, page
 * views and visitors as distinct keys of {@code batches}, insight results of each page view's latest
 * analysis only ({@link InsightVersions}), and kept sessions not released since.
 */
public final class ClickHouseEventCounts implements EventCounts, AutoCloseable {

    private static final String LATEST_ANALYSIS = "(project_id, session_id, %s, version) IN (SELECT project_id,"
            + " session_id, page_number, max(version) FROM insight_page_views GROUP BY project_id, session_id, page_number)";

    private final ClickHouseDatabase database;

    /** Connects; the tables are the event store's, created by it when missing. */
    public ClickHouseEventCounts(ClickHouseSettings settings) {
        requireNonNull(settings, "settings is null");
        this.database = ClickHouseDatabase.open(settings);
        try {
            ClickHouseSchema.create(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public Map<String, Long> counts() {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("sessions", "SELECT count() AS n FROM (SELECT DISTINCT project_id, session_id FROM batches)");
        queries.put("page_views", "SELECT count() AS n FROM (SELECT DISTINCT project_id, session_id, page_number FROM batches)");
        queries.put("batches", "SELECT count() AS n FROM batches FINAL");
        queries.put("visitors", "SELECT count() AS n FROM (SELECT DISTINCT project_id, visitor_id FROM batches)");
        for (String table : ClickHouseSchema.FACT_TABLES) {
            queries.put(table, "SELECT count() AS n FROM " + table + " FINAL");
        }
        queries.put("page_changes", "SELECT count() AS n FROM page_changes FINAL");
        queries.put("insight_page_views",
                "SELECT count() AS n FROM (SELECT DISTINCT project_id, session_id, page_number FROM insight_page_views)");
        queries.put("insight_events", "SELECT count() AS n FROM insight_events WHERE " + LATEST_ANALYSIS.formatted("source_page"));
        queries.put("insight_forms", "SELECT count() AS n FROM insight_forms WHERE " + LATEST_ANALYSIS.formatted("page_number"));
        queries.put("insight_form_fields",
                "SELECT count() AS n FROM insight_form_fields WHERE " + LATEST_ANALYSIS.formatted("page_number"));
        queries.put("kept_sessions", """
                SELECT count() AS n FROM (SELECT argMax(released, version) AS gone FROM kept_sessions
                GROUP BY project_id, session_id) WHERE gone = 0""");
        Map<String, Long> counts = new LinkedHashMap<>();
        queries.forEach((kind, sql) -> counts.put(kind, database.query(sql).get(0).get("n").asLong()));
        return counts;
    }

    @Override
    public void close() {
        database.close();
    }
}
