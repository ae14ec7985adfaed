package dev.sightline.auth;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.LoginSession;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.http.HttpProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First-run setup, sign-in and sign-out. Only hashes are stored: Argon2id for passwords, SHA-256 for
 * the random token in the login cookie; a stolen database opens no session.
 */
public final class AuthService {
    public static final Duration LOGIN_LIFETIME = Duration.ofDays(14);
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");

    /** A fresh login: the cookie token to hand to the browser (never stored) and what was stored. */
    public record Login(String token, SignedIn signedIn) {
    }

    private final MetadataStore metadata;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final LoginThrottle throttle = new LoginThrottle();
    private final String dummyHash;

    public AuthService(MetadataStore metadata, PasswordHasher hasher, Clock clock) {
        this.metadata = Objects.requireNonNull(metadata, "metadata is null");
        this.hasher = Objects.requireNonNull(hasher, "hasher is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.dummyHash = hasher.hash(Tokens.random(16));
    }

    public boolean setupRequired() {
        return metadata.accountCount() == 0;
    }

    /** Creates the owner account; only possible while there is no account at all. */
    public synchronized Login setup(String email, String password) {
        if (!setupRequired()) {
            throw HttpProblem.conflict("already_set_up", "Sightline already has an owner; sign in instead");
        }
        String normalized = validEmail(email);
        validatePassword(password);
        Account owner = new Account(UUID.randomUUID().toString(), normalized, hasher.hash(password), true, clock.instant());
        metadata.saveAccount(owner);
        return startLogin(owner);
    }

    public Login login(String email, String password, String clientKey) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (throttle.blocked("email:" + normalized) || throttle.blocked("client:" + clientKey)) {
            throw HttpProblem.tooManyRequests("too many failed sign-ins; wait " + LoginThrottle.WINDOW_MINUTES
                    + " minutes", LoginThrottle.WINDOW_MINUTES * 60);
        }
        Optional<Account> account = metadata.accountByEmail(normalized);
        // Hash even for unknown e-mails so response time does not reveal which accounts exist.
        boolean valid = hasher.verify(password == null ? "" : password, account.map(Account::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !valid) {
            throttle.failed("email:" + normalized);
            throttle.failed("client:" + clientKey);
            throw new HttpProblem(401, "bad_credentials", "wrong e-mail or password");
        }
        throttle.succeeded("email:" + normalized);
        return startLogin(account.get());
    }

    private Login startLogin(Account account) {
        String token = Tokens.random(32);
        Instant now = clock.instant();
        LoginSession session = new LoginSession(Tokens.sha256(token), account.id(), Tokens.random(24), now,
                now.plus(LOGIN_LIFETIME));
        metadata.saveLoginSession(session);
        return new Login(token, new SignedIn(account, session));
    }

    public void logout(String token) {
        if (token != null && !token.isEmpty()) {
            metadata.deleteLoginSession(Tokens.sha256(token));
        }
    }

    /** The signed-in account for a cookie token, if the login exists and has not expired. */
    public Optional<SignedIn> resolve(String token) {
        if (token == null || token.isEmpty() || token.length() > 128) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        return metadata.loginSession(hash)
                .filter(session -> session.expiresAt().isAfter(clock.instant()))
                .flatMap(session -> metadata.account(session.accountId()).map(account -> new SignedIn(account, session)));
    }

    private static String validEmail(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(normalized).matches()) {
            throw HttpProblem.badRequest("invalid_email", "enter a valid e-mail address");
        }
        return normalized;
    }

    private static void validatePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw HttpProblem.badRequest("weak_password", "the password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 1024) {
            throw HttpProblem.badRequest("weak_password", "the password is too long");
        }
    }
}
