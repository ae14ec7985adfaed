package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.insights.FormReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per form and field: views, starts, completions, abandonment, time and refills, over a window of page views. */
final class FormReportQuery {

    static final int MAX_FORMS = 50;

    private record FormKey(String pageKey, String form) {
    }

    private FormReportQuery() {
    }

    static List<FormReport> run(ClickHouseDatabase database, String projectId, Instant from, Instant to) {
        String window = "project_id = %s AND bot = 0 AND started_at >= %d AND started_at < %d"
                .formatted(Sql.quote(projectId), Sql.micros(from), Sql.micros(to));
        List<JsonNode> formRows = database.query("""
                SELECT page_key, form, countIf(started = 1) AS starts, countIf(completed = 1) AS completions
                FROM insight_forms WHERE %s AND %s
                GROUP BY page_key, form
                ORDER BY starts DESC, completions DESC, page_key, form LIMIT %d"""
                .formatted(window, InsightVersions.latest(projectId, "page_number"), MAX_FORMS));
        if (formRows.isEmpty()) {
            return List.of();
        }
        Map<String, Long> views = new HashMap<>();
        for (JsonNode row : database.query("""
                SELECT page_key, count() AS views FROM insight_page_views FINAL
                WHERE %s AND page_key IN %s GROUP BY page_key""".formatted(window,
                Sql.list(formRows.stream().map(r -> r.get("page_key").asText()).distinct().toList())))) {
            views.put(row.get("page_key").asText(), row.get("views").asLong());
        }
        Map<FormKey, List<FormReport.FieldReport>> fields = new HashMap<>();
        for (JsonNode row : database.query("""
                SELECT page_key, form, field, any(field_type) AS type, count() AS interactions,
                       countIf(abandoned = 1) AS abandonments,
                       arraySort(groupArrayIf(focus_ms, focus_ms > 0)) AS focused, length(focused) AS focused_count,
                       if(focused_count = 0, 0,
                          (focused[intDiv(focused_count + 1, 2)] + focused[intDiv(focused_count, 2) + 1]) / 2)
                           AS median_focus,
                       countIf(refilled = 1) AS refills, avg(first_order) AS position
                FROM insight_form_fields WHERE %s AND %s
                GROUP BY page_key, form, field
                ORDER BY page_key, form, position, field""".formatted(window,
                InsightVersions.latest(projectId, "page_number")))) {
            fields.computeIfAbsent(new FormKey(row.get("page_key").asText(), row.get("form").asText()),
                    k -> new ArrayList<>()).add(new FormReport.FieldReport(row.get("field").asText(),
                    row.get("type").asText(), row.get("interactions").asLong(), row.get("abandonments").asLong(),
                    Math.round(row.get("median_focus").asDouble()), row.get("refills").asLong()));
        }
        return formRows.stream().map(row -> {
            FormKey key = new FormKey(row.get("page_key").asText(), row.get("form").asText());
            return new FormReport(key.pageKey(), key.form(), views.getOrDefault(key.pageKey(), 0L),
                    row.get("starts").asLong(), row.get("completions").asLong(), fields.getOrDefault(key, List.of()));
        }).toList();
    }
}
