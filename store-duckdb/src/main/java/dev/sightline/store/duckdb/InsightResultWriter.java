package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.FormVisit;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Saves analysis results inside the caller's transaction on the writer connection:
 * <ol>
 *   <li>stages the analysed page views in a temporary table, leaving out those deleted meanwhile;</li>
 *   <li>deletes what earlier analyses of them produced (events by {@code source_page}, form rows);</li>
 *   <li>upserts their {@code insight_page_views} rows and appends the new events and form rows;</li>
 *   <li>recounts the touched sessions' {@code session_insights} from their events;</li>
 *   <li>clears each page view's pending marks if there are still as many as the analysis read.</li>
 * </ol>
 * Deletes and recounts are bounded by time (a day before the earliest session start involved) so
 * zone maps skip older row groups.
 */
final class InsightResultWriter {

    private static final long DAY_MICROS = 86_400_000_000L;

    private static final String STAGE = """
            CREATE TEMP TABLE IF NOT EXISTS insight_stage (
                page_view_key VARCHAR, project_id VARCHAR, session_id VARCHAR, page_number INTEGER,
                session_key VARCHAR, marks BIGINT, started_at TIMESTAMP, page_key VARCHAR, device_class VARCHAR,
                bot BOOLEAN, scroll_reversals INTEGER)""";

    private static final String MATCHES_STAGE = """
            t.project_id = s.project_id AND t.session_id = s.session_id AND t.%s = s.page_number""";

    private static final String COUNTS = Arrays.stream(InsightKind.values())
            .map(k -> "count(*) FILTER (WHERE kind = '" + k.name() + "') AS " + InsightSchema.countColumn(k))
            .collect(Collectors.joining(", "));

    private static final String COUNT_VALUES = Arrays.stream(InsightKind.values())
            .map(k -> "coalesce(c." + InsightSchema.countColumn(k) + ", 0)")
            .collect(Collectors.joining(", "));

    private static final String COUNT_UPDATES = Arrays.stream(InsightKind.values())
            .map(k -> InsightSchema.countColumn(k) + " = excluded." + InsightSchema.countColumn(k))
            .collect(Collectors.joining(", "));

    private static final String RECOUNT = """
            INSERT INTO session_insights
            SELECT t.session_key, t.project_id, t.session_id, %s
            FROM (SELECT DISTINCT session_key, project_id, session_id FROM insight_stage) t
            LEFT JOIN (
                SELECT project_id, session_id, %s FROM insight_events
                WHERE ts >= make_timestamp(?::BIGINT)
                  AND session_id IN (SELECT session_id FROM insight_stage)
                GROUP BY project_id, session_id) c
              ON c.project_id = t.project_id AND c.session_id = t.session_id
            ON CONFLICT (session_key) DO UPDATE SET %s""".formatted(COUNT_VALUES, COUNTS, COUNT_UPDATES);

    private static final String UPSERT_PAGE_VIEWS = """
            INSERT INTO insight_page_views
            SELECT page_view_key, project_id, session_id, page_number, started_at, page_key,
                   device_class::device_class, bot, scroll_reversals
            FROM insight_stage
            ON CONFLICT (page_view_key) DO UPDATE SET started_at = excluded.started_at, page_key = excluded.page_key,
                device_class = excluded.device_class, bot = excluded.bot, scroll_reversals = excluded.scroll_reversals""";

    private static final String CLEAR_MARKS = """
            DELETE FROM insight_pending
            WHERE page_view_key IN (
                SELECT s.page_view_key FROM insight_stage s
                JOIN (SELECT page_view_key, count(*) AS marks FROM insight_pending
                      WHERE page_view_key IN (SELECT page_view_key FROM insight_stage)
                      GROUP BY page_view_key) p
                  ON p.page_view_key = s.page_view_key AND p.marks = s.marks)""";

    private static final String ERASED = """
            SELECT s.page_view_key FROM insight_stage s
            WHERE NOT EXISTS (
                SELECT 1 FROM page_views t
                WHERE t.first_received_at >= make_timestamp(?::BIGINT) AND %s)""".formatted(MATCHES_STAGE.formatted("page_number"));

    private InsightResultWriter() {
    }

    static void save(DuckDBConnection connection, List<PageInsights> analysed) throws SQLException {
        if (analysed.isEmpty()) {
            return;
        }
        Statements.execute(connection, STAGE);
        Statements.execute(connection, "DELETE FROM insight_stage");
        stage(connection, analysed);
        long bound = earliestSessionStart(connection, analysed) - DAY_MICROS;
        List<PageInsights> results = withoutErased(connection, analysed, bound);
        if (results.isEmpty()) {
            Statements.execute(connection, "DELETE FROM insight_stage");
            return;
        }

        delete(connection, "insight_events", "source_page", "ts", bound);
        delete(connection, "insight_forms", "page_number", "started_at", bound);
        delete(connection, "insight_form_fields", "page_number", "started_at", bound);
        Statements.execute(connection, UPSERT_PAGE_VIEWS);
        appendEvents(connection, results);
        appendForms(connection, results);
        try (PreparedStatement recount = connection.prepareStatement(RECOUNT)) {
            recount.setLong(1, bound);
            recount.execute();
        }
        Statements.execute(connection, CLEAR_MARKS);
        Statements.execute(connection, "DELETE FROM insight_stage");
    }

