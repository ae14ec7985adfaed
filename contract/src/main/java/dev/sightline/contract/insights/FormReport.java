package dev.sightline.contract.insights;

import java.util.List;
import java.util.Objects;

/**
 * One form on one page, over the analysed page views of a window (bots left out).
 *
 * @param views page views of the form's page
 * @param starts page views in which a field of the form was focused, typed into or changed
 * @param completions page views in which it was submitted
 * @param fields its fields in their usual order (by the mean position in which they were first touched)
 */
public record FormReport(String pageKey, String form, long views, long starts, long completions,
                         List<FieldReport> fields) {
    public FormReport {
        Objects.requireNonNull(pageKey, "pageKey is null");
        Objects.requireNonNull(form, "form is null");
        fields = List.copyOf(fields);
    }

    /** Started, not submitted. */
    public long abandonments() {
        return starts - completions;
    }

    /**
     * @param interactions page views that touched the field
     * @param abandonments page views that left the form unsubmitted with this field as the last touched
     * @param medianFocusMs median time the field was focused, over the page views that focused it
     * @param refills page views that changed it again after leaving it
     */
    public record FieldReport(String field, String fieldType, long interactions, long abandonments,
                              long medianFocusMs, long refills) {
    }
}
