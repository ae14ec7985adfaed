package dev.sightline.http;

import java.util.Objects;

/**
 * A request that cannot be served, with the status, a stable machine code and a sentence for people.
 * Handlers throw these; {@link ProblemResponses} turns every one into the same JSON shape.
 */
public class HttpProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final int retryAfterSeconds;

    public HttpProblem(int status, String code, String reason) {
        this(status, code, reason, 0);
    }

    public HttpProblem(int status, String code, String reason, int retryAfterSeconds) {
        super(Objects.requireNonNull(reason, "reason is null"), null, false, false);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code is null");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    /** Seconds the client should wait before trying again; 0 when it should not retry. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static HttpProblem badRequest(String code, String reason) {
        return new HttpProblem(400, code, reason);
    }

    public static HttpProblem unauthenticated() {
        return new HttpProblem(401, "unauthenticated", "sign in first");
    }

    public static HttpProblem forbidden(String code, String reason) {
        return new HttpProblem(403, code, reason);
    }

    public static HttpProblem notFound(String what) {
        return new HttpProblem(404, "not_found", what + " not found");
    }

    public static HttpProblem conflict(String code, String reason) {
        return new HttpProblem(409, code, reason);
    }

    public static HttpProblem tooLarge(String reason) {
        return new HttpProblem(413, "too_large", reason);
    }

    public static HttpProblem tooManyRequests(String reason, int retryAfterSeconds) {
        return new HttpProblem(429, "rate_limited", reason, retryAfterSeconds);
    }

    public static HttpProblem unavailable(String reason, int retryAfterSeconds) {
        return new HttpProblem(503, "unavailable", reason, retryAfterSeconds);
    }
}
