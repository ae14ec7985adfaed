package dev.sightline.sessions;

import dev.sightline.contract.wire.AnalyticsEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Active time: a visitor counts as active during the five seconds before each interaction (click,
 * scroll, pointer move, typing), so reading without touching anything for a minute adds five seconds,
 * not sixty. An interaction's credit is the gap since the previous one, capped at five seconds; the
 * previous interaction of a page view is remembered across its uploads (bounded cache — after a
 * restart the first gap of a page view is credited as if it had none before it).
 */
public final class ActiveTime {
    static final long WINDOW_MS = 5_000;
    private static final int MAX_PAGES = 200_000;

    private final Map<String, Long> lastInteraction = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_PAGES;
        }
    };

    /** Milliseconds of activity the events add to their page view. */
    public synchronized long credit(String pageViewId, List<AnalyticsEvent> events) {
        Long previous = lastInteraction.get(pageViewId);
        long last = previous == null ? 0 : previous;
        long active = 0;
        boolean any = false;
        for (AnalyticsEvent event : events) {
            if (!AnalyticsEvent.INTERACTIONS.contains(event.getClass())) {
                continue;
            }
            long t = event.t();
            if (t < last) {
                continue;
            }
            active += Math.min(t - last, WINDOW_MS);
            last = t;
            any = true;
        }
        if (any) {
            lastInteraction.put(pageViewId, last);
        }
        return active;
    }
}
