package dev.sightline.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where errors become responses: {@code {"error": code, "reason": sentence}}. */
public final class ProblemResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(HttpProblem.class, (problem, ctx) -> write(ctx, problem));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, new HttpProblem(500, "internal", "the server failed; see its log"));
        });
    }

    public static void write(Context ctx, HttpProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problem.code());
        body.put("reason", problem.reason());
        if (problem.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Integer.toString(problem.retryAfterSeconds()));
        }
        ctx.status(problem.status()).json(body);
    }
}
