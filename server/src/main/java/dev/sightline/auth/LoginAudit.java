package dev.sightline.auth;

import dev.sightline.contract.meta.LoginEvent;
import dev.sightline.contract.meta.SecurityStore;
import java.time.Clock;
import java.util.Objects;

/** Writes the login audit: every sign-in, failed attempt, sign-out, password change and new account. */
public final class LoginAudit {
    private static final int MAX_EMAIL = 254;

    private final SecurityStore store;
    private final Clock clock;

    public LoginAudit(SecurityStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    void record(LoginEvent.Kind kind, String accountId, String email, Client client) {
        String typed = email == null ? "" : email.strip();
        store.recordLogin(new LoginEvent(clock.instant(), accountId == null ? "" : accountId,
                typed.length() > MAX_EMAIL ? typed.substring(0, MAX_EMAIL) : typed, kind, client.address(),
                client.userAgent()));
    }
}
