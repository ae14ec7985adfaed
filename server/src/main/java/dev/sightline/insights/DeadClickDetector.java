package dev.sightline.insights;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Dead clicks: a click the page did not answer. The page answers a click at time {@code c} with
 * <ul>
 *   <li>a DOM or field-state change or a new fetch/XHR within {@code [c - leadMs, c + responseWindowMs]};</li>
 *   <li>a navigation: the page view ended by {@code c + responseWindowMs}, and either the session's
 *       next page view started by then or the click was on a link (which may have left the site) —
 *       a visitor who gives up and closes the tab or types another address is not an answer;</li>
 *   <li>a scroll, a focus/blur/input/change on a field, a form submit, or the tab being hidden or
 *       shown within {@code [c - leadMs, c + immediateWindowMs]} — short, so the visitor's own later
 *       scrolling or typing does not count as the page's answer.</li>
 * </ul>
 * Clicks on text fields and selects, clicks that select text, and scripted clicks are never dead.
 * Each kind of answer is walked with its own pointer, so the work is linear in the page's events.
 */
public final class DeadClickDetector {

    /**
     * @param responseWindowMs how long the page has to change, fetch or navigate (PostHog's mutation threshold: 2.5 s)
     * @param immediateWindowMs how soon a scroll, focus or visibility change must follow (PostHog: 100 ms;
     *                          250 ms here, the tracker's scroll sampling interval)
     * @param leadMs how early an answer may come: menus that open on mousedown change the page about this
     *               long before the click event
     */
    public record Thresholds(long responseWindowMs, long immediateWindowMs, long leadMs) {
        public static final Thresholds DEFAULTS = new Thresholds(2_500, 250, 200);

        public Thresholds {
            if (responseWindowMs < PageChangeRun.MAX_GAP_MS || immediateWindowMs < 0 || leadMs < 0) {
                throw new IllegalArgumentException("dead click windows must be at least " + PageChangeRun.MAX_GAP_MS
                        + " ms (response) and not negative");
            }
        }
    }

    private final Thresholds thresholds;

    DeadClickDetector(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
    }

    List<InsightEvent> detect(PageActivity activity) {
        Answers changes = new Answers(activity.changes().stream().map(r -> new long[] {r.t(), r.endT()}).toList());
        Answers requests = Answers.at(activity.requests());
        Answers scrolls = Answers.at(activity.scrolls());
        Answers fields = Answers.at(activity.fields());
        Answers visibility = Answers.at(activity.visibility());
        Answers submits = Answers.at(activity.submits());
        long pageEnd = activity.page().ended() ? activity.page().durationMs() : Long.MAX_VALUE;
        long nextStart = activity.next()
                .map(next -> next.startedAt().toEpochMilli() - activity.page().startedAt().toEpochMilli())
                .orElse(Long.MAX_VALUE);

        List<InsightEvent> events = new ArrayList<>();
        for (Click click : UserClicks.of(activity)) {
            if (click.has(Click.TEXT_FIELD) || click.has(Click.TEXT_SELECTED)) {
                continue;
            }
            long from = click.t() - thresholds.leadMs();
            long late = click.t() + thresholds.responseWindowMs();
            long soon = click.t() + thresholds.immediateWindowMs();
            boolean navigated = pageEnd <= late && (nextStart <= late || click.has(Click.LINK));
            boolean answered = changes.any(from, late) | requests.any(from, late) | navigated
                    | scrolls.any(from, soon) | fields.any(from, soon) | submits.any(from, soon)
                    | visibility.any(from, soon);
            if (!answered) {
                events.add(UserClicks.event(InsightKind.DEAD_CLICK, activity, click, 1,
                        "No response to a click on " + UserClicks.name(click)));
            }
        }
        return events;
    }

    /**
     * Spans of time in start order, asked about windows that move forward: {@link #any} skips spans
     * that ended before the window and never looks back.
     */
    private static final class Answers {
        private final List<long[]> spans;
        private int next;

        Answers(List<long[]> spans) {
            this.spans = spans;
        }

        static Answers at(List<? extends AnalyticsEvent> events) {
            return new Answers(events.stream().map(e -> new long[] {e.t(), e.t()}).toList());
        }

        /** Whether a span overlaps {@code [from, to]}; calls must not move {@code from} backwards. */
        boolean any(long from, long to) {
            while (next < spans.size() && spans.get(next)[1] < from) {
                next++;
            }
            return next < spans.size() && spans.get(next)[0] <= to;
        }
    }
}
