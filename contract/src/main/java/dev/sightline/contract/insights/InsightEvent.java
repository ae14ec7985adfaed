package dev.sightline.contract.insights;

import java.time.Instant;
import java.util.Objects;

/**
 * One detected occurrence of an insight.
 *
 * @param pageNumber the page view it belongs to (for a quick back: the page that was backed out of)
 * @param at when it happened; for click kinds exactly the click's stored time, so heatmaps can join
 *           it to the click
 * @param selector the element (click kinds: the clicked element; form abandonment: the last field
 *                 touched); empty when there is none
 * @param pageKey the page's key, as heatmaps group pages
 * @param value a kind-specific amount: clicks in a rage burst, direction reversals, milliseconds
 *              before the return, field interactions; 1 otherwise
 * @param detail a short human description, shown as the marker's label
 * @param x page x of the click (0 for kinds without a position)
 * @param y page y of the click
 * @param relX position inside the element's box in 1/10000ths
 * @param relY position inside the element's box in 1/10000ths
 */
public record InsightEvent(InsightKind kind, int pageNumber, Instant at, String selector, String pageKey, int value,
                           String detail, int x, int y, int relX, int relY) {
    public InsightEvent {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(at, "at is null");
        Objects.requireNonNull(selector, "selector is null");
        Objects.requireNonNull(pageKey, "pageKey is null");
        Objects.requireNonNull(detail, "detail is null");
    }
}
