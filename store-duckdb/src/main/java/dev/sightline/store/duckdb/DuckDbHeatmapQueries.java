package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.heatmap.AreaStats;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQueries;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageListQuery;
import dev.sightline.contract.heatmap.PagePositionBin;
import dev.sightline.contract.heatmap.PageTraffic;
import dev.sightline.contract.heatmap.PointMap;
import dev.sightline.contract.heatmap.ScrollMap;
import dev.sightline.contract.heatmap.Traffic;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@link HeatmapQueries} on the event store's DuckDB file. Every call reads one consistent snapshot
 * on a pooled read connection, so heatmaps never wait for writes.
 */
final class DuckDbHeatmapQueries implements HeatmapQueries {

    /** Runs read work the way the event store runs it: only while open, in one transaction. */
    @FunctionalInterface
    interface Reads {
        <T> T run(String what, SqlWork<T> work);
    }

    private final Reads reads;

    DuckDbHeatmapQueries(Reads reads) {
        this.reads = requireNonNull(reads, "reads is null");
    }

    @Override
    public List<PageTraffic> pages(PageListQuery query) {
        requireNonNull(query, "query is null");
        return List.copyOf(reads.run("listing heatmap pages", c -> HeatmapPages.list(c, query)));
    }

    @Override
    public Traffic traffic(HeatmapQuery query) {
        requireNonNull(query, "query is null");
        return reads.run("reading page traffic", c -> HeatmapPages.traffic(c, query));
    }

    @Override
    public PointMap points(HeatmapQuery query, HeatmapLayer layer) {
        requireNonNull(query, "query is null");
        requireNonNull(layer, "layer is null");
        return reads.run("aggregating a " + layer + " heatmap", c -> HeatmapPoints.map(c, query, layer));
    }

    @Override
    public List<PagePositionBin> pagePositions(HeatmapQuery query, HeatmapLayer layer, Collection<String> selectors) {
        requireNonNull(query, "query is null");
        requireNonNull(layer, "layer is null");
        List<String> chosen = selectors(selectors);
        return List.copyOf(reads.run("reading page positions", c -> HeatmapPoints.pagePositions(c, query, layer, chosen)));
    }

    @Override
    public AreaStats area(HeatmapQuery query, HeatmapLayer layer, Collection<String> selectors) {
        requireNonNull(query, "query is null");
        requireNonNull(layer, "layer is null");
        List<String> chosen = selectors(selectors);
        return reads.run("counting an area", c -> HeatmapPoints.area(c, query, layer, chosen));
    }

    @Override
    public ScrollMap scroll(HeatmapQuery query) {
        requireNonNull(query, "query is null");
        return reads.run("aggregating a scroll map", c -> HeatmapScroll.map(c, query));
    }

    private static List<String> selectors(Collection<String> selectors) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(requireNonNull(selectors, "selectors is null")));
        if (distinct.size() > MAX_SELECTORS) {
            throw new IllegalArgumentException("at most " + MAX_SELECTORS + " selectors, not " + distinct.size());
        }
        return distinct;
    }
}
