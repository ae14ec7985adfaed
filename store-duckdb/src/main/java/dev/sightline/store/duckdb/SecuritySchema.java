package dev.sightline.store.duckdb;

import java.util.List;

/**
 * The privacy and access tables: in {@code meta.duckdb} a project's mask and unmask selectors,
 * invitations, API tokens, the login audit and the erasure log; in {@code events.duckdb} the sessions
 * kept past retention. Secrets are stored only as SHA-256 hashes.
 */
final class SecuritySchema {

    static final Migration METADATA = new Migration(2, List.of(
            "ALTER TABLE projects ADD COLUMN mask_selector VARCHAR NOT NULL DEFAULT ''",
            "ALTER TABLE projects ADD COLUMN unmask_selector VARCHAR NOT NULL DEFAULT ''",
            """
            CREATE TABLE invites (
                id VARCHAR NOT NULL PRIMARY KEY,
                token_hash VARCHAR NOT NULL UNIQUE,
                project_id VARCHAR NOT NULL,
                email VARCHAR NOT NULL,
                role VARCHAR NOT NULL,
                invited_by VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                expires_at TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE api_tokens (
                id VARCHAR NOT NULL PRIMARY KEY,
                project_id VARCHAR NOT NULL,
                name VARCHAR NOT NULL,
                token_hash VARCHAR NOT NULL UNIQUE,
                prefix VARCHAR NOT NULL,
                created_by VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                last_used_at TIMESTAMP)""",
            """
            CREATE TABLE login_audit (
                occurred_at TIMESTAMP NOT NULL,
                account_id VARCHAR NOT NULL,
                email VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                client_address VARCHAR NOT NULL,
                user_agent VARCHAR NOT NULL)""",
            """
            CREATE TABLE erasures (
                id VARCHAR NOT NULL PRIMARY KEY,
                project_id VARCHAR NOT NULL,
                subject_kind VARCHAR NOT NULL,
                subject_hint VARCHAR NOT NULL,
                sessions_deleted INTEGER NOT NULL,
                requested_by VARCHAR NOT NULL,
                occurred_at TIMESTAMP NOT NULL)"""));

    /** The table of sessions kept past their project's retention (favourites, labelled recordings). */
    static final String KEPT_SESSIONS = "kept_sessions";

    static final Migration EVENTS = new Migration(4, List.of("""
            CREATE TABLE kept_sessions (
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                kept_until TIMESTAMP NOT NULL,
                PRIMARY KEY (project_id, session_id))"""));

    private SecuritySchema() {
    }
}
