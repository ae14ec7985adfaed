package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A tracked site. {@code siteKey} is public (it sits in the page's script tag); collect accepts
 * uploads for it only from {@code allowedOrigins} (empty means any origin).
 */
public record Project(String id, String name, String siteKey, List<String> allowedOrigins, MaskingMode maskingMode,
                      boolean consentRequired, boolean honorGlobalPrivacyControl, int recordingRetentionDays,
                      int analyticsRetentionDays, Instant createdAt) {
    public static final int DEFAULT_RECORDING_RETENTION_DAYS = 30;
    public static final int DEFAULT_ANALYTICS_RETENTION_DAYS = 395;

    public Project {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(siteKey, "siteKey is null");
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(maskingMode, "maskingMode is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
    }

    public boolean allowsOrigin(String origin) {
        return allowedOrigins.isEmpty() || allowedOrigins.contains(origin);
    }
}
