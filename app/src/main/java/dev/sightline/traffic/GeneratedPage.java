package dev.sightline.traffic;

import java.time.Instant;
import java.util.List;

/**
 * One page view of a generated visit, sent as one upload.
 *
 * @param pageKey         host and path, as Sightline groups pages
 * @param scrollPermille  how deep the page was scrolled, 0..1000
 * @param customEvents    custom event names, fired at {@code customEventAt}
 */
public record GeneratedPage(int number, String url, String pageKey, String referrer, Instant startedAt,
                            long durationMs, int viewportHeight, int documentHeight, int scrollY, long scrollAt,
                            List<GeneratedClick> clicks, List<String> customEvents, long customEventAt,
                            List<String> errors) {
    public GeneratedPage {
        clicks = List.copyOf(clicks);
        customEvents = List.copyOf(customEvents);
        errors = List.copyOf(errors);
    }

    /** Deepest point seen: the first screen, or the scroll's bottom edge. */
    public int scrollPermille() {
        int first = (int) Math.min(1000, (long) viewportHeight * 1000 / documentHeight);
        if (scrollAt < 0) {
            return first;
        }
        return Math.max(first, (int) Math.min(1000, (long) (scrollY + viewportHeight) * 1000 / documentHeight));
    }

    /** Five seconds of activity at most before each interaction (clicks and the scroll), from the page's start. */
    public long activeMs() {
        List<Long> times = new java.util.ArrayList<>(clicks.stream().map(GeneratedClick::t).toList());
        if (scrollAt >= 0) {
            times.add(scrollAt);
        }
        times.sort(null);
        long last = 0;
        long active = 0;
        for (long t : times) {
            active += Math.min(t - last, 5_000);
            last = t;
        }
        return active;
    }

    public record GeneratedClick(long t, String selector, String text, int x, int y) {
    }
}
