package dev.sightline.insights;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.wire.Click;
import java.util.ArrayList;
import java.util.List;

/** Clicks a person made (scripted {@code element.click()} calls are not theirs), and events placed on a click. */
final class UserClicks {

    private UserClicks() {
    }

    static List<Click> of(PageActivity activity) {
        List<Click> clicks = new ArrayList<>(activity.clicks().size());
        for (Click click : activity.clicks()) {
            if (!click.has(Click.SYNTHETIC)) {
                clicks.add(click);
            }
        }
        return clicks;
    }

    /** An event at exactly the click's stored time and position, so heatmaps can join it to the click. */
    static InsightEvent event(InsightKind kind, PageActivity activity, Click click, int value, String detail) {
        return new InsightEvent(kind, activity.page().pageNumber(), activity.page().startedAt().plusMillis(click.t()),
                name(click), activity.page().pageKey(), value, detail, click.x(), click.y(), click.relX(), click.relY());
    }

    /** The clicked element as a person reads it: its selector, else its text, else its tag. */
    static String name(Click click) {
        if (click.selector() != null && !click.selector().isEmpty()) {
            return click.selector();
        }
        return click.text() != null && !click.text().isEmpty() ? click.text() : String.valueOf(click.tag());
    }
}
