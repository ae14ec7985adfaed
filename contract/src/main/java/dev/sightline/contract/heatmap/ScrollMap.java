package dev.sightline.contract.heatmap;

import java.util.List;

/**
 * How far page views got down the page. {@code reachedPercent.get(p)} is how many page views reached
 * at least {@code p} % of the document's height (p = 0..100) with the bottom of their viewport; the
 * first value is every page view that reported its document height.
 *
 * @param averageFoldPixels the average viewport height: where the first screen ends
 * @param averageDocumentHeight the average document height the page views reported
 */
public record ScrollMap(long pageViews, List<Long> reachedPercent, int averageFoldPixels, int averageDocumentHeight) {
    public ScrollMap {
        reachedPercent = List.copyOf(reachedPercent);
        if (reachedPercent.size() != 101) {
            throw new IllegalArgumentException("reachedPercent has one value per percent, 0..100");
        }
    }

    /** The share (0..1) of page views that reached a depth; 0 without page views. */
    public double share(int percent) {
        return pageViews == 0 ? 0 : (double) reachedPercent.get(percent) / pageViews;
    }
}
