package dev.sightline.contract.dashboard;

/** How many sessions have a value (a browser, a channel …); for top pages, how many page views. */
public record Count(String value, long sessions) {
}
