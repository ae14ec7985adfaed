package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.Objects;

/** A signed-in browser. Only the hash of its cookie token is stored. */
public record LoginSession(String tokenHash, String accountId, String csrfToken, Instant createdAt,
                           Instant expiresAt) {
    public LoginSession {
        Objects.requireNonNull(tokenHash, "tokenHash is null");
        Objects.requireNonNull(accountId, "accountId is null");
        Objects.requireNonNull(csrfToken, "csrfToken is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(expiresAt, "expiresAt is null");
    }
}
