package dev.sightline.contract.export;

import java.util.List;
import java.util.Map;

/**
 * How many rows of each kind an event store holds, in terms every store shares (not its own table
 * layout): what a copy of one installation into another is verified by.
 */
public interface EventCounts {

    /** The kinds {@link #counts()} answers, in the order a report lists them. */
    List<String> KINDS = List.of("sessions", "page_views", "batches", "visitors", "clicks", "scrolls", "moves",
            "errors", "custom_events", "tags", "fields", "form_submits", "requests", "resizes", "visibility",
            "page_changes", "insight_page_views", "insight_events", "insight_forms", "insight_form_fields",
            "kept_sessions");

    /**
     * Every kind of {@link #KINDS} with its count: sessions, page views and stored uploads (batches),
     * distinct visitors, each fact table's events, page-change runs, the current insight results (page
     * views analysed, occurrences, forms and form fields) and the sessions kept past retention.
     */
    Map<String, Long> counts();
}
