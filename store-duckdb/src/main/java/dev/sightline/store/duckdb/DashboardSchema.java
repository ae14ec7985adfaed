package dev.sightline.store.duckdb;

import java.util.List;

/**
 * What the dashboard adds to {@code meta.duckdb} (its migration 4): saved segments and funnels (their
 * conditions in URL form, as the API takes them) and members' notes on recordings. The events file
 * needs nothing new: dashboards read the sessions, page views and fact tables as they are.
 */
final class DashboardSchema {

    static final Migration METADATA = new Migration(4, List.of(
            """
            CREATE TABLE segments (
                project_id VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                name VARCHAR NOT NULL,
                filters VARCHAR[] NOT NULL,
                created_by VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                PRIMARY KEY (project_id, id))""",
            """
            CREATE TABLE funnels (
                project_id VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                name VARCHAR NOT NULL,
                steps VARCHAR[] NOT NULL,
                created_by VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                PRIMARY KEY (project_id, id))""",
            """
            CREATE TABLE recording_notes (
                project_id VARCHAR NOT NULL,
                session_id VARCHAR NOT NULL,
                favourite BOOLEAN NOT NULL,
                labels VARCHAR[] NOT NULL,
                note VARCHAR NOT NULL,
                updated_by VARCHAR NOT NULL,
                updated_at TIMESTAMP NOT NULL,
                PRIMARY KEY (project_id, session_id))"""));

    private DashboardSchema() {
    }
}
