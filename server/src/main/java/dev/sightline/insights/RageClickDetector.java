package dev.sightline.insights;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.wire.Click;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rage clicks: a burst of clicks on one element — each within {@code windowMs} of the one before and
 * within {@code radiusPx} of the burst's first click — in which at least {@code clicks} consecutive
 * clicks fall within {@code windowMs}. One event per burst, at its first click, with the burst's size.
 * One pass over the page's clicks.
 */
public final class RageClickDetector {

    /**
     * @param clicks how many clicks make a rage click (PostHog: 3)
     * @param windowMs the time those clicks must fit in, and the longest pause inside a burst (PostHog: 1 s)
     * @param radiusPx how far from the burst's first click the others may land (PostHog: 30 px)
     */
    public record Thresholds(int clicks, long windowMs, int radiusPx) {
        public static final Thresholds DEFAULTS = new Thresholds(3, 1_000, 30);

        public Thresholds {
            if (clicks < 2) {
                throw new IllegalArgumentException("a rage click needs at least 2 clicks: " + clicks);
            }
            if (windowMs < 1 || radiusPx < 0) {
                throw new IllegalArgumentException("rage click window and radius must be positive");
            }
        }
    }

    private final Thresholds thresholds;

    RageClickDetector(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
    }

    List<InsightEvent> detect(PageActivity activity) {
        List<Click> clicks = UserClicks.of(activity);
        List<InsightEvent> events = new ArrayList<>();
        int start = 0;
        while (start < clicks.size()) {
            int end = burstEnd(clicks, start);
            int size = end - start;
            if (size >= thresholds.clicks() && fitsWindow(clicks, start, end)) {
                Click first = clicks.get(start);
                events.add(UserClicks.event(InsightKind.RAGE_CLICK, activity, first, size,
                        size + " rapid clicks on " + UserClicks.name(first)));
            }
            start = end;
        }
        return events;
    }

    /** The index after the burst that starts at {@code start}. */
    private int burstEnd(List<Click> clicks, int start) {
        Click first = clicks.get(start);
        long radiusSquared = (long) thresholds.radiusPx() * thresholds.radiusPx();
        int end = start + 1;
        while (end < clicks.size()) {
            Click next = clicks.get(end);
            long dx = next.x() - first.x();
            long dy = next.y() - first.y();
            boolean sameElement = Objects.equals(next.selector(), first.selector());
            if (!sameElement || dx * dx + dy * dy > radiusSquared
                    || next.t() - clicks.get(end - 1).t() > thresholds.windowMs()) {
                break;
            }
            end++;
        }
        return end;
    }

    /** Whether some {@code clicks} consecutive clicks of the burst lie within the window. */
    private boolean fitsWindow(List<Click> clicks, int start, int end) {
        int span = thresholds.clicks() - 1;
        for (int i = start; i + span < end; i++) {
            if (clicks.get(i + span).t() - clicks.get(i).t() <= thresholds.windowMs()) {
                return true;
            }
        }
        return false;
    }
}
