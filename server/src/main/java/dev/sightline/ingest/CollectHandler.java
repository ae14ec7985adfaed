package dev.sightline.ingest;

import dev.sightline.contract.ingest.IngestLog;
import dev.sightline.contract.ingest.IngestLogFullException;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.wire.Batch;
import dev.sightline.contract.wire.WireLimits;
import dev.sightline.http.HttpProblem;
import dev.sightline.http.ProblemResponses;
import dev.sightline.projects.ProjectDirectory;
import dev.sightline.web.RouteAccess;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code POST /collect}: the only door into Sightline from the internet. Cheap checks come first
 * (size, rate), then decoding and validation, then the project and its allowed origins, then
 * de-duplication; an upload is answered 200 only once the ingest log has made it durable.
 */
public final class CollectHandler {
    private static final Map<String, Boolean> OK = Map.of("ok", true);

    private final BatchDecoder decoder;
    private final ReceivedBatchCodec codec;
    private final ProjectDirectory projects;
    private final IngestLog log;
    private final CountryLookup countries;
    private final RecentBatchKeys recent;
    private final RateLimiter perSource;
    private final RateLimiter perProject;
    private final CollectSettings settings;
    private final Clock clock;

    public CollectHandler(BatchDecoder decoder, ReceivedBatchCodec codec, ProjectDirectory projects, IngestLog log,
                          CountryLookup countries, RecentBatchKeys recent, CollectSettings settings, Clock clock) {
        this.decoder = Objects.requireNonNull(decoder, "decoder is null");
        this.codec = Objects.requireNonNull(codec, "codec is null");
        this.projects = Objects.requireNonNull(projects, "projects is null");
        this.log = Objects.requireNonNull(log, "log is null");
        this.countries = Objects.requireNonNull(countries, "countries is null");
        this.recent = Objects.requireNonNull(recent, "recent is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.perSource = new RateLimiter(settings.perSourcePerSecond(), settings.perSourcePerSecond() * 10);
        this.perProject = new RateLimiter(settings.perProjectPerSecond(), settings.perProjectPerSecond() * 2);
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    public void addRoutes(RoutesConfig routes) {
        routes.options("/collect", ctx -> {
            allowCors(ctx);
            ctx.header("Access-Control-Allow-Methods", "POST, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Content-Type");
            ctx.header("Access-Control-Max-Age", "86400");
            ctx.status(204);
        }, RouteAccess.PUBLIC);
        routes.post("/collect", this::collect, RouteAccess.PUBLIC);
    }

    /** Any page may send; the project's allowed origins decide what is kept, not the browser's CORS. */
    private static void allowCors(Context ctx) {
        String origin = ctx.header("Origin");
        ctx.header("Access-Control-Allow-Origin", origin == null || origin.isEmpty() ? "*" : origin);
        ctx.header("Access-Control-Expose-Headers", "Retry-After");
        ctx.header("Vary", "Origin");
    }

    private void collect(Context ctx) {
        allowCors(ctx);
        ctx.header("Cache-Control", "no-store");
        InetAddress client = clientAddress(ctx);
        if (!perSource.tryAcquire(client.getHostAddress())) {
            throw HttpProblem.tooManyRequests("this address sends uploads too fast", perSource.retryAfterSeconds());
        }
        byte[] body = readBounded(ctx);
        BatchDecoder.Decoded upload = decoder.decodeUpload(body);
        Batch batch = upload.batch();
        Project project = projects.bySiteKey(batch.projectKey())
                .orElseThrow(() -> new HttpProblem(404, "unknown_project", "no project has this site key"));
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !project.allowsOrigin(origin)) {
            throw HttpProblem.forbidden("origin_not_allowed", "this project does not accept uploads from " + origin);
        }
        if (!perProject.tryAcquire(project.id())) {
            throw HttpProblem.tooManyRequests("this project receives uploads too fast", perProject.retryAfterSeconds());
        }
        if (!recent.add(project.id(), batch.sessionId(), batch.pageNumber(), batch.sequence())) {
            throw HttpProblem.conflict("duplicate", "this upload (session, page " + batch.pageNumber()
                    + ", sequence " + batch.sequence() + ") was already received");
        }
        byte[] record = codec.encode(project.id(), clock.instant(), userAgent(ctx), countries.country(client), body, upload);
        CompletableFuture<Void> durable;
        try {
            durable = log.append(batch.sessionId(), record);
        } catch (IngestLogFullException e) {
            forget(project, batch);
            throw HttpProblem.unavailable(e.getMessage(), e.retryAfterSeconds());
        } catch (RuntimeException e) {
            forget(project, batch);
            throw e;
        }
        ctx.future(() -> durable.handle((ignored, failure) -> {
            if (failure == null) {
                ctx.json(OK);
            } else {
                forget(project, batch);
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                ProblemResponses.write(ctx, HttpProblem.unavailable("the upload could not be made durable: "
                        + cause.getMessage(), 2));
            }
            return null;
        }));
    }

    private void forget(Project project, Batch batch) {
        recent.remove(project.id(), batch.sessionId(), batch.pageNumber(), batch.sequence());
    }

    private static byte[] readBounded(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > WireLimits.MAX_BODY_BYTES) {
            throw HttpProblem.tooLarge("the upload is larger than " + WireLimits.MAX_BODY_BYTES + " bytes");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
            byte[] buffer = new byte[16384];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > WireLimits.MAX_BODY_BYTES) {
                    throw HttpProblem.tooLarge("the upload is larger than " + WireLimits.MAX_BODY_BYTES + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw HttpProblem.badRequest("unreadable_body", "the upload could not be read: " + e.getMessage());
        }
    }

    private static String userAgent(Context ctx) {
        String agent = ctx.header("User-Agent");
        if (agent == null) {
            return "";
        }
        return agent.length() > 512 ? agent.substring(0, 512) : agent;
    }

    private InetAddress clientAddress(Context ctx) {
        String address = ctx.req().getRemoteAddr();
        if (settings.trustForwardedFor()) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                address = forwarded.split(",")[0].trim();
            }
        }
        return IpLiterals.parse(address);
    }
}
