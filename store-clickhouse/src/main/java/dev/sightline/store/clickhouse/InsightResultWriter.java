package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.insights.FormVisit;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Saves analysis results without updating or deleting anything: each analysed page view gets a new
 * version; its events and form rows are appended under that version, then its {@code insight_page_views}
 * row, which makes them the page view's current results ({@link InsightVersions}) and records how many
 * marks the analysis read. A page view marked again since then has more marks and stays pending.
 *
 * <p>Page views no longer stored (retention or an erasure deleted them after the analysis read them)
 * are left out, so nothing of a deleted session comes back. A deletion that starts between that check
 * and the inserts can still leave results behind; ClickHouse has no transaction to close that gap.
 *
 * <p>Written in that order, a save interrupted half way leaves rows of a version no page view points at,
 * which nobody reads; the page view stays pending and is analysed again.
 */
final class InsightResultWriter {

    private InsightResultWriter() {
    }

    static void save(ClickHouseDatabase database, Versions versions, List<PageInsights> results) {
        record PageView(String projectId, String sessionId, int pageNumber) {
        }
        Map<PageView, PageInsights> unique = new LinkedHashMap<>();
        for (PageInsights result : results) {
            PendingPageView page = result.page();
            unique.put(new PageView(page.projectId(), page.sessionId(), page.pageNumber()), result);
        }
        Set<PageView> stored = new HashSet<>();
        unique.keySet().stream().collect(Collectors.groupingBy(PageView::projectId)).forEach((project, views) -> {
            String sql = "SELECT DISTINCT session_id, page_number FROM batches WHERE project_id = " + Sql.quote(project)
                    + " AND session_id IN " + Sql.list(views.stream().map(PageView::sessionId).distinct().toList());
            for (JsonNode row : database.query(sql)) {
                stored.add(new PageView(project, row.get("session_id").asText(), row.get("page_number").asInt()));
            }
        });
        unique.keySet().retainAll(stored);
        List<ObjectNode> pageViews = new ArrayList<>();
        List<ObjectNode> events = new ArrayList<>();
        List<ObjectNode> forms = new ArrayList<>();
        List<ObjectNode> fields = new ArrayList<>();
        for (PageInsights result : unique.values()) {
            long version = versions.next();
            PendingPageView page = result.page();
            long started = Sql.micros(result.startedAt());
            pageViews.add(ClickHouseDatabase.row().put("project_id", page.projectId())
                    .put("session_id", page.sessionId()).put("page_number", page.pageNumber()).put("version", version)
                    .put("analysed_marks", page.marks()).put("started_at", started).put("page_key", result.pageKey())
                    .put("device_class", result.deviceClass().name()).put("bot", result.bot() ? 1 : 0)
                    .put("scroll_reversals", result.scrollReversals()));
            List<InsightEvent> found = result.events();
            for (int index = 0; index < found.size(); index++) {
                InsightEvent event = found.get(index);
                events.add(ClickHouseDatabase.row().put("project_id", page.projectId())
                        .put("session_id", page.sessionId()).put("page_number", event.pageNumber())
                        .put("ts", Sql.micros(event.at())).put("kind", event.kind().name())
                        .put("selector", event.selector()).put("page_key", event.pageKey())
                        .put("device_class", result.deviceClass().name()).put("detail", event.detail())
                        .put("source_page", page.pageNumber()).put("version", version).put("event_index", index)
                        .put("value", event.value()).put("x", event.x()).put("y", event.y())
                        .put("rel_x", event.relX()).put("rel_y", event.relY()).put("bot", result.bot() ? 1 : 0));
            }
            for (FormVisit form : result.forms()) {
                forms.add(formRow(page, version, started, result).put("form", form.form())
                        .put("started", form.started() ? 1 : 0).put("completed", form.completed() ? 1 : 0)
                        .put("last_field", form.lastField()));
                for (FormVisit.FieldVisit field : form.fields()) {
                    fields.add(formRow(page, version, started, result).put("form", form.form())
                            .put("field", field.field()).put("field_type", field.fieldType())
                            .put("first_order", field.order()).put("focus_ms", field.focusMs())
                            .put("changed", field.changed() ? 1 : 0).put("refilled", field.refilled() ? 1 : 0)
                            .put("abandoned", form.abandoned() && field.field().equals(form.lastField()) ? 1 : 0));
                }
            }
        }
        database.insert("insight_events", events);
        database.insert("insight_forms", forms);
        database.insert("insight_form_fields", fields);
        database.insert("insight_page_views", pageViews);
    }

    private static ObjectNode formRow(PendingPageView page, long version, long started, PageInsights result) {
        return ClickHouseDatabase.row().put("project_id", page.projectId()).put("session_id", page.sessionId())
                .put("page_number", page.pageNumber()).put("version", version).put("started_at", started)
                .put("page_key", result.pageKey()).put("bot", result.bot() ? 1 : 0);
    }
}
