package dev.sightline.contract.dashboard;

/** How many sessions have a value (a page, a browser, a channel …). */
public record Count(String value, long sessions) {
}
