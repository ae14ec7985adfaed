package dev.sightline.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.WebServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every answer the read API gives about a project: each {@code GET} route of level
 * {@link RouteAccess#PROJECT_READ} (read from the server, so routes added later are included), for
 * each of the project's sessions and each of their recording chunks, and each stylesheet it has.
 */
final class ProjectReads {
    /** Dashboard routes read over all time, with the parameters they need. */
    private static final Map<String, String> DASHBOARD_QUERIES = Map.of(
            "/dashboard", "?from=0",
            "/recordings", "?from=0&limit=500",
            "/funnel", "?from=0&step=page:contains:/&step=event:contains:e",
            "/export/metrics", "?from=0&dimensions=url,device,browser",
            "/export/recordings", "?from=0&limit=500&format=csv");

    private ProjectReads() {
    }

    /** The bodies of all those answers; a route whose parameters this cannot fill is named in a failure. */
    static List<String> all(Sightline sightline, Http http, String projectId) {
        JsonNode list = http.get("/api/projects/" + projectId + "/sessions?from=0&bots=true&limit=500").json();
        List<String> sessions = new ArrayList<>();
        list.get("sessions").forEach(s -> sessions.add(s.get("sessionId").asText()));
        List<String> bodies = new ArrayList<>();
        for (WebServer.Route route : sightline.routes()) {
            if (!route.method().equals("GET") || route.access() != RouteAccess.PROJECT_READ) {
                continue;
            }
            String path = route.path().replace("{projectId}", projectId);
            if (path.contains("/heatmaps/") && !path.endsWith("/pages") && !path.endsWith("/groups")) {
                bodies.addAll(perPage(http, projectId, path));
                continue;
            }
            if (path.contains("{hash}")) {
                for (String hash : sightline.stylesheets().hashes(projectId)) {
                    bodies.add(read(http, path.replace("{hash}", hash)));
                }
                continue;
            }
            if (!path.contains("{sessionId}")) {
                bodies.add(read(http, path + (path.endsWith("/sessions") ? "?from=0&bots=true&limit=500"
                        : DASHBOARD_QUERIES.getOrDefault(path.substring(path.lastIndexOf("/api/projects/" + projectId)
                        + ("/api/projects/" + projectId).length()), ""))));
                continue;
            }
            for (String session : sessions) {
                String sessionPath = path.replace("{sessionId}", session);
                if (!sessionPath.contains("{page}")) {
                    bodies.add(read(http, sessionPath));
                    continue;
                }
                JsonNode chunks = http.get("/api/projects/" + projectId + "/sessions/" + session + "/recording").json()
                        .get("chunks");
                for (JsonNode chunk : chunks) {
                    bodies.add(read(http, fill(sessionPath, Map.of("{page}", chunk.get("page").asText(),
                            "{seq}", chunk.get("seq").asText()))));
                }
            }
        }
        return bodies;
    }

    /**
     * A heatmap route read for each page and device class the project has traffic of; the snapshot
     * routes only where a snapshot exists.
     */
    private static List<String> perPage(Http http, String projectId, String path) {
        List<String> bodies = new ArrayList<>();
        for (String device : List.of("desktop", "tablet", "mobile", "other")) {
            JsonNode pages = http.get("/api/projects/" + projectId + "/heatmaps/pages?from=0&bots=true&device=" + device)
                    .json().get("pages");
            for (JsonNode page : pages) {
                if (path.contains("/snapshot") && !page.get("hasSnapshot").asBoolean()) {
                    continue;
                }
                bodies.add(read(http, path + "?from=0&bots=true&device=" + device + "&page="
                        + URLEncoder.encode(page.get("pageKey").asText(), StandardCharsets.UTF_8)));
            }
        }
        return bodies;
    }

    private static String fill(String path, Map<String, String> values) {
        String filled = path;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        if (filled.contains("{")) {
            throw new AssertionError("ProjectReads cannot fill the parameters of " + path + "; teach it the new one");
        }
        return filled;
    }

    private static String read(Http http, String path) {
        if (path.contains("{")) {
            throw new AssertionError("ProjectReads cannot fill the parameters of " + path + "; teach it the new one");
        }
        Http.Response response = http.get(path);
        if (response.status() >= 400) {
            throw new AssertionError("GET " + path + " answered " + response.status() + " " + response.body());
        }
        return response.body();
    }
}
