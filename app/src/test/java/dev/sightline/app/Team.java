package dev.sightline.app;

import com.fasterxml.jackson.databind.JsonNode;

/** Sets up projects, people and tokens through the HTTP API, as the owner would in the dashboard. */
final class Team {
    static final String PASSWORD = "correct horse battery staple";

    private final String base;
    private final Http owner;

    Team(String base, Http owner) {
        this.base = base;
        this.owner = owner;
    }

    Http owner() {
        return owner;
    }

    /** Creates a project; answers its JSON (id, siteKey, …). */
    JsonNode project(String name) {
        Http.Response response = owner.postJson("/api/projects", "{\"name\":\"" + name + "\"}");
        require(response, 201);
        return response.json();
    }

    /** Invites someone new to a project with a role and signs them in through the invitation. */
    Http newMember(String projectId, String email, String role) {
        Http.Response response = owner.postJson("/api/projects/" + projectId + "/members",
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        require(response, 201);
        return new Http(base).acceptInvite(response.json().get("invite").get("link").asText(), PASSWORD);
    }

    /** Adds someone who has an account to a project; answers their account id. */
    String addMember(String projectId, String email, String role) {
        Http.Response response = owner.postJson("/api/projects/" + projectId + "/members",
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        require(response, 201);
        return response.json().get("member").get("accountId").asText();
    }

    /** Creates an API token; answers its JSON, with the secret in "token". */
    JsonNode token(String projectId, String name) {
        Http.Response response = owner.postJson("/api/projects/" + projectId + "/tokens", "{\"name\":\"" + name + "\"}");
        require(response, 201);
        return response.json();
    }

    static void require(Http.Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + response.status() + ": " + response.body());
        }
    }
}
