package dev.sightline.contract.store;

/** Orders of the recordings list; every one is descending (newest, longest, busiest first). */
public enum SessionSort {
    START_TIME, DURATION, CLICKS, PAGES, FRUSTRATION
}
