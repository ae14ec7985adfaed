package dev.sightline.tokens;

import dev.sightline.auth.Tokens;
import dev.sightline.contract.meta.ApiToken;
import dev.sightline.contract.meta.SecurityStore;
import dev.sightline.http.HttpProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens: random secrets ({@code slt_} and 32 URL-safe characters, 192 bits) that read one project's
 * data. The secret is shown once, when it is created; only its SHA-256 is stored, so a copy of the
 * database opens nothing. A token's last use is noted at most once a minute.
 */
public final class ApiTokens {
    public static final String PREFIX = "slt_";
    private static final int SECRET_BYTES = 24;
    private static final int MAX_NAME = 100;
    private static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    /** A token just made, with its secret: the only time the secret exists outside the caller. */
    public record Created(ApiToken token, String secret) {
    }

    private final SecurityStore store;
    private final Clock clock;

    public ApiTokens(SecurityStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public Created create(String projectId, String name, String createdBy) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw HttpProblem.badRequest("invalid_name", "a token needs a name of 1.." + MAX_NAME + " characters");
        }
        String secret = PREFIX + Tokens.random(SECRET_BYTES);
        ApiToken token = new ApiToken(UUID.randomUUID().toString(), projectId, trimmed, Tokens.sha256(secret),
                secret.substring(0, PREFIX.length() + 4), createdBy, clock.instant(), Optional.empty());
        store.saveApiToken(token);
        return new Created(token, secret);
    }

    public List<ApiToken> of(String projectId) {
        return store.apiTokens(projectId);
    }

    /** Revokes a token of the project; 404 when the project has no such token. */
    public void revoke(String projectId, String tokenId) {
        if (!store.deleteApiToken(projectId, tokenId)) {
            throw HttpProblem.notFound("token");
        }
    }

    /** The token a secret stands for, if it exists; notes the use. */
    public Optional<ApiToken> resolve(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 128) {
            return Optional.empty();
        }
        Optional<ApiToken> token = store.apiTokenByHash(Tokens.sha256(secret));
        Instant now = clock.instant();
        token.filter(t -> t.lastUsedAt().map(last -> last.plus(USE_RESOLUTION).isBefore(now)).orElse(true))
                .ifPresent(t -> store.apiTokenUsed(t.id(), now));
        return token;
    }
}