    private static void stage(DuckDBConnection connection, List<PageInsights> results) throws SQLException {
        Map<String, PageInsights> unique = new LinkedHashMap<>();
        for (PageInsights result : results) {
            PendingPageView page = result.page();
            unique.put(InsightSchema.pageViewKey(page.projectId(), page.sessionId(), page.pageNumber()), result);
        }
        try (DuckDBAppender appender = StageTables.appender(connection, "insight_stage")) {
            for (Map.Entry<String, PageInsights> entry : unique.entrySet()) {
                PageInsights result = entry.getValue();
                PendingPageView page = result.page();
                appender.beginRow().append(entry.getKey()).append(page.projectId()).append(page.sessionId())
                        .append(page.pageNumber()).append(Keys.session(page.projectId(), page.sessionId()))
                        .append(page.marks()).appendEpochMicros(Micros.of(result.startedAt()))
                        .append(result.pageKey()).append(result.deviceClass().name()).append(result.bot())
                        .append(result.scrollReversals())
                        .endRow();
            }
            appender.flush();
        }
    }

    /** The earliest start among the sessions involved, or of the pages if a session is gone. */
    /**
     * The results whose page views are still stored. Retention or an erasure may have deleted a page
     * view between the analysis reading it and this save; its results are dropped (and unstaged), so
     * nothing of a deleted session comes back.
     */
    private static List<PageInsights> withoutErased(DuckDBConnection connection, List<PageInsights> results, long bound)
            throws SQLException {
        Set<String> erased = new HashSet<>();
        try (PreparedStatement gone = connection.prepareStatement(ERASED)) {
            gone.setLong(1, bound);
            try (ResultSet rows = gone.executeQuery()) {
                while (rows.next()) {
                    erased.add(rows.getString(1));
                }
            }
        }
        if (erased.isEmpty()) {
            return results;
        }
        try (PreparedStatement unstage = connection.prepareStatement(
                "DELETE FROM insight_stage WHERE page_view_key = ANY(?)")) {
            unstage.setObject(1, connection.createArrayOf("VARCHAR", erased.toArray()));
            unstage.execute();
        }
        return results.stream().filter(r -> !erased.contains(InsightSchema.pageViewKey(r.page().projectId(),
                r.page().sessionId(), r.page().pageNumber()))).toList();
    }

    private static long earliestSessionStart(DuckDBConnection connection, List<PageInsights> results)
            throws SQLException {
        long earliest = results.stream().mapToLong(r -> Micros.of(r.startedAt())).min().orElseThrow();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT epoch_us(min(started_at)) FROM sessions WHERE session_key IN (SELECT DISTINCT session_key FROM insight_stage)");
             ResultSet rows = select.executeQuery()) {
            if (rows.next() && rows.getObject(1) != null) {
                earliest = Math.min(earliest, rows.getLong(1));
            }
        }
        return earliest;
    }

    private static void delete(DuckDBConnection connection, String table, String pageColumn, String timeColumn,
                               long bound) throws SQLException {
        String sql = "DELETE FROM " + table + " t USING insight_stage s WHERE " + MATCHES_STAGE.formatted(pageColumn)
                + " AND t." + timeColumn + " >= make_timestamp(?::BIGINT)";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, bound);
            delete.execute();
        }
    }

    private static void appendEvents(DuckDBConnection connection, List<PageInsights> results) throws SQLException {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "insight_events")) {
            for (PageInsights result : results) {
                PendingPageView page = result.page();
                for (InsightEvent event : result.events()) {
                    appender.beginRow().append(page.projectId()).append(page.sessionId()).append(event.pageNumber())
                            .appendEpochMicros(Micros.of(event.at())).append(event.kind().name())
                            .append(event.selector()).append(event.pageKey()).append(result.deviceClass().name())
                            .append(event.detail()).append(page.pageNumber()).append(event.value())
                            .append(event.x()).append(event.y()).append(event.relX()).append(event.relY())
                            .append(result.bot())
                            .endRow();
                }
            }
            appender.flush();
        }
    }

    private static void appendForms(DuckDBConnection connection, List<PageInsights> results) throws SQLException {
        try (DuckDBAppender forms = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "insight_forms");
             DuckDBAppender fields = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "insight_form_fields")) {
            for (PageInsights result : results) {
                PendingPageView page = result.page();
                long started = Micros.of(result.startedAt());
                for (FormVisit form : result.forms()) {
                    forms.beginRow().append(page.projectId()).append(page.sessionId()).append(page.pageNumber())
                            .appendEpochMicros(started).append(result.pageKey()).append(result.deviceClass().name())
                            .append(result.bot()).append(form.form()).append(form.started()).append(form.completed())
                            .append(form.lastField())
                            .endRow();
                    for (FormVisit.FieldVisit field : form.fields()) {
                        fields.beginRow().append(page.projectId()).append(page.sessionId()).append(page.pageNumber())
                                .appendEpochMicros(started).append(result.pageKey()).append(result.bot())
                                .append(form.form()).append(field.field()).append(field.fieldType())
                                .append(field.order()).append(field.focusMs()).append(field.changed())
                                .append(field.refilled())
                                .append(form.abandoned() && field.field().equals(form.lastField()))
                                .endRow();
                    }
                }
            }
            forms.flush();
            fields.flush();
        }
    }
}
