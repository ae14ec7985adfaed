package dev.sightline.contract.wire;

/** The first event of every page view: where it is and what the visitor's screen looks like. */
public record Page(long t, String url, String title, String referrer, int viewportWidth, int viewportHeight,
                   int screenWidth, int screenHeight, int pixelRatio, String language, String timeZone,
                   int documentHeight, int automated) implements AnalyticsEvent {
}
