package dev.sightline.contract.heatmap;

/**
 * The points a heatmap draws. Click layers come from the {@code clicks} facts, {@link #MOVES} from the
 * sampled pointer positions (mouse only, so desktop visits in practice). {@link #RAGE_CLICKS},
 * {@link #DEAD_CLICKS} and {@link #ERROR_CLICKS} select the clicks that insight detection marked with
 * that signal.
 */
public enum HeatmapLayer {
    /** Every click and tap. */
    CLICKS,
    /** The first click of each page view: what people go for first. */
    FIRST_CLICKS,
    /** Clicks detected as rage clicks. */
    RAGE_CLICKS,
    /** Clicks detected as dead clicks. */
    DEAD_CLICKS,
    /** Clicks detected as error clicks. */
    ERROR_CLICKS,
    /** Sampled mouse positions. */
    MOVES;

    public boolean clicks() {
        return this != MOVES;
    }
}
