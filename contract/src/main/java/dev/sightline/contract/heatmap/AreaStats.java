package dev.sightline.contract.heatmap;

/** The points of a layer on a set of elements together, and the sessions they came from (counted once). */
public record AreaStats(long points, long sessions, boolean sessionsEstimated) {
}
