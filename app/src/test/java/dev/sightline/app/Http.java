package dev.sightline.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests: keeps cookies, sends the CSRF token once signed in. */
final class Http {
    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return Uploads.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    private final String base;
    private final HttpClient client;
    private String csrfToken;
    private String authorization;

    Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** The answer's bytes as they came (no decompression), with its headers. */
    HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any method; a non-null body goes as application/json (an empty string sends an empty body). */
    Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        if (csrfToken != null && !method.equals("GET")) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends {@code Authorization: Bearer <token>} with every request from now on. */
    Http bearer(String token) {
        authorization = "Bearer " + token;
        return this;
    }

    String csrfToken() {
        return csrfToken;
    }

    Response postJson(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    Response postBytes(String path, byte[] body, String origin) {
        return postBytes(path, body, origin, null);
    }

    /** As a browser would send it: with its user agent (without one, Sightline files the visit as a bot). */
    Response postBytes(String path, byte[] body, String origin, String userAgent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return send(request);
    }

    /** Creates the owner account on a fresh instance and keeps its login. */
    Http signUpOwner(String email, String password) {
        Response response = postJson("/api/auth/setup", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("setup failed: " + response.status() + " " + response.body());
        }
        csrfToken = response.json().get("csrfToken").asText();
        return this;
    }

    /** Signs up the owner on a fresh instance, or signs in when the owner exists already. */
    Http signUpOwnerOrSignIn(String email, String password) {
        return get("/api/auth/state").json().get("setupRequired").asBoolean()
                ? signUpOwner(email, password) : signIn(email, password);
    }

    /** Creates the account an invitation link is for and keeps its login. */
    Http acceptInvite(String link, String password) {
        String secret = link.substring(link.lastIndexOf('/') + 1);
        Response response = postJson("/api/auth/invites/" + secret + "/accept", "{\"password\":\"" + password + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("accepting the invitation failed: " + response.status() + " " + response.body());
        }
        csrfToken = response.json().get("csrfToken").asText();
        return this;
    }

    Http signIn(String email, String password) {
        Response response = postJson("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response.status() + " " + response.body());
        }
        csrfToken = response.json().get("csrfToken").asText();
        return this;
    }

    private Response send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
                try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            return new Response(response.statusCode(), new String(body, java.nio.charset.StandardCharsets.UTF_8),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
