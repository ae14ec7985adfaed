package dev.sightline.contract.heatmap;

import java.util.Collection;
import java.util.List;

/**
 * Heatmap aggregation, done by the store where the events are (GROUP BY in SQL), never by reading raw
 * rows into the application. Handed out by {@link dev.sightline.contract.store.EventStore#heatmaps()}.
 * More than {@link #MAX_SELECTORS} selectors are refused with an {@link IllegalArgumentException}.
 */
public interface HeatmapQueries {

    int MAX_SELECTORS = PointMap.MAX_ELEMENTS;

    /** The index: pages by traffic. */
    List<PageTraffic> pages(PageListQuery query);

    /** The traffic of a page or a page group. */
    Traffic traffic(HeatmapQuery query);

    /** The ranked elements of a layer and the binned points inside each. */
    PointMap points(HeatmapQuery query, HeatmapLayer layer);

    /** Where the layer's points on these elements were on the page: the fallback for elements a snapshot lacks. */
    List<PagePositionBin> pagePositions(HeatmapQuery query, HeatmapLayer layer, Collection<String> selectors);

    /** The layer's points on these elements together (an area: an element and everything inside it). */
    AreaStats area(HeatmapQuery query, HeatmapLayer layer, Collection<String> selectors);

    /** How far the page views got down the page. */
    ScrollMap scroll(HeatmapQuery query);
}
