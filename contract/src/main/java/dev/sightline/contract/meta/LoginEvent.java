package dev.sightline.contract.meta;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the login audit: who tried to get in to the dashboard, from where, and what happened.
 *
 * @param accountId the account concerned; empty when the e-mail belongs to no account
 * @param email the e-mail as typed (at most 254 characters)
 * @param clientAddress the address the request came from
 * @param userAgent the browser's User-Agent (at most 256 characters)
 */
public record LoginEvent(Instant at, String accountId, String email, Kind kind, String clientAddress,
                         String userAgent) {

    /** What happened. */
    public enum Kind {
        /** The first account was created. */
        SETUP,
        SIGNED_IN,
        WRONG_PASSWORD,
        UNKNOWN_ACCOUNT,
        /** Refused without checking, after too many failures. */
        THROTTLED,
        SIGNED_OUT,
        PASSWORD_CHANGED,
        /** An invited person created their account. */
        INVITE_ACCEPTED
    }

    public LoginEvent {
        Objects.requireNonNull(at, "at is null");
        Objects.requireNonNull(accountId, "accountId is null");
        Objects.requireNonNull(email, "email is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(clientAddress, "clientAddress is null");
        Objects.requireNonNull(userAgent, "userAgent is null");
    }
}
