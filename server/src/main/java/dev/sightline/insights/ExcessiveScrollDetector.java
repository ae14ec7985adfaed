package dev.sightline.insights;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.ScrollNorm;
import dev.sightline.contract.wire.Scroll;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Excessive scrolling, relative to the page's own norm as Clarity defines it. A reversal is a change
 * of scroll direction after the page moved at least {@code minTravelViewports} of the viewport height
 * the other way (so small corrections while reading don't count). A page view scrolls excessively
 * when its reversals reach {@code floor} and {@code factor} times the median of the same page's
 * earlier page views on the same device class — the median counting only once at least
 * {@code minPageViews} of them were analysed in the last {@code normWindow}; below that the floor
 * alone decides. One pass over the scroll samples.
 */
public final class ExcessiveScrollDetector {

    /** Used when a page view reported no viewport height. */
    private static final int FALLBACK_VIEWPORT = 800;

    /**
     * @param floor the fewest reversals that can ever be excessive (the absolute floor for pages with little data)
     * @param factor how many times the page's median counts as "well above" its norm
     * @param minPageViews page views a norm needs before it is used
     * @param minTravelViewports the movement, in viewport heights, that makes a direction change a reversal
     * @param normWindow how far back the norm looks
     */
    public record Thresholds(int floor, double factor, int minPageViews, double minTravelViewports, Duration normWindow) {
        public static final Thresholds DEFAULTS = new Thresholds(6, 3.0, 20, 0.2, Duration.ofDays(30));

        public Thresholds {
            Objects.requireNonNull(normWindow, "normWindow is null");
            if (floor < 1 || factor < 1 || minPageViews < 1 || minTravelViewports <= 0) {
                throw new IllegalArgumentException("excessive scroll thresholds must be positive (factor at least 1)");
            }
        }
    }

    /** A page view's reversal count and, when excessive, its event. */
    record Result(int reversals, List<InsightEvent> events) {
    }

    private final Thresholds thresholds;

    ExcessiveScrollDetector(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
    }

    Result detect(PageActivity activity) {
        List<Scroll> scrolls = activity.scrolls();
        int threshold = threshold(activity.norm());
        int reversals = 0;
        long crossedAt = -1;
        int direction = 0;
        int extreme = scrolls.isEmpty() ? 0 : scrolls.get(0).y();
        for (Scroll scroll : scrolls) {
            int viewport = scroll.viewportHeight() > 0 ? scroll.viewportHeight()
                    : activity.page().viewportHeight() > 0 ? activity.page().viewportHeight() : FALLBACK_VIEWPORT;
            int minTravel = Math.max(1, (int) Math.round(viewport * thresholds.minTravelViewports()));
            int moved = scroll.y() - extreme;
            if (direction == 0) {
                if (Math.abs(moved) >= minTravel) {
                    direction = Integer.signum(moved);
                    extreme = scroll.y();
                }
            } else if (Integer.signum(moved) == direction) {
                extreme = scroll.y();
            } else if (Math.abs(moved) >= minTravel) {
                reversals++;
                direction = -direction;
                extreme = scroll.y();
                if (reversals == threshold) {
                    crossedAt = scroll.t();
                }
            }
        }
        if (crossedAt < 0) {
            return new Result(reversals, List.of());
        }
        String usual = activity.norm().pageViews() >= thresholds.minPageViews()
                ? String.format(Locale.ROOT, "usual here: %.0f", activity.norm().medianReversals())
                : "few visits to compare with";
        return new Result(reversals, List.of(new InsightEvent(InsightKind.EXCESSIVE_SCROLL,
                activity.page().pageNumber(), activity.page().startedAt().plusMillis(crossedAt), "",
                activity.page().pageKey(), reversals, reversals + " scroll direction changes (" + usual + ")",
                0, 0, 0, 0)));
    }

    /** The reversal count at which this page view becomes excessive. */
    int threshold(ScrollNorm norm) {
        if (norm.pageViews() < thresholds.minPageViews()) {
            return thresholds.floor();
        }
        return (int) Math.max(thresholds.floor(), Math.ceil(thresholds.factor() * norm.medianReversals()));
    }
}
