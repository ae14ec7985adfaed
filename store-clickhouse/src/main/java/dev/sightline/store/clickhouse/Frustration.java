package dev.sightline.store.clickhouse;

import dev.sightline.contract.insights.InsightKind;

/**
 * How frustrated a session looks, for sorting recordings, as store-duckdb counts it: how many times it
 * showed the signs of frustration (every insight but an abandoned form, which is as often a change of
 * mind), from the latest analysis of each page view.
 */
final class Frustration {

    static final String ORDER = "frustration DESC";

    private Frustration() {
    }

    /** Joins {@code frustration} (0 for sessions without insights) to a query with a {@code session_id}. */
    static String join(String projectId) {
        return " ANY LEFT JOIN (SELECT session_id, count() AS frustration FROM insight_events WHERE project_id = "
                + Sql.quote(projectId) + " AND kind != " + Sql.quote(InsightKind.FORM_ABANDON.name()) + " AND "
                + InsightVersions.latest(projectId, "source_page") + " GROUP BY session_id) USING session_id";
    }
}
