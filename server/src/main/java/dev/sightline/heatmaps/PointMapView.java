package dev.sightline.heatmaps;

import dev.sightline.contract.heatmap.ElementStats;
import dev.sightline.contract.heatmap.PointBin;
import dev.sightline.contract.heatmap.PointMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A point map as the dashboard reads it: the ranked elements, each with its cells packed five numbers
 * a cell — {@code columns, rows, column, row, points} — which keeps a map of tens of thousands of
 * cells small on the wire.
 */
record PointMapView(String layer, long points, long sessions, boolean sessionsEstimated, long unlistedPoints,
                    List<Element> elements) {

    record Element(String selector, String tag, String text, long points, long sessions, long[] cells) {
    }

    static PointMapView of(String layer, PointMap map) {
        Map<String, List<PointBin>> bySelector = new HashMap<>();
        for (PointBin bin : map.bins()) {
            bySelector.computeIfAbsent(bin.selector(), s -> new ArrayList<>()).add(bin);
        }
        List<Element> elements = new ArrayList<>(map.elements().size());
        for (ElementStats stats : map.elements()) {
            List<PointBin> bins = bySelector.getOrDefault(stats.selector(), List.of());
            long[] cells = new long[bins.size() * 5];
            for (int i = 0; i < bins.size(); i++) {
                PointBin bin = bins.get(i);
                cells[i * 5] = bin.columns();
                cells[i * 5 + 1] = bin.rows();
                cells[i * 5 + 2] = bin.column();
                cells[i * 5 + 3] = bin.row();
                cells[i * 5 + 4] = bin.points();
            }
            elements.add(new Element(stats.selector(), stats.tag(), stats.text(), stats.points(), stats.sessions(), cells));
        }
        return new PointMapView(layer, map.points(), map.sessions(), map.sessionsEstimated(), map.unlistedPoints(), elements);
    }
}
