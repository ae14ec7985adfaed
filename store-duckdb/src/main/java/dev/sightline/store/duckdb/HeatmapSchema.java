package dev.sightline.store.duckdb;

import java.util.List;

/**
 * What heatmaps add to the schemas. Heatmaps read the fact tables of {@link EventSchema} ({@code clicks},
 * {@code moves}, {@code page_views}) as they are; the metadata file gains the page groups.
 */
final class HeatmapSchema {

    /** Migration 2 of {@code meta.duckdb}. */
    static final Migration PAGE_GROUPS = new Migration(3, List.of("""
            CREATE TABLE page_groups (
                project_id VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                name VARCHAR NOT NULL,
                pattern VARCHAR NOT NULL,
                created_at TIMESTAMP NOT NULL,
                PRIMARY KEY (project_id, id))"""));

    private HeatmapSchema() {
    }
}
