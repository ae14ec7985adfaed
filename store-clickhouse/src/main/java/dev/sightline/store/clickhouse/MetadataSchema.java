package dev.sightline.store.clickhouse;

import java.util.List;

/**
 * The tables of the metadata store, created when it opens (beside the event tables when both stores
 * share a database; no name is shared). ClickHouse has no transactions, unique keys or in-place
 * updates, so every table but the login audit is a {@link MetadataTable}: a save appends the whole row
 * under a new {@code version}, a deletion appends a {@code deleted} row, and reads keep each key's
 * highest version. Times are {@code Int64} microseconds since the epoch, as in the event tables.
 */
final class MetadataSchema {

    static final MetadataTable PROJECTS = new MetadataTable("projects", List.of("id"));
    static final MetadataTable ACCOUNTS = new MetadataTable("accounts", List.of("id"));
    static final MetadataTable MEMBERSHIPS = new MetadataTable("memberships", List.of("account_id", "project_id"));
    static final MetadataTable LOGIN_SESSIONS = new MetadataTable("login_sessions", List.of("token_hash"));
    static final MetadataTable PAGE_GROUPS = new MetadataTable("page_groups", List.of("project_id", "id"));
    static final MetadataTable INVITES = new MetadataTable("invites", List.of("id"));
    static final MetadataTable API_TOKENS = new MetadataTable("api_tokens", List.of("id"));
    /** A token's uses, apart from its row, so that noting a use can never bring back a revoked token. */
    static final MetadataTable API_TOKEN_USES = new MetadataTable("api_token_uses", List.of("token_id"));
    static final MetadataTable ERASURES = new MetadataTable("erasures", List.of("id"));

    /** The tables of entities, whose deleted rows {@link MetadataTable#clearDeleted} removes. */
    static final List<MetadataTable> ENTITIES = List.of(PROJECTS, ACCOUNTS, MEMBERSHIPS, LOGIN_SESSIONS, PAGE_GROUPS,
            INVITES, API_TOKENS, API_TOKEN_USES, ERASURES);

    /** Append-only; pruned by a mutation, so that forgotten lines leave the disk. */
    static final String LOGIN_AUDIT = "login_audit";

    static final List<String> STATEMENTS = List.of(
            PROJECTS.create("""
                    id String,
                    name String,
                    site_key String,
                    allowed_origins Array(String),
                    masking_mode String,
                    consent_required UInt8,
                    honor_global_privacy_control UInt8,
                    recording_retention_days Int32,
                    analytics_retention_days Int32,
                    created_at Int64,
                    mask_selector String,
                    unmask_selector String"""),
            // email_key is the lower-case e-mail: addresses are unique ignoring case.
            ACCOUNTS.create("""
                    id String,
                    email String,
                    email_key String,
                    password_hash String,
                    owner UInt8,
                    created_at Int64"""),
            MEMBERSHIPS.create("""
                    account_id String,
                    project_id String,
                    role String"""),
            LOGIN_SESSIONS.create("""
                    token_hash String,
                    account_id String,
                    csrf_token String,
                    created_at Int64,
                    expires_at Int64"""),
            PAGE_GROUPS.create("""
                    project_id String,
                    id String,
                    name String,
                    pattern String,
                    created_at Int64"""),
            INVITES.create("""
                    id String,
                    token_hash String,
                    project_id String,
                    email String,
                    role String,
                    invited_by String,
                    created_at Int64,
                    expires_at Int64"""),
            API_TOKENS.create("""
                    id String,
                    project_id String,
                    name String,
                    token_hash String,
                    prefix String,
                    created_by String,
                    created_at Int64,
                    used UInt8,
                    last_used_at Int64"""),
            API_TOKEN_USES.create("""
                    token_id String,
                    used_at Int64"""),
            ERASURES.create("""
                    id String,
                    project_id String,
                    subject_kind String,
                    subject_hint String,
                    sessions_deleted Int32,
                    requested_by String,
                    occurred_at Int64"""),
            """
            CREATE TABLE IF NOT EXISTS login_audit (
                occurred_at Int64,
                account_id String,
                email String,
                kind String,
                client_address String,
                user_agent String)
            ENGINE = MergeTree
            ORDER BY occurred_at
            """ + ClickHouseSchema.PART_SETTINGS);

    private MetadataSchema() {
    }

    static void create(ClickHouseDatabase database) {
        for (String statement : STATEMENTS) {
            database.execute(statement);
        }
    }
}
