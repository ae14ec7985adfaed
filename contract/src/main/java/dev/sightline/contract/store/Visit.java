package dev.sightline.contract.store;

import java.util.Objects;

/** What the request and its user agent say about the visitor; the IP address itself is never kept. */
public record Visit(DeviceClass deviceClass, String browser, String browserVersion, String os, String country,
                    boolean bot) {
    public Visit {
        Objects.requireNonNull(deviceClass, "deviceClass is null");
        Objects.requireNonNull(browser, "browser is null");
        Objects.requireNonNull(browserVersion, "browserVersion is null");
        Objects.requireNonNull(os, "os is null");
        Objects.requireNonNull(country, "country is null");
    }

    /** Country code used when no GeoIP database is configured or the address is not in it. */
    public static final String UNKNOWN_COUNTRY = "--";
}
