package dev.sightline.store.clickhouse;

import static dev.sightline.store.clickhouse.MetadataSchema.LOGIN_AUDIT;
import static dev.sightline.store.clickhouse.MetadataSchema.LOGIN_SESSIONS;

import dev.sightline.contract.meta.LoginEvent;
import dev.sightline.contract.meta.LoginSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Signed-in browsers (login sessions, by the hash of their cookie) and the login audit. */
final class LoginRecords {

    private static final String SESSION_COLUMNS = "token_hash, account_id, csrf_token, created_at, expires_at";

    private final ClickHouseDatabase database;
    private final Versions versions;

    LoginRecords(ClickHouseDatabase database, Versions versions) {
        this.database = database;
        this.versions = versions;
    }

    void saveSession(LoginSession session) {
        LOGIN_SESSIONS.put(database, versions, List.of(ClickHouseDatabase.row()
                .put("token_hash", session.tokenHash())
                .put("account_id", session.accountId())
                .put("csrf_token", session.csrfToken())
                .put("created_at", Sql.micros(session.createdAt()))
                .put("expires_at", Sql.micros(session.expiresAt()))));
    }

    Optional<LoginSession> session(String tokenHash) {
        return database.query(LOGIN_SESSIONS.latest(SESSION_COLUMNS, "token_hash = " + Sql.quote(tokenHash), "1")
                + LOGIN_SESSIONS.onePerKey()).stream().findFirst().map(row -> new LoginSession(
                row.get("token_hash").asText(), row.get("account_id").asText(), row.get("csrf_token").asText(),
                Sql.instant(row.get("created_at").asLong()), Sql.instant(row.get("expires_at").asLong())));
    }

    void deleteSession(String tokenHash) {
        LOGIN_SESSIONS.delete(database, versions, "token_hash = " + Sql.quote(tokenHash), "1");
    }

    void deleteSessionsOf(String accountId, String exceptTokenHash) {
        LOGIN_SESSIONS.delete(database, versions, "1",
                "account_id = " + Sql.quote(accountId) + " AND token_hash != " + Sql.quote(exceptTokenHash));
    }

    long deleteExpiredSessions(Instant now) {
        return LOGIN_SESSIONS.delete(database, versions, "1", "expires_at < " + Sql.micros(now));
    }

    void record(LoginEvent event) {
        database.insert(LOGIN_AUDIT, List.of(ClickHouseDatabase.row()
                .put("occurred_at", Sql.micros(event.at()))
                .put("account_id", event.accountId())
                .put("email", event.email())
                .put("kind", event.kind().name())
                .put("client_address", event.clientAddress())
                .put("user_agent", event.userAgent())));
    }

    List<LoginEvent> latest(int limit) {
        return database.query("SELECT occurred_at, account_id, email, kind, client_address, user_agent FROM "
                + LOGIN_AUDIT + " ORDER BY occurred_at DESC LIMIT " + limit).stream().map(row -> new LoginEvent(
                Sql.instant(row.get("occurred_at").asLong()), row.get("account_id").asText(), row.get("email").asText(),
                LoginEvent.Kind.valueOf(row.get("kind").asText()), row.get("client_address").asText(),
                row.get("user_agent").asText())).toList();
    }

    /**
     * Forgets the lines older than the cutoff with a mutation, so that they leave the disk (addresses and
     * e-mails are personal data), and waits for it.
     */
    long deleteBefore(Instant cutoff) {
        String older = "occurred_at < " + Sql.micros(cutoff);
        long lines = database.query("SELECT count() AS lines FROM " + LOGIN_AUDIT + " WHERE " + older).get(0)
                .get("lines").asLong();
        if (lines > 0) {
            database.execute("ALTER TABLE " + LOGIN_AUDIT + " DELETE WHERE " + older);
            database.awaitMutations(LOGIN_AUDIT);
        }
        return lines;
    }
}
