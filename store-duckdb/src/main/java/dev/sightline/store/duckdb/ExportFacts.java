package dev.sightline.store.duckdb;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The fact tables of {@link EventSchema} read back into the wire events {@link FactTables} wrote them
 * from: the inverse of its column mappings. Columns after the common ones start at index 4 of a row of
 * {@code SELECT session_id, page_number, epoch_us(ts), <columns>}.
 */
final class ExportFacts {

    @FunctionalInterface
    interface Reader {
        AnalyticsEvent read(ResultSet row, long t) throws SQLException;
    }

    /**
     * @param viewportColumn whether the first own column is the page's viewport width when the event came
     *                       (clicks and moves), which the event takes from its upload rather than carrying it
     */
    record Table(String name, String columns, boolean viewportColumn, Reader reader) {
    }

    static final List<Table> ALL = List.of(
            new Table("clicks", "viewport_w, x, y, selector, rel_x, rel_y, tag, text, flags, width, height", true,
                    (r, t) -> new Click(t, r.getInt(5), r.getInt(6), r.getString(7), r.getInt(8), r.getInt(9),
                            r.getString(10), r.getString(11), r.getInt(12), r.getInt(13), r.getInt(14))),
            new Table("scrolls", "x, y, document_height, viewport_height", false,
                    (r, t) -> new Scroll(t, r.getInt(4), r.getInt(5), r.getInt(6), r.getInt(7))),
            new Table("moves", "viewport_w, x, y, selector, rel_x, rel_y", true,
                    (r, t) -> new Move(t, r.getInt(5), r.getInt(6), r.getString(7), r.getInt(8), r.getInt(9))),
            new Table("errors", "message, source, line, col, kind", false,
                    (r, t) -> new ScriptError(t, r.getString(4), r.getString(5), r.getInt(6), r.getInt(7), r.getInt(8))),
            new Table("custom_events", "name", false, (r, t) -> new CustomEvent(t, r.getString(4))),
            new Table("tags", "tag_key, tag_value", false, (r, t) -> new Tag(t, r.getString(4), r.getString(5))),
            new Table("fields", "action, selector, form, field_type", false,
                    (r, t) -> new FieldInteraction(t, r.getInt(4), r.getString(5), r.getString(6), r.getString(7))),
            new Table("form_submits", "form", false, (r, t) -> new FormSubmit(t, r.getString(4))),
            new Table("requests", "", false, (r, t) -> new Request(t)),
            new Table("resizes", "viewport_w, viewport_h, document_height", false,
                    (r, t) -> new Resize(t, r.getInt(4), r.getInt(5), r.getInt(6))),
            new Table("visibility", "visible", false, (r, t) -> new Visibility(t, r.getInt(4))));

    private ExportFacts() {
    }
}
