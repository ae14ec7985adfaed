package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A secret that lets a program read one project's data ({@code Authorization: Bearer …}). Only the
 * SHA-256 of the secret is stored; {@code prefix} is its first characters, so people can tell tokens
 * apart without the secret being kept anywhere.
 */
public record ApiToken(String id, String projectId, String name, String tokenHash, String prefix, String createdBy,
                       Instant createdAt, Optional<Instant> lastUsedAt) {
    public ApiToken {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(tokenHash, "tokenHash is null");
        Objects.requireNonNull(prefix, "prefix is null");
        Objects.requireNonNull(createdBy, "createdBy is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt is null");
    }
}
