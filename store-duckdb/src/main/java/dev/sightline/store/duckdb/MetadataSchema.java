package dev.sightline.store.duckdb;

import java.util.List;

/**
 * The tables of {@code meta.duckdb}. Small, and written by delete-then-insert in one transaction, so a
 * save replaces the whole row (DuckDB cannot update a column that has a unique index). E-mail
 * addresses are unique ignoring case through {@code email_key}, their lower-case form.
 */
final class MetadataSchema {

    static final List<Migration> MIGRATIONS = List.of(new Migration(1, List.of(
            """
            CREATE TABLE projects (
                id VARCHAR NOT NULL PRIMARY KEY,
                name VARCHAR NOT NULL,
                site_key VARCHAR NOT NULL UNIQUE,
                allowed_origins VARCHAR[] NOT NULL,
                masking_mode VARCHAR NOT NULL,
                consent_required BOOLEAN NOT NULL,
                honor_global_privacy_control BOOLEAN NOT NULL,
                recording_retention_days INTEGER NOT NULL,
                analytics_retention_days INTEGER NOT NULL,
                created_at TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE accounts (
                id VARCHAR NOT NULL PRIMARY KEY,
                email VARCHAR NOT NULL,
                email_key VARCHAR NOT NULL UNIQUE,
                password_hash VARCHAR NOT NULL,
                owner BOOLEAN NOT NULL,
                created_at TIMESTAMP NOT NULL)""",
            """
            CREATE TABLE memberships (
                account_id VARCHAR NOT NULL,
                project_id VARCHAR NOT NULL,
                role VARCHAR NOT NULL,
                PRIMARY KEY (account_id, project_id))""",
            """
            CREATE TABLE login_sessions (
                token_hash VARCHAR NOT NULL PRIMARY KEY,
                account_id VARCHAR NOT NULL,
                csrf_token VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                expires_at TIMESTAMP NOT NULL)""")), SecuritySchema.METADATA,
            HeatmapSchema.PAGE_GROUPS, DashboardSchema.METADATA);

    private MetadataSchema() {
    }
}
