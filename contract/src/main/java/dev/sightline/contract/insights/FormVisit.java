package dev.sightline.contract.insights;

import java.util.List;
import java.util.Objects;

/**
 * How one page view used one form, built from field interactions only (values are never sent).
 *
 * @param form the form's selector ({@code ""} for fields outside any form)
 * @param started a field of it was focused, typed into or changed
 * @param completed it was submitted
 * @param lastField the last field touched ({@code ""} when not started)
 * @param fields the fields touched, in the order they were first touched
 */
public record FormVisit(String form, boolean started, boolean completed, String lastField, List<FieldVisit> fields) {
    public FormVisit {
        Objects.requireNonNull(form, "form is null");
        Objects.requireNonNull(lastField, "lastField is null");
        fields = List.copyOf(fields);
    }

    /** Started, never submitted: left at {@link #lastField()}. */
    public boolean abandoned() {
        return started && !completed;
    }

    /**
     * One field in one page view.
     *
     * @param order 0 for the first field touched, 1 for the next, …
     * @param focusMs time with the field focused
     * @param changed typed into or changed
     * @param refilled changed again after it had been left
     */
    public record FieldVisit(String field, String fieldType, int order, long focusMs, boolean changed,
                             boolean refilled) {
        public FieldVisit {
            Objects.requireNonNull(field, "field is null");
            Objects.requireNonNull(fieldType, "fieldType is null");
        }
    }
}
