package dev.sightline.contract.heatmap;

import java.util.Objects;

/**
 * The points of a layer on one element, which is named by its stable selector (empty when the tracker
 * could not name it). {@code tag} and {@code text} are the element's latest as recorded, for a readable
 * label (both empty for moves).
 */
public record ElementStats(String selector, String tag, String text, long points, long sessions) {
    public ElementStats {
        Objects.requireNonNull(selector, "selector is null");
        Objects.requireNonNull(tag, "tag is null");
        Objects.requireNonNull(text, "text is null");
    }
}
