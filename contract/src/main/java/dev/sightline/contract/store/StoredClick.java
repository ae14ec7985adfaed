package dev.sightline.contract.store;

import java.time.Instant;

/** A click as stored: where on the page, on which element, and where inside that element's box. */
public record StoredClick(int pageNumber, Instant at, int x, int y, String selector, int relX, int relY, String tag,
                          String text, int flags, int width, int height) {
}
