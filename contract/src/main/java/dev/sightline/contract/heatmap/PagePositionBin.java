package dev.sightline.contract.heatmap;

import java.util.Objects;

/**
 * Points of one element by where they were on the page, in cells of {@link #CELL_PIXELS} page pixels;
 * {@code x}, {@code y} is the cell's centre. The fallback for drawing an element the snapshot lacks.
 */
public record PagePositionBin(String selector, int x, int y, long points) {
    public static final int CELL_PIXELS = 8;

    public PagePositionBin {
        Objects.requireNonNull(selector, "selector is null");
    }
}
