package dev.sightline.store.clickhouse;

import static dev.sightline.store.clickhouse.MetadataSchema.ACCOUNTS;
import static dev.sightline.store.clickhouse.MetadataSchema.MEMBERSHIPS;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.Membership;
import dev.sightline.contract.meta.Role;
import dev.sightline.contract.store.StoreException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts, unique by e-mail ignoring case, and their memberships of projects. */
final class AccountRecords {

    private static final String COLUMNS = "id, email, password_hash, owner, created_at";

    private final ClickHouseDatabase database;
    private final Versions versions;

    AccountRecords(ClickHouseDatabase database, Versions versions) {
        this.database = database;
        this.versions = versions;
    }

    long count() {
        return database.query("SELECT count() AS accounts FROM (" + ACCOUNTS.latest("id", "1") + ACCOUNTS.onePerKey()
                + ")").get(0).get("accounts").asLong();
    }

    Optional<Account> byId(String id) {
        return first(ACCOUNTS.latest(COLUMNS, "id = " + Sql.quote(id), "1") + ACCOUNTS.onePerKey());
    }

    Optional<Account> byEmail(String email) {
        return first(ACCOUNTS.latest(COLUMNS, "email_key = " + Sql.quote(emailKey(email))) + " ORDER BY id LIMIT 1");
    }

    /** The owner account created first, if any. */
    Optional<Account> owner() {
        return first(ACCOUNTS.latest(COLUMNS, "owner = 1") + " ORDER BY created_at, id LIMIT 1");
    }

    /** Fails, changing nothing, when another account has the e-mail in any case. */
    void save(Account account) {
        String key = emailKey(account.email());
        if (!database.query(ACCOUNTS.latest("id", "email_key = " + Sql.quote(key) + " AND id != "
                + Sql.quote(account.id())) + " LIMIT 1").isEmpty()) {
            throw new StoreException("another account has the e-mail of account " + account.id(), null);
        }
        ACCOUNTS.put(database, versions, List.of(ClickHouseDatabase.row()
                .put("id", account.id())
                .put("email", account.email())
                .put("email_key", key)
                .put("password_hash", account.passwordHash())
                .put("owner", account.owner() ? 1 : 0)
                .put("created_at", Sql.micros(account.createdAt()))));
    }

    List<Membership> membershipsOf(String accountId) {
        return memberships(MEMBERSHIPS.latest("account_id, project_id, role", "account_id = " + Sql.quote(accountId),
                "1") + " ORDER BY project_id" + MEMBERSHIPS.onePerKey());
    }

    List<Membership> membersOf(String projectId) {
        return memberships(MEMBERSHIPS.latest("account_id, project_id, role", "project_id = " + Sql.quote(projectId),
                "1") + " ORDER BY account_id" + MEMBERSHIPS.onePerKey());
    }

    void saveMembership(Membership membership) {
        MEMBERSHIPS.put(database, versions, List.of(ClickHouseDatabase.row()
                .put("account_id", membership.accountId())
                .put("project_id", membership.projectId())
                .put("role", membership.role().name())));
    }

    void deleteMembership(String accountId, String projectId) {
        MEMBERSHIPS.delete(database, versions,
                "account_id = " + Sql.quote(accountId) + " AND project_id = " + Sql.quote(projectId), "1");
    }

    private Optional<Account> first(String sql) {
        return database.query(sql).stream().findFirst().map(row -> new Account(row.get("id").asText(),
                row.get("email").asText(), row.get("password_hash").asText(), row.get("owner").asInt() == 1,
                Sql.instant(row.get("created_at").asLong())));
    }

    private List<Membership> memberships(String sql) {
        return database.query(sql).stream().map(AccountRecords::membership).toList();
    }

    private static Membership membership(JsonNode row) {
        return new Membership(row.get("account_id").asText(), row.get("project_id").asText(),
                Role.valueOf(row.get("role").asText()));
    }

    private static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
