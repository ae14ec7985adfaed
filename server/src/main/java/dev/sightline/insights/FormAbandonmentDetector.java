package dev.sightline.insights;

import dev.sightline.contract.insights.FormVisit;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.FieldInteraction;
import dev.sightline.contract.wire.FormSubmit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a page view used its forms, from field interactions only (values never leave the browser), and
 * form abandonment: a form started (a field focused, typed into or changed) and never submitted in
 * the page view — left at the last field touched. Per field: time focused (focus to blur; a field
 * still focused when the page went quiet counts until the page's last interaction), whether it was
 * changed, and whether it was refilled (changed again after being left with a change). Fields outside
 * any {@code <form>} are left out: they have no submit to complete them. One pass over the events.
 */
final class FormAbandonmentDetector {

    /** A page view's forms and its abandonment events. */
    record Result(List<FormVisit> forms, List<InsightEvent> events) {
    }

    private static final class FieldState {
        final String type;
        final int order;
        long focusedAt = -1;
        long focusMs;
        boolean changed;
        boolean leftChanged;
        boolean refilled;

        FieldState(String type, int order) {
            this.type = type;
            this.order = order;
        }
    }

    private static final class FormState {
        final Map<String, FieldState> fields = new LinkedHashMap<>();
        boolean started;
        boolean completed;
        String lastField = "";
        long lastTouch;
    }

    Result detect(PageActivity activity) {
        Map<String, FormState> forms = new LinkedHashMap<>();
        for (FieldInteraction event : activity.fields()) {
            if (event.form() == null || event.form().isEmpty()) {
                continue;
            }
            FormState form = forms.computeIfAbsent(event.form(), f -> new FormState());
            FieldState field = form.fields.computeIfAbsent(event.selector(),
                    s -> new FieldState(event.fieldType() == null ? "" : event.fieldType(), form.fields.size()));
            form.started = true;
            form.lastField = event.selector();
            form.lastTouch = event.t();
            switch (event.action()) {
                case FieldInteraction.FOCUS -> field.focusedAt = event.t();
                case FieldInteraction.BLUR -> {
                    if (field.focusedAt >= 0) {
                        field.focusMs += Math.max(0, event.t() - field.focusedAt);
                        field.focusedAt = -1;
                    }
                    field.leftChanged = field.changed;
                }
                default -> {
                    if (field.leftChanged) {
                        field.refilled = true;
                    }
                    field.changed = true;
                }
            }
        }
        for (FormSubmit submit : activity.submits()) {
            if (submit.form() != null && !submit.form().isEmpty()) {
                forms.computeIfAbsent(submit.form(), f -> new FormState()).completed = true;
            }
        }

        long lastInteraction = lastInteraction(activity);
        List<FormVisit> visits = new ArrayList<>();
        List<InsightEvent> events = new ArrayList<>();
        forms.forEach((selector, form) -> {
            List<FormVisit.FieldVisit> fields = new ArrayList<>();
            form.fields.forEach((name, field) -> {
                long focus = field.focusMs + (field.focusedAt >= 0 ? Math.max(0, lastInteraction - field.focusedAt) : 0);
                fields.add(new FormVisit.FieldVisit(name, field.type, field.order, focus, field.changed, field.refilled));
            });
            FormVisit visit = new FormVisit(selector, form.started, form.completed, form.lastField, fields);
            visits.add(visit);
            if (visit.abandoned()) {
                events.add(new InsightEvent(InsightKind.FORM_ABANDON, activity.page().pageNumber(),
                        activity.page().startedAt().plusMillis(form.lastTouch), form.lastField,
                        activity.page().pageKey(), fields.size(), "Left " + selector + " at " + form.lastField,
                        0, 0, 0, 0));
            }
        });
        return new Result(visits, events);
    }

    /** The page view's last sign of a person: its latest click, scroll or field event. */
    private static long lastInteraction(PageActivity activity) {
        long last = 0;
        for (List<? extends AnalyticsEvent> events : List.of(activity.clicks(), activity.scrolls(), activity.fields())) {
            if (!events.isEmpty()) {
                last = Math.max(last, events.get(events.size() - 1).t());
            }
        }
        return last;
    }
}
