package dev.sightline.contract.heatmap;

import java.util.Objects;

/**
 * A page's (or page group's) page views, their sessions, their clicks, their average deepest scroll,
 * and the latest title its page views reported (empty when none did).
 */
public record Traffic(long pageViews, long sessions, long clicks, int averageScrollPermille, String title) {
    public Traffic {
        Objects.requireNonNull(title, "title is null");
    }
}
