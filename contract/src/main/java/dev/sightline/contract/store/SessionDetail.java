package dev.sightline.contract.store;

import java.util.List;
import java.util.Map;

/** Everything the player shows beside a replay. */
public record SessionDetail(SessionSummary summary, List<PageViewSummary> pages, List<TimelineMarker> markers,
                            Map<String, String> tags) {
    public SessionDetail {
        pages = List.copyOf(pages);
        markers = List.copyOf(markers);
        tags = Map.copyOf(tags);
    }
}
