package dev.sightline.recordings;

import dev.sightline.contract.store.PageViewSummary;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.TimelineMarker;
import java.util.List;
import java.util.Map;

/** A session with its pages, timeline markers and tags, as the player reads it. */
record SessionDetailView(SessionView summary, List<PageView> pages, List<Marker> markers, Map<String, String> tags) {

    record PageView(int pageNumber, String url, String pageKey, String title, String referrer, long startedAt,
                    long lastSeenAt, long durationMs, long activeMs, int maxScrollPermille, int viewportWidth,
                    int viewportHeight, int documentHeight) {
        static PageView of(PageViewSummary p) {
            return new PageView(p.pageNumber(), p.url(), p.pageKey(), p.title(), p.referrer(),
                    p.startedAt().toEpochMilli(), p.lastSeenAt().toEpochMilli(), p.durationMs(), p.activeMs(),
                    p.maxScrollPermille(), p.viewportWidth(), p.viewportHeight(), p.documentHeight());
        }
    }

    record Marker(String kind, int pageNumber, long at, String label) {
        static Marker of(TimelineMarker m) {
            return new Marker(m.kind().name(), m.pageNumber(), m.at().toEpochMilli(), m.label());
        }
    }

    static SessionDetailView of(SessionDetail detail) {
        return new SessionDetailView(SessionView.of(detail.summary()),
                detail.pages().stream().map(PageView::of).toList(),
                detail.markers().stream().map(Marker::of).toList(), detail.tags());
    }
}
