package dev.sightline.contract.store;

/** Heatmaps never mix these: a phone layout and a desktop layout are different pages. */
public enum DeviceClass {
    DESKTOP, TABLET, MOBILE, OTHER
}
