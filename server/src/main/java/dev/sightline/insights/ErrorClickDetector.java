package dev.sightline.insights;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.ScriptError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Error clicks: a click followed by a JavaScript error within {@code windowMs}. An error belongs to
 * the latest click before it; a click with several errors is one error click, named after the first.
 * One pass over clicks and errors together.
 */
public final class ErrorClickDetector {

    /**
     * @param windowMs how soon after the click the error must come (no published figure; a click
     *                 handler's own error arrives within milliseconds, one after a quick fetch within about a second)
     */
    public record Thresholds(long windowMs) {
        public static final Thresholds DEFAULTS = new Thresholds(1_000);

        public Thresholds {
            if (windowMs < 0) {
                throw new IllegalArgumentException("the error click window must not be negative: " + windowMs);
            }
        }
    }

    private final Thresholds thresholds;

    ErrorClickDetector(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
    }

    List<InsightEvent> detect(PageActivity activity) {
        List<Click> clicks = UserClicks.of(activity);
        List<InsightEvent> events = new ArrayList<>();
        int latest = -1;
        int reported = -1;
        for (ScriptError error : activity.errors()) {
            while (latest + 1 < clicks.size() && clicks.get(latest + 1).t() <= error.t()) {
                latest++;
            }
            if (latest < 0 || latest == reported) {
                continue;
            }
            Click click = clicks.get(latest);
            if (error.t() - click.t() <= thresholds.windowMs()) {
                events.add(UserClicks.event(InsightKind.ERROR_CLICK, activity, click, 1,
                        UserClicks.name(click) + " → " + error.message()));
                reported = latest;
            }
        }
        return events;
    }
}
