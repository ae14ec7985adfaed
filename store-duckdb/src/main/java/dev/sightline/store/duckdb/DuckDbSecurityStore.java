package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.ApiToken;
import dev.sightline.contract.meta.ErasureRecord;
import dev.sightline.contract.meta.Invite;
import dev.sightline.contract.meta.LoginEvent;
import dev.sightline.contract.meta.Membership;
import dev.sightline.contract.meta.Role;
import dev.sightline.contract.meta.SecurityStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/**
 * The {@link SecurityStore} inside {@code meta.duckdb}, sharing the metadata store's transactions:
 * reads run concurrently, writes one at a time, each call in one transaction.
 */
final class DuckDbSecurityStore implements SecurityStore {

    /** Runs a read in a transaction of the metadata store. */
    @FunctionalInterface
    interface Reads {
        <T> T read(String what, SqlWork<T> work);
    }

    /** Runs a write in a transaction of the metadata store, one at a time. */
    @FunctionalInterface
    interface Writes {
        void write(String what, DuckDbMetadataStore.SqlStatements statements);
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static final String INVITE_COLUMNS =
            "id, token_hash, project_id, email, role, invited_by, epoch_us(created_at), epoch_us(expires_at)";

    private static final String TOKEN_COLUMNS =
            "id, project_id, name, token_hash, prefix, created_by, epoch_us(created_at), epoch_us(last_used_at)";

    private final Reads reads;
    private final Writes writes;

    DuckDbSecurityStore(Reads reads, Writes writes) {
        this.reads = requireNonNull(reads, "reads is null");
        this.writes = requireNonNull(writes, "writes is null");
    }

    @Override
    public Optional<Account> owner() {
        return reads.read("finding the owner", c -> list(c,
                "SELECT id, email, password_hash, owner, epoch_us(created_at) FROM accounts WHERE owner ORDER BY created_at LIMIT ?",
                List.of(), row -> new Account(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4),
                        Micros.toInstant(row.getLong(5))), 1).stream().findFirst());
    }

    @Override
    public List<Membership> members(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return reads.read("listing the members of " + projectId, c -> list(c,
                "SELECT account_id, project_id, role FROM memberships WHERE project_id = ? ORDER BY account_id",
                List.of(projectId), row -> new Membership(row.getString(1), row.getString(2), Role.valueOf(row.getString(3)))));
    }

    @Override
    public void deleteMembership(String accountId, String projectId) {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(projectId, "projectId is null");
        writes.write("removing a member", c -> Statements.execute(c,
                "DELETE FROM memberships WHERE account_id = ? AND project_id = ?", accountId, projectId));
    }

    @Override
    public void deleteLoginSessionsOf(String accountId, String exceptTokenHash) {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(exceptTokenHash, "exceptTokenHash is null");
        writes.write("ending the logins of an account", c -> Statements.execute(c,
                "DELETE FROM login_sessions WHERE account_id = ? AND token_hash <> ?", accountId, exceptTokenHash));
    }

