package dev.sightline.insights;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.VisitedPage;
import dev.sightline.contract.wire.Click;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Quick backs, decided on the page view a visitor came back to:
 * <ul>
 *   <li>inside the site: pages A, B, A in a row (by page key, B a different page), with at most
 *       {@code withinMs} between arriving on B and arriving back on A — the event belongs to B;</li>
 *   <li>leaving the site: the previous page view has the same URL, its last click was on a link at
 *       most {@code withinMs} before it ended, and the visitor was back after between
 *       {@code minAwayMs} and {@code withinMs} — the event belongs to the page left from. (A reload
 *       through a link to the page itself comes back sooner than {@code minAwayMs}.)</li>
 * </ul>
 */
public final class QuickBackDetector {

    /**
     * @param withinMs the longest stay that still counts as quick (Hotjar's U-turn: 7 s)
     * @param minAwayMs the shortest time away from the site that counts as having left it
     */
    public record Thresholds(long withinMs, long minAwayMs) {
        public static final Thresholds DEFAULTS = new Thresholds(7_000, 1_000);

        public Thresholds {
            if (withinMs < 1 || minAwayMs < 0 || minAwayMs > withinMs) {
                throw new IllegalArgumentException("quick back needs 0 <= minAway <= within: " + minAwayMs + ", " + withinMs);
            }
        }
    }

    private final Thresholds thresholds;

    QuickBackDetector(Thresholds thresholds) {
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds is null");
    }

    List<InsightEvent> detect(PageActivity activity) {
        VisitedPage back = activity.page();
        if (activity.earlier().size() == 2) {
            VisitedPage left = activity.earlier().get(0);
            VisitedPage first = activity.earlier().get(1);
            long stay = back.startedAt().toEpochMilli() - left.startedAt().toEpochMilli();
            if (first.pageKey().equals(back.pageKey()) && !left.pageKey().equals(back.pageKey())
                    && stay >= 0 && stay <= thresholds.withinMs()) {
                return List.of(new InsightEvent(InsightKind.QUICK_BACK, left.pageNumber(), back.startedAt(), "",
                        left.pageKey(), (int) stay, "Back to " + path(back.url()) + " after " + seconds(stay), 0, 0, 0, 0));
            }
        }
        if (!activity.earlier().isEmpty()) {
            VisitedPage left = activity.earlier().get(0);
            Optional<Click> exit = left.lastClick().filter(c -> c.has(Click.LINK) && !c.has(Click.SYNTHETIC));
            long away = back.startedAt().toEpochMilli() - left.lastSeenAt().toEpochMilli();
            if (exit.isPresent() && withoutFragment(left.url()).equals(withoutFragment(back.url()))
                    && left.durationMs() - exit.get().t() <= thresholds.withinMs()
                    && away >= thresholds.minAwayMs() && away <= thresholds.withinMs()) {
                return List.of(new InsightEvent(InsightKind.QUICK_BACK, left.pageNumber(), back.startedAt(),
                        UserClicks.name(exit.get()), left.pageKey(), (int) away,
                        "Left the site and came back after " + seconds(away), 0, 0, 0, 0));
            }
        }
        return List.of();
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String path(String url) {
        try {
            URI uri = URI.create(withoutFragment(url));
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
