package dev.sightline.contract.insights;

/**
 * The signals Sightline detects in stored sessions (definitions and thresholds: docs/insights.md).
 * Each is a timeline marker (JS errors use the existing error marker), a recordings filter, a
 * dashboard rate, and — for the click kinds — a heatmap layer.
 */
public enum InsightKind {
    /** Several rapid clicks in a small radius on one element. */
    RAGE_CLICK,
    /** A click the page did not respond to. */
    DEAD_CLICK,
    /** A click followed closely by a JavaScript error. */
    ERROR_CLICK,
    /** A page left for another and returned from quickly, or the site left and returned to quickly. */
    QUICK_BACK,
    /** Scrolling up and down far more than the page's visitors usually do. */
    EXCESSIVE_SCROLL,
    /** An uncaught JavaScript error or unhandled promise rejection. */
    JS_ERROR,
    /** A form started and left without being submitted. */
    FORM_ABANDON
}