    @Override
    public void saveInvite(Invite invite) {
        requireNonNull(invite, "invite is null");
        writes.write("saving an invitation", c -> {
            Statements.execute(c, "DELETE FROM invites WHERE id = ?", invite.id());
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO invites VALUES (?, ?, ?, ?, ?, ?, make_timestamp(?::BIGINT), make_timestamp(?::BIGINT))")) {
                insert.setString(1, invite.id());
                insert.setString(2, invite.tokenHash());
                insert.setString(3, invite.projectId());
                insert.setString(4, invite.email());
                insert.setString(5, invite.role().name());
                insert.setString(6, invite.invitedBy());
                insert.setLong(7, Micros.of(invite.createdAt()));
                insert.setLong(8, Micros.of(invite.expiresAt()));
                insert.execute();
            }
        });
    }

    @Override
    public Optional<Invite> inviteByTokenHash(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        return reads.read("reading an invitation", c -> list(c,
                "SELECT " + INVITE_COLUMNS + " FROM invites WHERE token_hash = ?", List.of(tokenHash),
                DuckDbSecurityStore::invite).stream().findFirst());
    }

    @Override
    public List<Invite> invites(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return reads.read("listing invitations", c -> list(c,
                "SELECT " + INVITE_COLUMNS + " FROM invites WHERE project_id = ? ORDER BY created_at, id",
                List.of(projectId), DuckDbSecurityStore::invite));
    }

    @Override
    public void deleteInvite(String id) {
        requireNonNull(id, "id is null");
        writes.write("deleting an invitation", c -> Statements.execute(c, "DELETE FROM invites WHERE id = ?", id));
    }

    @Override
    public void saveApiToken(ApiToken token) {
        requireNonNull(token, "token is null");
        writes.write("saving an API token", c -> {
            Statements.execute(c, "DELETE FROM api_tokens WHERE id = ?", token.id());
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO api_tokens
                    VALUES (?, ?, ?, ?, ?, ?, make_timestamp(?::BIGINT), make_timestamp(?::BIGINT))""")) {
                insert.setString(1, token.id());
                insert.setString(2, token.projectId());
                insert.setString(3, token.name());
                insert.setString(4, token.tokenHash());
                insert.setString(5, token.prefix());
                insert.setString(6, token.createdBy());
                insert.setLong(7, Micros.of(token.createdAt()));
                if (token.lastUsedAt().isPresent()) {
                    insert.setLong(8, Micros.of(token.lastUsedAt().get()));
                } else {
                    insert.setNull(8, java.sql.Types.BIGINT);
                }
                insert.execute();
            }
        });
    }

    @Override
    public Optional<ApiToken> apiTokenByHash(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        return reads.read("reading an API token", c -> list(c,
                "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE token_hash = ?", List.of(tokenHash),
                DuckDbSecurityStore::token).stream().findFirst());
    }

    @Override
    public List<ApiToken> apiTokens(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return reads.read("listing API tokens", c -> list(c,
                "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE project_id = ? ORDER BY created_at, id",
                List.of(projectId), DuckDbSecurityStore::token));
    }

    @Override
    public boolean deleteApiToken(String projectId, String tokenId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(tokenId, "tokenId is null");
        boolean[] deleted = {false};
        writes.write("revoking an API token", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM api_tokens WHERE project_id = ? AND id = ?")) {
                delete.setString(1, projectId);
                delete.setString(2, tokenId);
                deleted[0] = delete.executeUpdate() > 0;
            }
        });
        return deleted[0];
    }

    @Override
    public void apiTokenUsed(String tokenId, Instant at) {
        requireNonNull(tokenId, "tokenId is null");
        requireNonNull(at, "at is null");
        // DuckDB cannot UPDATE a table's indexed columns in place, but last_used_at carries no index.
        writes.write("noting an API token's use", c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE api_tokens SET last_used_at = make_timestamp(?::BIGINT) WHERE id = ?")) {
                update.setLong(1, Micros.of(at));
                update.setString(2, tokenId);
                update.execute();
            }
        });
    }

    @Override
    public void recordLogin(LoginEvent event) {
        requireNonNull(event, "event is null");
        writes.write("recording a login event", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO login_audit VALUES (make_timestamp(?::BIGINT), ?, ?, ?, ?, ?)")) {
                insert.setLong(1, Micros.of(event.at()));
                insert.setString(2, event.accountId());
                insert.setString(3, event.email());
                insert.setString(4, event.kind().name());
                insert.setString(5, event.clientAddress());
                insert.setString(6, event.userAgent());
                insert.execute();
            }
        });
    }

    @Override
    public List<LoginEvent> logins(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return reads.read("reading the login audit", c -> {
            List<LoginEvent> events = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT epoch_us(occurred_at), account_id, email, kind, client_address, user_agent FROM login_audit
                    ORDER BY occurred_at DESC LIMIT ?""")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        events.add(new LoginEvent(Micros.toInstant(rows.getLong(1)), rows.getString(2),
                                rows.getString(3), LoginEvent.Kind.valueOf(rows.getString(4)), rows.getString(5),
                                rows.getString(6)));
                    }
                }
            }
            return List.copyOf(events);
        });
    }

    @Override
    public long deleteLoginsBefore(Instant cutoff) {
        requireNonNull(cutoff, "cutoff is null");
        long[] deleted = {0};
        writes.write("pruning the login audit", c -> deleted[0] = deleteBefore(c,
                "DELETE FROM login_audit WHERE occurred_at < make_timestamp(?::BIGINT)", cutoff));
        return deleted[0];
    }

    @Override
    public long deleteExpired(Instant now) {
        requireNonNull(now, "now is null");
        long[] deleted = {0};
        writes.write("deleting expired logins and invitations", c -> deleted[0] =
                deleteBefore(c, "DELETE FROM login_sessions WHERE expires_at < make_timestamp(?::BIGINT)", now)
                + deleteBefore(c, "DELETE FROM invites WHERE expires_at < make_timestamp(?::BIGINT)", now));
        return deleted[0];
    }

    @Override
    public void recordErasure(ErasureRecord record) {
        requireNonNull(record, "record is null");
        writes.write("recording an erasure", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO erasures VALUES (?, ?, ?, ?, ?, ?, make_timestamp(?::BIGINT))")) {
                insert.setString(1, record.id());
                insert.setString(2, record.projectId());
                insert.setString(3, record.subjectKind().name());
                insert.setString(4, record.subjectHint());
                insert.setInt(5, record.sessionsDeleted());
                insert.setString(6, record.requestedBy());
                insert.setLong(7, Micros.of(record.at()));
                insert.execute();
            }
        });
    }

    @Override
    public List<ErasureRecord> erasures(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return reads.read("listing erasures", c -> list(c, """
                SELECT id, project_id, subject_kind, subject_hint, sessions_deleted, requested_by, epoch_us(occurred_at)
                FROM erasures WHERE project_id = ? ORDER BY occurred_at DESC, id""", List.of(projectId),
                row -> new ErasureRecord(row.getString(1), row.getString(2),
                        ErasureRecord.SubjectKind.valueOf(row.getString(3)), row.getString(4), row.getInt(5),
                        row.getString(6), Micros.toInstant(row.getLong(7)))));
    }

    private static long deleteBefore(DuckDBConnection c, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setLong(1, Micros.of(cutoff));
            return delete.executeUpdate();
        }
    }

    private static <T> List<T> list(DuckDBConnection c, String sql, List<String> parameters, RowReader<T> reader)
            throws SQLException {
        return list(c, sql, parameters, reader, -1);
    }

    /** With a limit &ge; 0, it is bound as the parameter after the strings. */
    private static <T> List<T> list(DuckDBConnection c, String sql, List<String> parameters, RowReader<T> reader,
                                    int limit) throws SQLException {
        List<T> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            if (limit >= 0) {
                select.setInt(parameters.size() + 1, limit);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(reader.read(rows));
                }
            }
        }
        return List.copyOf(found);
    }

    private static Invite invite(ResultSet row) throws SQLException {
        return new Invite(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                Role.valueOf(row.getString(5)), row.getString(6), Micros.toInstant(row.getLong(7)),
                Micros.toInstant(row.getLong(8)));
    }

    private static ApiToken token(ResultSet row) throws SQLException {
        long lastUsed = row.getLong(8);
        Optional<Instant> lastUsedAt = row.wasNull() ? Optional.empty() : Optional.of(Micros.toInstant(lastUsed));
        return new ApiToken(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), Micros.toInstant(row.getLong(7)), lastUsedAt);
    }
}
