package dev.sightline.contract.heatmap;

/** A page's (or page group's) page views, their sessions, their clicks, and their average deepest scroll. */
public record Traffic(long pageViews, long sessions, long clicks, int averageScrollPermille) {
}
