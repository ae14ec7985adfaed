package dev.sightline.contract.meta;

/** How much of a page the tracker masks before anything leaves the browser. Inputs are masked in every mode. */
public enum MaskingMode {
    /** All text and images masked. */
    STRICT,
    /** Default: inputs masked, and words with digits or an @ masked in page text. */
    BALANCED,
    /** Only inputs masked. */
    RELAXED
}
