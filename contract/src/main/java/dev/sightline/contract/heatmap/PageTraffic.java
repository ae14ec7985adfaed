package dev.sightline.contract.heatmap;

import java.util.Objects;

/** One page of the heatmaps index: its key, the latest URL seen for it, and its traffic (with its latest title). */
public record PageTraffic(String pageKey, String url, Traffic traffic) {
    public PageTraffic {
        Objects.requireNonNull(pageKey, "pageKey is null");
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(traffic, "traffic is null");
    }
}
