package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.Objects;

/** A person who signs in to the dashboard. The owner (first account) administers every project. */
public record Account(String id, String email, String passwordHash, boolean owner, Instant createdAt) {
    public Account {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(email, "email is null");
        Objects.requireNonNull(passwordHash, "passwordHash is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
    }
}
