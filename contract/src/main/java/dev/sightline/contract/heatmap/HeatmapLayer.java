package dev.sightline.contract.heatmap;

/**
 * The points a heatmap draws. Click layers come from the {@code clicks} facts, {@link #MOVES} from the
 * sampled pointer positions (mouse only, so desktop visits in practice).
 *
 * <p>{@link #RAGE_CLICKS}, {@link #DEAD_CLICKS} and {@link #ERROR_CLICKS} are available when insights
 * land: they select the clicks that insight detection marked. Until then {@link #available()} is false
 * and stores refuse them with an {@link IllegalArgumentException}.
 */
public enum HeatmapLayer {
    /** Every click and tap. */
    CLICKS(true),
    /** The first click of each page view: what people go for first. */
    FIRST_CLICKS(true),
    /** Available when insights land. */
    RAGE_CLICKS(false),
    /** Available when insights land. */
    DEAD_CLICKS(false),
    /** Available when insights land. */
    ERROR_CLICKS(false),
    /** Sampled mouse positions. */
    MOVES(true);

    private final boolean available;

    HeatmapLayer(boolean available) {
        this.available = available;
    }

    public boolean available() {
        return available;
    }

    public boolean clicks() {
        return this != MOVES;
    }
}
