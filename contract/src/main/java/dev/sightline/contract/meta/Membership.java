package dev.sightline.contract.meta;

import java.util.Objects;

public record Membership(String accountId, String projectId, Role role) {
    public Membership {
        Objects.requireNonNull(accountId, "accountId is null");
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(role, "role is null");
    }
}
