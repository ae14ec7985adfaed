package dev.sightline.store.clickhouse;

import static dev.sightline.store.clickhouse.MetadataSchema.API_TOKENS;
import static dev.sightline.store.clickhouse.MetadataSchema.API_TOKEN_USES;
import static dev.sightline.store.clickhouse.MetadataSchema.INVITES;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.meta.ApiToken;
import dev.sightline.contract.meta.Invite;
import dev.sightline.contract.meta.Role;
import dev.sightline.contract.store.StoreException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations and API tokens, each unique by the hash of its secret. A token's last use is appended to
 * {@code api_token_uses} rather than to the token's own rows: noting a use on one node while another
 * revokes the token can then never bring the token back. The use counts when it is newer (by version)
 * than the token's row, so saving the token again replaces its last use as well.
 */
final class AccessRecords {

    private static final String INVITE_COLUMNS =
            "id, token_hash, project_id, email, role, invited_by, created_at, expires_at";
    private static final String TOKEN_COLUMNS =
            "id, project_id, name, token_hash, prefix, created_by, created_at, used, last_used_at, version";

    private final ClickHouseDatabase database;
    private final Versions versions;

    AccessRecords(ClickHouseDatabase database, Versions versions) {
        this.database = database;
        this.versions = versions;
    }

    /** Fails, changing nothing, when another invitation has the hash. */
    void saveInvite(Invite invite) {
        if (!database.query(INVITES.latest("id", "token_hash = " + Sql.quote(invite.tokenHash()) + " AND id != "
                + Sql.quote(invite.id())) + " LIMIT 1").isEmpty()) {
            throw new StoreException("another invitation has the token hash of invitation " + invite.id(), null);
        }
        INVITES.put(database, versions, List.of(ClickHouseDatabase.row()
                .put("id", invite.id())
                .put("token_hash", invite.tokenHash())
                .put("project_id", invite.projectId())
                .put("email", invite.email())
                .put("role", invite.role().name())
                .put("invited_by", invite.invitedBy())
                .put("created_at", Sql.micros(invite.createdAt()))
                .put("expires_at", Sql.micros(invite.expiresAt()))));
    }

    Optional<Invite> inviteByTokenHash(String tokenHash) {
        return invites(INVITES.latest(INVITE_COLUMNS, "token_hash = " + Sql.quote(tokenHash)) + " ORDER BY id LIMIT 1")
                .stream().findFirst();
    }

    List<Invite> invitesOf(String projectId) {
        return invites(INVITES.latest(INVITE_COLUMNS, "project_id = " + Sql.quote(projectId))
                + " ORDER BY created_at, id" + INVITES.onePerKey());
    }

    void deleteInvite(String id) {
        INVITES.delete(database, versions, "id = " + Sql.quote(id), "1");
    }

    long deleteExpiredInvites(Instant now) {
        return INVITES.delete(database, versions, "1", "expires_at < " + Sql.micros(now));
    }

    /** Fails, changing nothing, when another token has the hash. */
    void saveToken(ApiToken token) {
        if (!database.query(API_TOKENS.latest("id", "token_hash = " + Sql.quote(token.tokenHash()) + " AND id != "
                + Sql.quote(token.id())) + " LIMIT 1").isEmpty()) {
            throw new StoreException("another API token has the hash of token " + token.id(), null);
        }
        API_TOKENS.put(database, versions, List.of(ClickHouseDatabase.row()
                .put("id", token.id())
                .put("project_id", token.projectId())
                .put("name", token.name())
                .put("token_hash", token.tokenHash())
                .put("prefix", token.prefix())
                .put("created_by", token.createdBy())
                .put("created_at", Sql.micros(token.createdAt()))
                .put("used", token.lastUsedAt().isPresent() ? 1 : 0)
                .put("last_used_at", token.lastUsedAt().map(Sql::micros).orElse(0L))));
    }

    Optional<ApiToken> tokenByHash(String tokenHash) {
        return tokens(API_TOKENS.latest(TOKEN_COLUMNS, "token_hash = " + Sql.quote(tokenHash)) + " ORDER BY id LIMIT 1")
                .stream().findFirst();
    }

    List<ApiToken> tokensOf(String projectId) {
        return tokens(API_TOKENS.latest(TOKEN_COLUMNS, "project_id = " + Sql.quote(projectId))
                + " ORDER BY created_at, id" + API_TOKENS.onePerKey());
    }

    boolean deleteToken(String projectId, String tokenId) {
        return API_TOKENS.delete(database, versions, "id = " + Sql.quote(tokenId),
                "project_id = " + Sql.quote(projectId)) > 0;
    }

    /** Notes the use of a live token; an unknown one is ignored. */
    void tokenUsed(String tokenId, Instant at) {
        List<JsonNode> token = database.query(API_TOKENS.latest("version", "id = " + Sql.quote(tokenId), "1")
                + " ORDER BY version DESC LIMIT 1");
        if (token.isEmpty()) {
            return;
        }
        API_TOKEN_USES.putAbove(database, versions, List.of(ClickHouseDatabase.row()
                .put("token_id", tokenId).put("used_at", Sql.micros(at))), token.get(0).get("version").asLong());
    }

    private List<Invite> invites(String sql) {
        return database.query(sql).stream().map(row -> new Invite(row.get("id").asText(),
                row.get("token_hash").asText(), row.get("project_id").asText(), row.get("email").asText(),
                Role.valueOf(row.get("role").asText()), row.get("invited_by").asText(),
                Sql.instant(row.get("created_at").asLong()), Sql.instant(row.get("expires_at").asLong()))).toList();
    }

    private List<ApiToken> tokens(String sql) {
        List<JsonNode> rows = database.query(sql);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, JsonNode> uses = new HashMap<>();
        for (JsonNode use : database.query("SELECT token_id, argMax(used_at, version) AS last_use, "
                + "max(version) AS use_version FROM " + API_TOKEN_USES.name() + " WHERE token_id IN "
                + Sql.list(rows.stream().map(row -> row.get("id").asText()).toList()) + " GROUP BY token_id")) {
            uses.put(use.get("token_id").asText(), use);
        }
        return rows.stream().map(row -> {
            JsonNode use = uses.get(row.get("id").asText());
            Optional<Instant> lastUsedAt;
            if (use != null && use.get("use_version").asLong() > row.get("version").asLong()) {
                lastUsedAt = Optional.of(Sql.instant(use.get("last_use").asLong()));
            } else if (row.get("used").asInt() == 1) {
                lastUsedAt = Optional.of(Sql.instant(row.get("last_used_at").asLong()));
            } else {
                lastUsedAt = Optional.empty();
            }
            return new ApiToken(row.get("id").asText(), row.get("project_id").asText(), row.get("name").asText(),
                    row.get("token_hash").asText(), row.get("prefix").asText(), row.get("created_by").asText(),
                    Sql.instant(row.get("created_at").asLong()), lastUsedAt);
        }).toList();
    }
}
