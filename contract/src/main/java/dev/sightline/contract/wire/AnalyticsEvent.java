package dev.sightline.contract.wire;

import java.util.List;
import java.util.Map;

/**
 * One analytics fact sent by the tracker. On the wire each is an array {@code [kind, t, fields...]}
 * whose field order is given by {@code wire-format.json}; the record components below follow that
 * order exactly, and {@code t} is always milliseconds since the page started.
 */
public sealed interface AnalyticsEvent
        permits Page, Click, Scroll, Move, Resize, Visibility, ScriptError, CustomEvent, Tag, Identify,
                Consent, FieldInteraction, FormSubmit, Request {

    /** Milliseconds since the page view started. */
    long t();

    /** The wire kind of each event record, as named in {@code wire-format.json}. */
    Map<String, Class<? extends AnalyticsEvent>> KINDS = Map.ofEntries(
            Map.entry("page", Page.class),
            Map.entry("click", Click.class),
            Map.entry("scroll", Scroll.class),
            Map.entry("move", Move.class),
            Map.entry("resize", Resize.class),
            Map.entry("visibility", Visibility.class),
            Map.entry("error", ScriptError.class),
            Map.entry("event", CustomEvent.class),
            Map.entry("tag", Tag.class),
            Map.entry("identify", Identify.class),
            Map.entry("consent", Consent.class),
            Map.entry("field", FieldInteraction.class),
            Map.entry("submit", FormSubmit.class),
            Map.entry("request", Request.class));

    /** Kinds that show a person is active on the page (used for active time). */
    List<Class<? extends AnalyticsEvent>> INTERACTIONS =
            List.of(Click.class, Scroll.class, Move.class, FieldInteraction.class, FormSubmit.class);
}
