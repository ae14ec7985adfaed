package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.FormReport;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/** Per form and field: views, starts, completions, abandonment, time and refills, over a window of page views. */
final class FormReportQuery {

    static final int MAX_FORMS = 50;

    private static final String WINDOW = """
            project_id = ? AND NOT bot
            AND started_at >= make_timestamp(?::BIGINT) AND started_at < make_timestamp(?::BIGINT)""";

    private static final String FORMS = """
            WITH f AS (
                SELECT page_key, form, count(*) FILTER (WHERE started) AS starts,
                       count(*) FILTER (WHERE completed) AS completions
                FROM insight_forms WHERE %1$s
                GROUP BY page_key, form
                ORDER BY starts DESC, completions DESC, page_key, form LIMIT %2$d),
            v AS (
                SELECT page_key, count(*) AS views FROM insight_page_views
                WHERE %1$s AND page_key IN (SELECT page_key FROM f)
                GROUP BY page_key)
            SELECT f.page_key, f.form, coalesce(v.views, 0), f.starts, f.completions
            FROM f LEFT JOIN v USING (page_key)
            ORDER BY f.starts DESC, f.completions DESC, f.page_key, f.form""".formatted(WINDOW, MAX_FORMS);

    private static final String FIELDS = """
            SELECT page_key, form, field, any_value(field_type), count(*), count(*) FILTER (WHERE abandoned),
                   coalesce(median(focus_ms) FILTER (WHERE focus_ms > 0), 0), count(*) FILTER (WHERE refilled),
                   avg(first_order) AS position
            FROM insight_form_fields WHERE %s
            GROUP BY page_key, form, field
            ORDER BY page_key, form, position, field""".formatted(WINDOW);

    private record FormKey(String pageKey, String form) {
    }

    private FormReportQuery() {
    }

    static List<FormReport> run(DuckDBConnection connection, String projectId, Instant from, Instant to)
            throws SQLException {
        Map<FormKey, FormReport> forms = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(FORMS)) {
            bind(select, 1, projectId, from, to);
            bind(select, 4, projectId, from, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    FormKey key = new FormKey(rows.getString(1), rows.getString(2));
                    forms.put(key, new FormReport(key.pageKey(), key.form(), rows.getLong(3), rows.getLong(4),
                            rows.getLong(5), List.of()));
                }
            }
        }
        Map<FormKey, List<FormReport.FieldReport>> fields = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(FIELDS)) {
            bind(select, 1, projectId, from, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    FormKey key = new FormKey(rows.getString(1), rows.getString(2));
                    if (forms.containsKey(key)) {
                        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(new FormReport.FieldReport(
                                rows.getString(3), rows.getString(4), rows.getLong(5), rows.getLong(6),
                                Math.round(rows.getDouble(7)), rows.getLong(8)));
                    }
                }
            }
        }
        List<FormReport> result = new ArrayList<>(forms.size());
        forms.forEach((key, form) -> result.add(new FormReport(form.pageKey(), form.form(), form.views(), form.starts(),
                form.completions(), fields.getOrDefault(key, List.of()))));
        return result;
    }

    private static void bind(PreparedStatement statement, int first, String projectId, Instant from, Instant to)
            throws SQLException {
        statement.setString(first, projectId);
        statement.setLong(first + 1, Micros.of(from));
        statement.setLong(first + 2, Micros.of(to));
    }
}
