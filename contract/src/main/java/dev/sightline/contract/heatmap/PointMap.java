package dev.sightline.contract.heatmap;

import java.util.List;

/**
 * One layer of a heatmap, aggregated in the store: the elements ranked by points (at most
 * {@link #MAX_ELEMENTS}, most first, ties by selector), and the binned positions inside each listed
 * element. Points on elements beyond the list are counted in {@code unlistedPoints} and not binned.
 *
 * @param points every point of the layer in the query
 * @param sessions sessions with at least one point
 * @param sessionsEstimated true when session counts (here and in the elements) are estimates, which
 *        stores may give above {@link #EXACT_SESSIONS_UP_TO} points (within about 2 %)
 */
public record PointMap(long points, long sessions, boolean sessionsEstimated, long unlistedPoints,
                       List<ElementStats> elements, List<PointBin> bins) {
    public static final int MAX_ELEMENTS = 1000;
    public static final long EXACT_SESSIONS_UP_TO = 250_000;

    public PointMap {
        elements = List.copyOf(elements);
        bins = List.copyOf(bins);
    }
}
