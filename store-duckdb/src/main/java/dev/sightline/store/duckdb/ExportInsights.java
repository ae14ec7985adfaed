package dev.sightline.store.duckdb;

import static dev.sightline.store.duckdb.DuckDbEventExport.IN_SESSIONS;
import static dev.sightline.store.duckdb.DuckDbEventExport.select;

import dev.sightline.contract.export.ExportedAnalysis;
import dev.sightline.contract.insights.FormVisit;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import dev.sightline.contract.store.DeviceClass;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;

/**
 * The insight results of {@link InsightSchema} read back as the {@link PageInsights} they were saved
 * from: one per row of {@code insight_page_views}, with the events it produced ({@code source_page}) and
 * its forms and fields.
 */
final class ExportInsights {

    private ExportInsights() {
    }

    private record Page(String sessionId, int pageNumber, long startedMicros, String pageKey, DeviceClass device,
                        boolean bot, int scrollReversals) {
    }

    private record Form(String form, boolean started, boolean completed, String lastField) {
    }

    static List<ExportedAnalysis> read(DuckDBConnection c, String projectId, List<String> ids) throws SQLException {
        Map<String, Page> pages = new LinkedHashMap<>();
        select(c, """
                SELECT session_id, page_number, epoch_us(started_at), page_key, device_class, bot, scroll_reversals
                FROM insight_page_views WHERE %s ORDER BY session_id, page_number""".formatted(IN_SESSIONS), projectId, ids,
                r -> pages.put(r.getString(1) + "#" + r.getInt(2), new Page(r.getString(1), r.getInt(2), r.getLong(3),
                        r.getString(4), DeviceClass.valueOf(r.getString(5)), r.getBoolean(6), r.getInt(7))));
        Map<String, List<InsightEvent>> events = new HashMap<>();
        select(c, """
                SELECT session_id, source_page, kind, page_number, epoch_us(ts), selector, page_key, value, detail,
                       x, y, rel_x, rel_y
                FROM insight_events WHERE %s ORDER BY session_id, source_page, rowid""".formatted(IN_SESSIONS), projectId, ids,
                r -> events.computeIfAbsent(r.getString(1) + "#" + r.getInt(2), k -> new ArrayList<>())
                        .add(new InsightEvent(InsightKind.valueOf(r.getString(3)), r.getInt(4), Micros.toInstant(r.getLong(5)),
                                r.getString(6), r.getString(7), r.getInt(8), r.getString(9), r.getInt(10), r.getInt(11),
                                r.getInt(12), r.getInt(13))));
        Map<String, List<Form>> forms = new HashMap<>();
        select(c, """
                SELECT session_id, page_number, form, started, completed, last_field
                FROM insight_forms WHERE %s ORDER BY session_id, page_number, rowid""".formatted(IN_SESSIONS), projectId, ids,
                r -> forms.computeIfAbsent(r.getString(1) + "#" + r.getInt(2), k -> new ArrayList<>())
                        .add(new Form(r.getString(3), r.getBoolean(4), r.getBoolean(5), r.getString(6))));
        Map<String, List<FormVisit.FieldVisit>> fields = new HashMap<>();
        select(c, """
                SELECT session_id, page_number, form, field, field_type, first_order, focus_ms, changed, refilled
                FROM insight_form_fields WHERE %s ORDER BY session_id, page_number, form, first_order, rowid"""
                        .formatted(IN_SESSIONS), projectId, ids,
                r -> fields.computeIfAbsent(r.getString(1) + "#" + r.getInt(2) + "#" + r.getString(3), k -> new ArrayList<>())
                        .add(new FormVisit.FieldVisit(r.getString(4), r.getString(5), r.getInt(6), r.getLong(7),
                                r.getBoolean(8), r.getBoolean(9))));
        Set<String> pending = new HashSet<>();
        select(c, "SELECT DISTINCT session_id, page_number FROM insight_pending WHERE " + IN_SESSIONS, projectId, ids,
                r -> pending.add(r.getString(1) + "#" + r.getInt(2)));
        List<ExportedAnalysis> analyses = new ArrayList<>();
        for (Map.Entry<String, Page> entry : pages.entrySet()) {
            Page page = entry.getValue();
            List<FormVisit> visits = forms.getOrDefault(entry.getKey(), List.of()).stream()
                    .map(f -> new FormVisit(f.form(), f.started(), f.completed(), f.lastField(),
                            fields.getOrDefault(entry.getKey() + "#" + f.form(), List.of())))
                    .toList();
            PageInsights results = new PageInsights(new PendingPageView(projectId, page.sessionId(), page.pageNumber(), 0,
                    Micros.toInstant(page.startedMicros()), true), Micros.toInstant(page.startedMicros()), page.pageKey(),
                    page.device(), page.bot(), page.scrollReversals(), events.getOrDefault(entry.getKey(), List.of()), visits);
            analyses.add(new ExportedAnalysis(results, pending.contains(entry.getKey())));
        }
        return List.copyOf(analyses);
    }
}
