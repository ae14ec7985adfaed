package dev.sightline.insights;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.wire.ScriptError;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaScript errors: every uncaught error and unhandled promise rejection the tracker reported (at
 * most 5 per message per page view, the tracker's cap) is one occurrence. Grouping by message and
 * location happens when the errors are reported (see {@code InsightQueries#errorGroups}).
 */
final class JsErrorDetector {

    private static final int MAX_DETAIL = 200;

    List<InsightEvent> detect(PageActivity activity) {
        List<InsightEvent> events = new ArrayList<>(activity.errors().size());
        for (ScriptError error : activity.errors()) {
            String message = error.message() == null ? "" : error.message();
            events.add(new InsightEvent(InsightKind.JS_ERROR, activity.page().pageNumber(),
                    activity.page().startedAt().plusMillis(error.t()), "", activity.page().pageKey(), 1,
                    message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) : message, 0, 0, 0, 0));
        }
        return events;
    }
}
