package dev.sightline.store.duckdb;

import static dev.sightline.store.duckdb.FactTable.text;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which event kind goes to which fact table, and how its fields map to the columns of
 * {@link EventSchema}. Page, identify and consent events have no table: what they say is kept on the
 * page view and the session.
 */
final class FactTables {

    static final List<FactTable<?>> ALL = List.of(
            new FactTable<>("clicks", Click.class, (a, e, batch) -> a
                    .append(batch.page().viewportWidth()).append(e.x()).append(e.y()).append(text(e.selector()))
                    .append(e.relX()).append(e.relY()).append(text(e.tag())).append(text(e.text()))
                    .append(e.flags()).append(e.width()).append(e.height())),
            new FactTable<>("scrolls", Scroll.class, (a, e, batch) -> a
                    .append(e.x()).append(e.y()).append(e.documentHeight()).append(e.viewportHeight())),
            new FactTable<>("moves", Move.class, (a, e, batch) -> a
                    .append(batch.page().viewportWidth()).append(e.x()).append(e.y()).append(text(e.selector()))
                    .append(e.relX()).append(e.relY())),
            new FactTable<>("errors", ScriptError.class, (a, e, batch) -> a
                    .append(text(e.message())).append(text(e.source())).append(e.line()).append(e.column())
                    .append(e.kind())),
            new FactTable<>("custom_events", CustomEvent.class, (a, e, batch) -> a.append(text(e.name()))),
            new FactTable<>("tags", Tag.class, (a, e, batch) -> a.append(text(e.key())).append(text(e.value()))),
            new FactTable<>("fields", FieldInteraction.class, (a, e, batch) -> a
                    .append(e.action()).append(text(e.selector())).append(text(e.form())).append(text(e.fieldType()))),
            new FactTable<>("form_submits", FormSubmit.class, (a, e, batch) -> a.append(text(e.form()))),
            new FactTable<>("requests", Request.class, (a, e, batch) -> { }),
            new FactTable<>("resizes", Resize.class, (a, e, batch) -> a
                    .append(e.viewportWidth()).append(e.viewportHeight()).append(e.documentHeight())),
            new FactTable<>("visibility", Visibility.class, (a, e, batch) -> a.append(e.visible())));

    private static final Map<Class<?>, FactTable<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(FactTable::type, Function.identity()));

    private FactTables() {
    }

    static Optional<FactTable<?>> of(AnalyticsEvent event) {
        return Optional.ofNullable(BY_TYPE.get(event.getClass()));
    }
}
