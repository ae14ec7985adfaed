package dev.sightline.contract.store;

import java.util.Objects;

/** How a session arrived, known from its first page view. Empty strings stand for "none". */
public record Acquisition(String landingUrl, String referrer, String referrerHost, Channel channel,
                          String utmSource, String utmMedium, String utmCampaign, String utmTerm,
                          String utmContent) {
    public Acquisition {
        Objects.requireNonNull(landingUrl, "landingUrl is null");
        Objects.requireNonNull(referrer, "referrer is null");
        Objects.requireNonNull(referrerHost, "referrerHost is null");
        Objects.requireNonNull(channel, "channel is null");
        Objects.requireNonNull(utmSource, "utmSource is null");
        Objects.requireNonNull(utmMedium, "utmMedium is null");
        Objects.requireNonNull(utmCampaign, "utmCampaign is null");
        Objects.requireNonNull(utmTerm, "utmTerm is null");
        Objects.requireNonNull(utmContent, "utmContent is null");
    }
}
