package dev.sightline.store.clickhouse;

/**
 * The rows of the latest analysis of each page view. Saving results appends them under a new version
 * and records that version in {@code insight_page_views}; rows of older versions stay until their
 * session is deleted but are never read.
 */
final class InsightVersions {

    private InsightVersions() {
    }

    /**
     * A condition on a results table: its rows belong to the latest analysis of the page view named by
     * {@code pageColumn} ({@code source_page} for events, {@code page_number} for forms).
     */
    static String latest(String projectId, String pageColumn) {
        return "(project_id, session_id, " + pageColumn + ", version) IN (SELECT project_id, session_id, page_number,"
                + " max(version) FROM insight_page_views WHERE project_id = " + Sql.quote(projectId)
                + " GROUP BY project_id, session_id, page_number)";
    }
}
