package dev.sightline.tracker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.meta.Project;
import dev.sightline.http.HttpProblem;
import dev.sightline.projects.ProjectDirectory;
import dev.sightline.web.PublicUrl;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /sightline.js}: the tracker. With {@code ?k=<siteKey>} the project's settings (masking
 * mode, consent, Global Privacy Control) are put in front of it, so the page needs one request and
 * masking applies from the very first snapshot.
 */
public final class TrackerScriptRoutes implements Routes {
    static final String RESOURCE = "/sightline/tracker/sightline.js";

    private final ProjectDirectory projects;
    private final PublicUrl publicUrl;
    private final ObjectMapper json;
    private final Optional<byte[]> script;

    public TrackerScriptRoutes(ProjectDirectory projects, PublicUrl publicUrl, ObjectMapper json) {
        this.projects = projects;
        this.publicUrl = publicUrl;
        this.json = json;
        this.script = load();
    }

    private static Optional<byte[]> load() {
        try (InputStream in = TrackerScriptRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return Optional.of(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tracker", e);
        }
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/sightline.js", this::serve, RouteAccess.PUBLIC);
    }

    private void serve(Context ctx) {
        byte[] body = script.orElseThrow(() -> HttpProblem.unavailable(
                "the tracker was not built; run the build (./sightline builds it)", 60));
        ctx.header("Content-Type", "text/javascript; charset=utf-8");
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("X-Content-Type-Options", "nosniff");
        String siteKey = ctx.queryParam("k");
        if (siteKey == null || siteKey.isEmpty()) {
            ctx.result(body);
            return;
        }
        Project project = projects.bySiteKey(siteKey)
                .orElseThrow(() -> new HttpProblem(404, "unknown_project", "no project has this site key"));
        ObjectNode config = json.createObjectNode()
                .put("key", project.siteKey())
                .put("endpoint", publicUrl.of(ctx) + "/collect")
                .put("mask", project.maskingMode().name().toLowerCase(Locale.ROOT))
                .put("consent", project.consentRequired())
                .put("gpc", project.honorGlobalPrivacyControl())
                .put("cookies", true);
        if (!project.maskSelector().isEmpty()) {
            config.put("ms", project.maskSelector());
        }
        if (!project.unmaskSelector().isEmpty()) {
            config.put("us", project.unmaskSelector());
        }
        byte[] prefix = ("self.__slcfg=" + config + ";\n").getBytes(StandardCharsets.UTF_8);
        byte[] combined = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, combined, 0, prefix.length);
        System.arraycopy(body, 0, combined, prefix.length, body.length);
        ctx.result(combined);
    }
}
