package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.ApiToken;
import dev.sightline.contract.meta.ErasureRecord;
import dev.sightline.contract.meta.Invite;
import dev.sightline.contract.meta.LoginEvent;
import dev.sightline.contract.meta.Membership;
import dev.sightline.contract.meta.SecurityStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The {@link SecurityStore} of {@link ClickHouseMetadataStore}, in the same database and under the same calls. */
final class ClickHouseSecurityStore implements SecurityStore {

    /** Runs a call while the store is open; writing calls one at a time. */
    interface Calls {
        <T> T read(Supplier<T> call);

        <T> T write(Supplier<T> call);
    }

    private final ClickHouseDatabase database;
    private final Calls calls;
    private final AccountRecords accounts;
    private final LoginRecords logins;
    private final AccessRecords access;
    private final ErasureRecords erasures;

    ClickHouseSecurityStore(ClickHouseDatabase database, Calls calls, AccountRecords accounts, LoginRecords logins,
                            AccessRecords access, ErasureRecords erasures) {
        this.database = requireNonNull(database, "database is null");
        this.calls = requireNonNull(calls, "calls is null");
        this.accounts = requireNonNull(accounts, "accounts is null");
        this.logins = requireNonNull(logins, "logins is null");
        this.access = requireNonNull(access, "access is null");
        this.erasures = requireNonNull(erasures, "erasures is null");
    }

    @Override
    public Optional<Account> owner() {
        return calls.read(accounts::owner);
    }

    @Override
    public List<Membership> members(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return calls.read(() -> accounts.membersOf(projectId));
    }

    @Override
    public void deleteMembership(String accountId, String projectId) {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(projectId, "projectId is null");
        calls.write(() -> {
            accounts.deleteMembership(accountId, projectId);
            return null;
        });
    }

    @Override
    public void deleteLoginSessionsOf(String accountId, String exceptTokenHash) {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(exceptTokenHash, "exceptTokenHash is null");
        calls.write(() -> {
            logins.deleteSessionsOf(accountId, exceptTokenHash);
            return null;
        });
    }

    @Override
    public void saveInvite(Invite invite) {
        requireNonNull(invite, "invite is null");
        calls.write(() -> {
            access.saveInvite(invite);
            return null;
        });
    }

    @Override
    public Optional<Invite> inviteByTokenHash(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        return calls.read(() -> access.inviteByTokenHash(tokenHash));
    }

    @Override
    public List<Invite> invites(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return calls.read(() -> access.invitesOf(projectId));
    }

    @Override
    public void deleteInvite(String id) {
        requireNonNull(id, "id is null");
        calls.write(() -> {
            access.deleteInvite(id);
            return null;
        });
    }

    @Override
    public void saveApiToken(ApiToken token) {
        requireNonNull(token, "token is null");
        calls.write(() -> {
            access.saveToken(token);
            return null;
        });
    }

    @Override
    public Optional<ApiToken> apiTokenByHash(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        return calls.read(() -> access.tokenByHash(tokenHash));
    }

    @Override
    public List<ApiToken> apiTokens(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return calls.read(() -> access.tokensOf(projectId));
    }

    @Override
    public boolean deleteApiToken(String projectId, String tokenId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(tokenId, "tokenId is null");
        return calls.write(() -> access.deleteToken(projectId, tokenId));
    }

    @Override
    public void apiTokenUsed(String tokenId, Instant at) {
        requireNonNull(tokenId, "tokenId is null");
        requireNonNull(at, "at is null");
        calls.write(() -> {
            access.tokenUsed(tokenId, at);
            return null;
        });
    }

    @Override
    public void recordLogin(LoginEvent event) {
        requireNonNull(event, "event is null");
        calls.write(() -> {
            logins.record(event);
            return null;
        });
    }

    @Override
    public List<LoginEvent> logins(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return calls.read(() -> logins.latest(limit));
    }

    @Override
    public long deleteLoginsBefore(Instant cutoff) {
        requireNonNull(cutoff, "cutoff is null");
        return calls.write(() -> logins.deleteBefore(cutoff));
    }

    /** {@inheritDoc} Also removes the rows of every entity deleted since, from every metadata table. */
    @Override
    public long deleteExpired(Instant now) {
        requireNonNull(now, "now is null");
        return calls.write(() -> {
            long expired = logins.deleteExpiredSessions(now) + access.deleteExpiredInvites(now);
            // The periodic pass that calls this also makes every deletion since the last one physical.
            MetadataSchema.ENTITIES.forEach(table -> table.clearDeleted(database));
            return expired;
        });
    }

    @Override
    public void recordErasure(ErasureRecord record) {
        requireNonNull(record, "record is null");
        calls.write(() -> {
            erasures.record(record);
            return null;
        });
    }

    @Override
    public List<ErasureRecord> erasures(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return calls.read(() -> erasures.of(projectId));
    }
}
