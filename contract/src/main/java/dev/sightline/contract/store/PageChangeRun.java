package dev.sightline.contract.store;

/**
 * A run of the page's own visible changes, as rrweb recorded them: DOM mutations, field state, media,
 * style sheets and canvas drawing, with no gap above {@link #MAX_GAP_MS} between two of them. Kept as
 * facts beside the analytics events because recordings expire and dead-click detection must not need
 * them. Times are milliseconds since the page view started, like {@code AnalyticsEvent#t()}.
 *
 * <p>Runs are exact for windows of at least {@code MAX_GAP_MS}: a window of that length or more
 * contains a change if and only if it overlaps a run.
 *
 * @param t the first change of the run
 * @param endT the last change of the run ({@code >= t})
 * @param changes how many recorded change events the run holds
 */
public record PageChangeRun(long t, long endT, int changes) {
    /** Changes closer together than this belong to one run. */
    public static final long MAX_GAP_MS = 100;

    public PageChangeRun {
        if (endT < t) {
            throw new IllegalArgumentException("a run ends before it starts: " + t + ".." + endT);
        }
        if (changes < 1) {
            throw new IllegalArgumentException("a run holds at least one change: " + changes);
        }
    }
}
