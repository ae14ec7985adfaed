package dev.sightline.insights;

import dev.sightline.contract.insights.InsightKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Every threshold of insight detection and when analysis runs, with defaults taken from the field
 * (docs/insights.md explains each). Each setting is a flag of {@code ./sightline start} (listed in
 * {@link #FLAGS}).
 *
 * @param schedule when a page view counts as complete and how often pending ones are looked for
 */
public record InsightSettings(RageClickDetector.Thresholds rageClicks, DeadClickDetector.Thresholds deadClicks,
                              ErrorClickDetector.Thresholds errorClicks, QuickBackDetector.Thresholds quickBacks,
                              ExcessiveScrollDetector.Thresholds excessiveScrolling, Schedule schedule) {

    /**
     * @param endedGrace how long after its last upload ({@code last: true}) a page view is analysed:
     *                   room for uploads that overtook it on the way
     * @param quietAfter how long a page view that never sent its last upload must be silent before it
     *                   is analysed anyway (a tab left open, a lost final beacon); later uploads analyse it again
     * @param sweepInterval how often the analyser looks for ready page views
     * @param batchSize how many page views one sweep reads and saves together
     */
    public record Schedule(Duration endedGrace, Duration quietAfter, Duration sweepInterval, int batchSize) {
        public static final Schedule DEFAULTS = new Schedule(Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(1), 500);

        public Schedule {
            Objects.requireNonNull(endedGrace, "endedGrace is null");
            Objects.requireNonNull(quietAfter, "quietAfter is null");
            Objects.requireNonNull(sweepInterval, "sweepInterval is null");
            if (endedGrace.isNegative() || quietAfter.isNegative() || sweepInterval.isNegative() || sweepInterval.isZero()
                    || batchSize < 1) {
                throw new IllegalArgumentException("insight schedule durations must not be negative, the sweep and batch positive");
            }
        }
    }

    public static final InsightSettings DEFAULTS = new InsightSettings(RageClickDetector.Thresholds.DEFAULTS,
            DeadClickDetector.Thresholds.DEFAULTS, ErrorClickDetector.Thresholds.DEFAULTS,
            QuickBackDetector.Thresholds.DEFAULTS, ExcessiveScrollDetector.Thresholds.DEFAULTS, Schedule.DEFAULTS);

    /** The flags (without {@code --}) that set these values; environment variables work too ({@code SIGHTLINE_RAGE_CLICK_COUNT}). */
    public static final List<String> FLAGS = List.of("rage-click-count", "rage-click-window-ms", "rage-click-radius-px",
            "dead-click-window-ms", "dead-click-immediate-ms", "dead-click-lead-ms", "error-click-window-ms",
            "quick-back-within-ms", "quick-back-min-away-ms", "scroll-reversal-floor", "scroll-reversal-factor",
            "scroll-norm-min-views", "scroll-reversal-travel", "scroll-norm-days", "insight-ended-grace-ms",
            "insight-quiet-ms", "insight-sweep-ms");

    public InsightSettings {
        Objects.requireNonNull(rageClicks, "rageClicks is null");
        Objects.requireNonNull(deadClicks, "deadClicks is null");
        Objects.requireNonNull(errorClicks, "errorClicks is null");
        Objects.requireNonNull(quickBacks, "quickBacks is null");
        Objects.requireNonNull(excessiveScrolling, "excessiveScrolling is null");
        Objects.requireNonNull(schedule, "schedule is null");
    }

    /** The defaults with the given flags (name without {@code --} → value) applied; other names are ignored. */
    public static InsightSettings from(Map<String, String> flags) {
        Values v = new Values(flags);
        InsightSettings d = DEFAULTS;
        return new InsightSettings(
                new RageClickDetector.Thresholds(v.integer("rage-click-count", d.rageClicks.clicks()),
                        v.number("rage-click-window-ms", d.rageClicks.windowMs()),
                        v.integer("rage-click-radius-px", d.rageClicks.radiusPx())),
                new DeadClickDetector.Thresholds(v.number("dead-click-window-ms", d.deadClicks.responseWindowMs()),
                        v.number("dead-click-immediate-ms", d.deadClicks.immediateWindowMs()),
                        v.number("dead-click-lead-ms", d.deadClicks.leadMs())),
                new ErrorClickDetector.Thresholds(v.number("error-click-window-ms", d.errorClicks.windowMs())),
                new QuickBackDetector.Thresholds(v.number("quick-back-within-ms", d.quickBacks.withinMs()),
                        v.number("quick-back-min-away-ms", d.quickBacks.minAwayMs())),
                new ExcessiveScrollDetector.Thresholds(v.integer("scroll-reversal-floor", d.excessiveScrolling.floor()),
                        v.decimal("scroll-reversal-factor", d.excessiveScrolling.factor()),
                        v.integer("scroll-norm-min-views", d.excessiveScrolling.minPageViews()),
                        v.decimal("scroll-reversal-travel", d.excessiveScrolling.minTravelViewports()),
                        Duration.ofDays(v.number("scroll-norm-days", d.excessiveScrolling.normWindow().toDays()))),
                new Schedule(Duration.ofMillis(v.number("insight-ended-grace-ms", d.schedule.endedGrace().toMillis())),
                        Duration.ofMillis(v.number("insight-quiet-ms", d.schedule.quietAfter().toMillis())),
                        Duration.ofMillis(v.number("insight-sweep-ms", d.schedule.sweepInterval().toMillis())),
                        d.schedule.batchSize()));
    }

    /** One sentence per insight saying what it means with these thresholds, for the dashboard. */
    public Map<InsightKind, String> definitions() {
        Map<InsightKind, String> definitions = new EnumMap<>(InsightKind.class);
        definitions.put(InsightKind.RAGE_CLICK, String.format(Locale.ROOT,
                "%d or more clicks on one element within %s, inside a %d px radius", rageClicks.clicks(),
                seconds(rageClicks.windowMs()), rageClicks.radiusPx()));
        definitions.put(InsightKind.DEAD_CLICK, String.format(Locale.ROOT,
                "A click with no page change, request or navigation within %s, and no scroll, focus or tab change "
                        + "within %d ms (text fields and text selection excluded)",
                seconds(deadClicks.responseWindowMs()), deadClicks.immediateWindowMs()));
        definitions.put(InsightKind.ERROR_CLICK, "A click followed by a JavaScript error within "
                + seconds(errorClicks.windowMs()));
        definitions.put(InsightKind.QUICK_BACK, "Back on the previous page within " + seconds(quickBacks.withinMs())
                + ", or back from another site within " + seconds(quickBacks.withinMs()));
        definitions.put(InsightKind.EXCESSIVE_SCROLL, String.format(Locale.ROOT,
                "At least %d scroll direction changes, and %s× the page's usual count once it has %d visits",
                excessiveScrolling.floor(), trim(excessiveScrolling.factor()), excessiveScrolling.minPageViews()));
        definitions.put(InsightKind.JS_ERROR, "An uncaught JavaScript error or unhandled promise rejection");
        definitions.put(InsightKind.FORM_ABANDON, "A form started (a field focused or filled) and left without submitting");
        return definitions;
    }

    private static String seconds(long ms) {
        return trim(ms / 1000.0) + " s";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Reads typed values from the flag map, naming the flag in every complaint. */
    private record Values(Map<String, String> flags) {
        long number(String name, long fallback) {
            String value = flags.get(name);
            try {
                return value == null ? fallback : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number");
            }
        }

        int integer(String name, int fallback) {
            long value = number(name, fallback);
            if (value != (int) value) {
                throw new IllegalArgumentException("--" + name + " is too large");
            }
            return (int) value;
        }

        double decimal(String name, double fallback) {
            String value = flags.get(name);
            try {
                return value == null ? fallback : Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a number");
            }
        }
    }
}
