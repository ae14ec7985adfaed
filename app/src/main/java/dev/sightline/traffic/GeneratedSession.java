package dev.sightline.traffic;

import java.time.Instant;
import java.util.List;

/**
 * One generated visit and everything Sightline should conclude from it: the truth the dashboard's
 * figures and filters are checked against.
 *
 * @param device     DESKTOP, TABLET, MOBILE (what the user agent says)
 * @param userId     the id passed to identify, or null
 * @param tagValue   the value of the {@code plan} tag, or null
 */
public record GeneratedSession(String sessionId, String visitorId, String userAgent, boolean bot, String device,
                               String browser, String os, String channel, String referrer, String referrerHost,
                               String utmSource, String utmMedium, String utmCampaign, String userId,
                               String tagValue, List<GeneratedPage> pages) {
    public GeneratedSession {
        pages = List.copyOf(pages);
    }

    public Instant startedAt() {
        return pages.get(0).startedAt();
    }

    public Instant endedAt() {
        GeneratedPage last = pages.get(pages.size() - 1);
        return last.startedAt().plusMillis(last.durationMs());
    }

    public long durationMs() {
        return endedAt().toEpochMilli() - startedAt().toEpochMilli();
    }

    public long activeMs() {
        return pages.stream().mapToLong(GeneratedPage::activeMs).sum();
    }

    public int clicks() {
        return pages.stream().mapToInt(p -> p.clicks().size()).sum();
    }

    public int scrollPermille() {
        return pages.stream().mapToInt(GeneratedPage::scrollPermille).max().orElse(0);
    }

    public GeneratedPage entry() {
        return pages.get(0);
    }

    public GeneratedPage exit() {
        return pages.get(pages.size() - 1);
    }

    public boolean did(String event) {
        return pages.stream().anyMatch(p -> p.customEvents().contains(event));
    }
}
