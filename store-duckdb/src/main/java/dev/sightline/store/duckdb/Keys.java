package dev.sightline.store.duckdb;

/**
 * Single-column keys for rows whose natural key is (project, id). DuckDB looks a value up in an ART
 * index only for a single-column key, so {@code sessions} and {@code visitors} carry one. The project
 * id's length comes first, so no two (project, id) pairs can share a key whatever characters they hold.
 */
final class Keys {

    private Keys() {
    }

    static String session(String projectId, String sessionId) {
        return of(projectId, sessionId);
    }

    static String visitor(String projectId, String visitorId) {
        return of(projectId, visitorId);
    }

    private static String of(String projectId, String id) {
        return projectId.length() + ":" + projectId + "/" + id;
    }
}
