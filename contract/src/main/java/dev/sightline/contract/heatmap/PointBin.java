package dev.sightline.contract.heatmap;

import java.util.Objects;

/**
 * Points that fell into one cell of an element's box, the box being divided into {@code columns} ×
 * {@code rows} cells (powers of two, a few recorded pixels each, at most {@link #MAX_CELLS} per side).
 * The cell's centre, {@code (column + 0.5) / columns} of the width and {@code (row + 0.5) / rows} of the
 * height, places the points on any layout of that element.
 */
public record PointBin(String selector, int columns, int rows, int column, int row, long points) {
    public static final int MAX_CELLS = 128;

    public PointBin {
        Objects.requireNonNull(selector, "selector is null");
    }
}
