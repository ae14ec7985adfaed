package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tracked site. {@code siteKey} is public (it sits in the page's script tag); collect accepts
 * uploads for it only from {@code allowedOrigins} (empty means any origin).
 *
 * @param maskSelector CSS selectors whose elements the tracker masks in every mode, besides
 *                     {@code [data-sl-mask]}; empty for none
 * @param unmaskSelector CSS selectors whose elements' text the tracker keeps, besides
 *                       {@code [data-sl-unmask]}; empty for none
 */
public record Project(String id, String name, String siteKey, List<String> allowedOrigins, MaskingMode maskingMode,
                      boolean consentRequired, boolean honorGlobalPrivacyControl, int recordingRetentionDays,
                      int analyticsRetentionDays, Instant createdAt, String maskSelector, String unmaskSelector) {
    public static final int DEFAULT_RECORDING_RETENTION_DAYS = 30;
    public static final int DEFAULT_ANALYTICS_RETENTION_DAYS = 395;

    public Project {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(siteKey, "siteKey is null");
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(maskingMode, "maskingMode is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(maskSelector, "maskSelector is null");
        Objects.requireNonNull(unmaskSelector, "unmaskSelector is null");
    }

    /** A project without mask or unmask selectors of its own. */
    public Project(String id, String name, String siteKey, List<String> allowedOrigins, MaskingMode maskingMode,
                   boolean consentRequired, boolean honorGlobalPrivacyControl, int recordingRetentionDays,
                   int analyticsRetentionDays, Instant createdAt) {
        this(id, name, siteKey, allowedOrigins, maskingMode, consentRequired, honorGlobalPrivacyControl,
                recordingRetentionDays, analyticsRetentionDays, createdAt, "", "");
    }

    public boolean allowsOrigin(String origin) {
        return allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }
}
