package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.CustomEvent;
import dev.sightline.contract.wire.FieldInteraction;
import dev.sightline.contract.wire.FormSubmit;
import dev.sightline.contract.wire.Move;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.Resize;
import dev.sightline.contract.wire.ScriptError;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.contract.wire.Tag;
import dev.sightline.contract.wire.Visibility;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fact-table rows of batches: which event kind goes to which table of {@link ClickHouseSchema},
 * and how its fields map to the columns. Page, identify and consent events have no table: what they
 * say is kept on the batch row.
 */
final class FactRows {

    private FactRows() {
    }

    /** The rows of each fact table for these batches, by table name. */
    static Map<String, List<ObjectNode>> of(List<BatchRows> batches) {
        Map<String, List<ObjectNode>> byTable = new LinkedHashMap<>();
        for (BatchRows batch : batches) {
            List<AnalyticsEvent> events = batch.events();
            for (int index = 0; index < events.size(); index++) {
                AnalyticsEvent event = events.get(index);
                String table = tableOf(event);
                if (table != null) {
                    ObjectNode row = common(batch, index, event);
                    ownColumns(row, event, batch);
                    byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
                }
            }
        }
        return byTable;
    }

    private static String tableOf(AnalyticsEvent event) {
        FactTable<?> table = BY_TYPE.get(event.getClass());
        return table == null ? null : table.name();
    }

    private static ObjectNode common(BatchRows batch, int index, AnalyticsEvent event) {
        ObjectNode row = ClickHouseDatabase.row();
        row.put("project_id", batch.key().projectId());
        row.put("session_id", batch.key().sessionId());
        row.put("page_number", batch.key().pageNumber());
        row.put("sequence", batch.key().sequence());
        row.put("event_index", index);
        row.put("ts", Sql.micros(batch.timeOf(event)));
        row.put("page_key", batch.page().pageKey());
        row.put("device_class", batch.visit().deviceClass().name());
        return row;
    }

    private static void ownColumns(ObjectNode row, AnalyticsEvent event, BatchRows batch) {
        BY_TYPE.get(event.getClass()).fill(row, event, batch);
    }

    /** One fact table: its name, the event kind it holds, and how that kind's fields fill its own columns. */
    private record FactTable<E extends AnalyticsEvent>(String name, Class<E> type, Columns<E> columns) {
        void fill(ObjectNode row, AnalyticsEvent event, BatchRows batch) {
            columns.fill(row, type.cast(event), batch);
        }
    }

    @FunctionalInterface
    private interface Columns<E> {
        void fill(ObjectNode row, E event, BatchRows batch);
    }

    private static final List<FactTable<?>> ALL = List.of(
            new FactTable<>("clicks", Click.class, (row, e, batch) -> row
                    .put("viewport_w", batch.page().viewportWidth()).put("x", e.x()).put("y", e.y())
                    .put("selector", text(e.selector())).put("rel_x", e.relX()).put("rel_y", e.relY())
                    .put("tag", text(e.tag())).put("text", text(e.text())).put("flags", e.flags())
                    .put("width", e.width()).put("height", e.height())),
            new FactTable<>("scrolls", Scroll.class, (row, e, batch) -> row.put("x", e.x()).put("y", e.y())
                    .put("document_height", e.documentHeight()).put("viewport_height", e.viewportHeight())),
            new FactTable<>("moves", Move.class, (row, e, batch) -> row
                    .put("viewport_w", batch.page().viewportWidth()).put("x", e.x()).put("y", e.y())
                    .put("selector", text(e.selector())).put("rel_x", e.relX()).put("rel_y", e.relY())),
            new FactTable<>("errors", ScriptError.class, (row, e, batch) -> row.put("message", text(e.message()))
                    .put("source", text(e.source())).put("line", e.line()).put("col", e.column())
                    .put("kind", e.kind())),
            new FactTable<>("custom_events", CustomEvent.class, (row, e, batch) -> row.put("name", text(e.name()))),
            new FactTable<>("tags", Tag.class, (row, e, batch) -> row.put("tag_key", text(e.key()))
                    .put("tag_value", text(e.value()))),
            new FactTable<>("fields", FieldInteraction.class, (row, e, batch) -> row.put("action", e.action())
                    .put("selector", text(e.selector())).put("form", text(e.form()))
                    .put("field_type", text(e.fieldType()))),
            new FactTable<>("form_submits", FormSubmit.class, (row, e, batch) -> row.put("form", text(e.form()))),
            new FactTable<>("requests", Request.class, (row, e, batch) -> { }),
            new FactTable<>("resizes", Resize.class, (row, e, batch) -> row.put("viewport_w", e.viewportWidth())
                    .put("viewport_h", e.viewportHeight()).put("document_height", e.documentHeight())),
            new FactTable<>("visibility", Visibility.class, (row, e, batch) -> row.put("visible", e.visible())));

    private static final Map<Class<?>, FactTable<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(FactTable::type, Function.identity()));

    /** Wire strings are never null in practice; a null becomes "" rather than failing the insert. */
    private static String text(String value) {
        return value == null ? "" : value;
    }
}
