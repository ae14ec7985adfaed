package dev.sightline.contract.dashboard;

/** What an export breaks its figures down by. {@code URL} counts a session under every page key it visited. */
public enum Dimension {
    DEVICE, BROWSER, OS, COUNTRY, CHANNEL, SOURCE, MEDIUM, CAMPAIGN, URL
}
