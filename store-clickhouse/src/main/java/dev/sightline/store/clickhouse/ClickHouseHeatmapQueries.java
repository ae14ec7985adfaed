package dev.sightline.store.clickhouse;

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
import java.util.function.Supplier;

/** {@link HeatmapQueries} on ClickHouse: every aggregation is a GROUP BY in ClickHouse, never raw rows in Java. */
final class ClickHouseHeatmapQueries implements HeatmapQueries {

    /** Runs a read call while the store is open. */
    interface Reads {
        <T> T run(Supplier<T> call);
    }

    private final ClickHouseDatabase database;
    private final Reads reads;

    ClickHouseHeatmapQueries(ClickHouseDatabase database, Reads reads) {
        this.database = requireNonNull(database, "database is null");
        this.reads = requireNonNull(reads, "reads is null");
    }

    @Override
    public List<PageTraffic> pages(PageListQuery query) {
        requireNonNull(query, "query is null");
        return reads.run(() -> HeatmapPages.list(database, query));
    }

    @Override
    public Traffic traffic(HeatmapQuery query) {
        requireNonNull(query, "query is null");
        return reads.run(() -> HeatmapPages.traffic(database, query));
    }

    @Override
    public PointMap points(HeatmapQuery query, HeatmapLayer layer) {
        requireNonNull(query, "query is null");
        requireNonNull(layer, "layer is null");
        return reads.run(() -> HeatmapPoints.map(database, query, layer));
    }

    @Override
    public List<PagePositionBin> pagePositions(HeatmapQuery query, HeatmapLayer layer, Collection<String> selectors) {
        requireNonNull(query, "query is null");
        requireNonNull(layer, "layer is null");
        List<String> chosen = selectors(selectors);
        return reads.run(() -> HeatmapPoints.pagePositions(database, query, layer, chosen));
    }

    @Override
    public AreaStats area(HeatmapQuery query, HeatmapLayer layer, Collection<String> selectors) {
        requireNonNull(query, "query is null");
        requireNonNull(layer, "layer is null");
        List<String> chosen = selectors(selectors);
        return reads.run(() -> HeatmapPoints.area(database, query, layer, chosen));
    }

    @Override
    public ScrollMap scroll(HeatmapQuery query) {
        requireNonNull(query, "query is null");
        return reads.run(() -> HeatmapScroll.map(database, query));
    }

    private static List<String> selectors(Collection<String> selectors) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(requireNonNull(selectors, "selectors is null")));
        if (distinct.size() > MAX_SELECTORS) {
            throw new IllegalArgumentException("at most " + MAX_SELECTORS + " selectors, not " + distinct.size());
        }
        return distinct;
    }
}
