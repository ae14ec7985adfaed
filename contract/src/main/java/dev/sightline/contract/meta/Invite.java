package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation for someone without an account to join a project with a role. The link carries a
 * random secret; only its SHA-256 is stored, and the invitation ends when used or at {@code expiresAt}.
 */
public record Invite(String id, String tokenHash, String projectId, String email, Role role, String invitedBy,
                     Instant createdAt, Instant expiresAt) {
    public Invite {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(tokenHash, "tokenHash is null");
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(email, "email is null");
        Objects.requireNonNull(role, "role is null");
        Objects.requireNonNull(invitedBy, "invitedBy is null");
        Objects.requireNonNull(createdAt, "createdAt is null");
        Objects.requireNonNull(expiresAt, "expiresAt is null");
    }
}
