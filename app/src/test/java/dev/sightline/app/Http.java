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

    Response delete(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (origin != null) {
            request.header("Origin", origin);
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

    Http signIn(String email, String password) {
        Response response = postJson("/api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (response.status() != 200) {
            throw new IllegalStateException("login failed: " + response.status() + " " + response.body());
        }
        csrfToken = response.json().get("csrfToken").asText();
        return this;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
