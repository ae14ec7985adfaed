package dev.sightline.auth;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.Invite;
import dev.sightline.contract.meta.LoginEvent;
import dev.sightline.contract.meta.Membership;
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
    private final LoginAudit audit;
    private final Clock clock;
    private final LoginThrottle throttle = new LoginThrottle();
    private final String dummyHash;

    public AuthService(MetadataStore metadata, PasswordHasher hasher, LoginAudit audit, Clock clock) {
        this.metadata = Objects.requireNonNull(metadata, "metadata is null");
        this.hasher = Objects.requireNonNull(hasher, "hasher is null");
        this.audit = Objects.requireNonNull(audit, "audit is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.dummyHash = hasher.hash(Tokens.random(16));
    }

    public boolean setupRequired() {
        return metadata.accountCount() == 0;
    }

    /** Creates the owner account; only possible while there is no account at all. */
    public synchronized Login setup(String email, String password, Client client) {
        if (!setupRequired()) {
            throw HttpProblem.conflict("already_set_up", "Sightline already has an owner; sign in instead");
        }
        String normalized = validEmail(email);
        validatePassword(password);
        Account owner = new Account(UUID.randomUUID().toString(), normalized, hasher.hash(password), true, clock.instant());
        metadata.saveAccount(owner);
        audit.record(LoginEvent.Kind.SETUP, owner.id(), owner.email(), client);
        return startLogin(owner);
    }

    public Login login(String email, String password, Client client) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (throttle.blocked("email:" + normalized) || throttle.blocked("client:" + client.address())) {
            audit.record(LoginEvent.Kind.THROTTLED, "", normalized, client);
            throw HttpProblem.tooManyRequests("too many failed sign-ins; wait " + LoginThrottle.WINDOW_MINUTES
                    + " minutes", LoginThrottle.WINDOW_MINUTES * 60);
        }
        Optional<Account> account = metadata.accountByEmail(normalized);
        // Hash even for unknown e-mails so response time does not reveal which accounts exist.
        boolean valid = hasher.verify(password == null ? "" : password, account.map(Account::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !valid) {
            throttle.failed("email:" + normalized);
            throttle.failed("client:" + client.address());
            audit.record(account.isEmpty() ? LoginEvent.Kind.UNKNOWN_ACCOUNT : LoginEvent.Kind.WRONG_PASSWORD,
                    account.map(Account::id).orElse(""), normalized, client);
            throw new HttpProblem(401, "bad_credentials", "wrong e-mail or password");
        }
        throttle.succeeded("email:" + normalized);
        audit.record(LoginEvent.Kind.SIGNED_IN, account.get().id(), account.get().email(), client);
        return startLogin(account.get());
    }

    /**
     * Replaces the signed-in account's password after checking the current one, and ends the account's
     * other logins (a changed password locks out whoever knew the old one).
     */
    public void changePassword(SignedIn who, String current, String replacement, Client client) {
        Account account = metadata.account(who.account().id()).orElseThrow(HttpProblem::unauthenticated);
        if (throttle.blocked("password:" + account.id())) {
            throw HttpProblem.tooManyRequests("too many wrong passwords; wait " + LoginThrottle.WINDOW_MINUTES
                    + " minutes", LoginThrottle.WINDOW_MINUTES * 60);
        }
        if (!hasher.verify(current == null ? "" : current, account.passwordHash())) {
            throttle.failed("password:" + account.id());
            audit.record(LoginEvent.Kind.WRONG_PASSWORD, account.id(), account.email(), client);
            throw HttpProblem.badRequest("wrong_password", "the current password is wrong");
        }
        validatePassword(replacement);
        throttle.succeeded("password:" + account.id());
        metadata.saveAccount(new Account(account.id(), account.email(), hasher.hash(replacement), account.owner(),
                account.createdAt()));
        metadata.security().deleteLoginSessionsOf(account.id(), who.login().tokenHash());
        audit.record(LoginEvent.Kind.PASSWORD_CHANGED, account.id(), account.email(), client);
    }

    /** Creates the account an invitation was for, adds it to the invitation's project, and signs it in. */
    public synchronized Login acceptInvite(String inviteSecret, String password, Client client) {
        Invite invite = openInvite(inviteSecret);
        validatePassword(password);
        if (metadata.accountByEmail(invite.email()).isPresent()) {
            throw HttpProblem.conflict("account_exists", "an account with this e-mail exists; sign in instead");
        }
        Account account = new Account(UUID.randomUUID().toString(), invite.email(), hasher.hash(password), false,
                clock.instant());
        metadata.saveAccount(account);
        metadata.saveMembership(new Membership(account.id(), invite.projectId(), invite.role()));
        metadata.security().deleteInvite(invite.id());
        audit.record(LoginEvent.Kind.INVITE_ACCEPTED, account.id(), account.email(), client);
        return startLogin(account);
    }

    /** The invitation a link's secret stands for, if it is still open; 404 otherwise. */
    public Invite openInvite(String inviteSecret) {
        if (inviteSecret == null || inviteSecret.isEmpty() || inviteSecret.length() > 128) {
            throw HttpProblem.notFound("invitation");
        }
        return metadata.security().inviteByTokenHash(Tokens.sha256(inviteSecret))
                .filter(invite -> invite.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> HttpProblem.notFound("invitation"));
    }

    private Login startLogin(Account account) {
        String token = Tokens.random(32);
        Instant now = clock.instant();
        LoginSession session = new LoginSession(Tokens.sha256(token), account.id(), Tokens.random(24), now,
                now.plus(LOGIN_LIFETIME));
        metadata.saveLoginSession(session);
        return new Login(token, new SignedIn(account, session));
    }

    public void logout(String token, Client client) {
        if (token != null && !token.isEmpty()) {
            String hash = Tokens.sha256(token);
            metadata.loginSession(hash).flatMap(session -> metadata.account(session.accountId()))
                    .ifPresent(account -> audit.record(LoginEvent.Kind.SIGNED_OUT, account.id(), account.email(), client));
            metadata.deleteLoginSession(hash);
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

    static String validEmail(String email) {
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
