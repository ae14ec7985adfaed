package dev.sightline.contract.insights;

/**
 * How much a page's visitors usually reverse their scrolling: the median number of direction
 * reversals per page view over the analysed page views of the same page key and device class in a
 * recent window (bots left out).
 */
public record ScrollNorm(long pageViews, double medianReversals) {
    public static final ScrollNorm NONE = new ScrollNorm(0, 0);
}
