package dev.sightline.projects;

import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.http.HttpProblem;
import dev.sightline.retention.RetentionPolicy;
import dev.sightline.web.JsonBodies;
import dev.sightline.web.PublicUrl;
import dev.sightline.web.RouteAccess;
import dev.sightline.web.RouteGuard;
import dev.sightline.web.Routes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /api/projects/{projectId}/settings}: what a project records and keeps — its name, allowed
 * origins, masking mode and selectors, consent, Global Privacy Control and retention. Everyone in the
 * project reads them; admins change them. Changes reach the collector and the tracker script at once
 * on this node (and within seconds on others, see {@link ProjectDirectory}).
 */
public final class ProjectSettingsRoutes implements Routes {
    static final int MAX_RETENTION_DAYS = 3650;

    /** A change: fields left out (null) stay as they are. */
    record SettingsChange(String name, List<String> allowedOrigins, String maskingMode, String maskSelector,
                          String unmaskSelector, Boolean consentRequired, Boolean honorGlobalPrivacyControl,
                          Integer recordingRetentionDays, Integer analyticsRetentionDays) {
    }

    private final MetadataStore metadata;
    private final ProjectDirectory directory;
    private final JsonBodies bodies;
    private final PublicUrl publicUrl;

    public ProjectSettingsRoutes(MetadataStore metadata, ProjectDirectory directory, JsonBodies bodies, PublicUrl publicUrl) {
        this.metadata = metadata;
        this.directory = directory;
        this.bodies = bodies;
        this.publicUrl = publicUrl;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/api/projects/{projectId}/settings", ctx -> ctx.json(view(RouteGuard.project(ctx), ctx)),
                RouteAccess.PROJECT_VIEWER);
        routes.patch("/api/projects/{projectId}/settings", this::change, RouteAccess.PROJECT_ADMIN);
    }

    private void change(Context ctx) {
        Project current = RouteGuard.project(ctx);
        Project changed = apply(current, bodies.read(ctx, SettingsChange.class));
        metadata.saveProject(changed);
        directory.invalidate();
        ctx.json(view(changed, ctx));
    }

    static Project apply(Project p, SettingsChange change) {
        String name = change.name() == null ? p.name() : ProjectRoutes.validName(change.name());
        List<String> origins = change.allowedOrigins() == null ? p.allowedOrigins()
                : AllowedOrigins.parse(change.allowedOrigins());
        MaskingMode mode = change.maskingMode() == null ? p.maskingMode() : maskingMode(change.maskingMode());
        String mask = change.maskSelector() == null ? p.maskSelector()
                : CssSelectors.parse("maskSelector", change.maskSelector());
        String unmask = change.unmaskSelector() == null ? p.unmaskSelector()
                : CssSelectors.parse("unmaskSelector", change.unmaskSelector());
        int recordingDays = change.recordingRetentionDays() == null ? p.recordingRetentionDays()
                : days("recordingRetentionDays", change.recordingRetentionDays());
        int analyticsDays = change.analyticsRetentionDays() == null ? p.analyticsRetentionDays()
                : days("analyticsRetentionDays", change.analyticsRetentionDays());
        if (recordingDays > analyticsDays) {
            throw HttpProblem.badRequest("invalid_retention",
                    "recordings cannot be kept longer than the analytics they belong to");
        }
        return new Project(p.id(), name, p.siteKey(), origins, mode,
                change.consentRequired() == null ? p.consentRequired() : change.consentRequired(),
                change.honorGlobalPrivacyControl() == null ? p.honorGlobalPrivacyControl() : change.honorGlobalPrivacyControl(),
                recordingDays, analyticsDays, p.createdAt(), mask, unmask);
    }

    private static MaskingMode maskingMode(String value) {
        try {
            return MaskingMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badRequest("invalid_masking_mode", "maskingMode is one of STRICT, BALANCED, RELAXED");
        }
    }

    private static int days(String field, int days) {
        if (days < 1 || days > MAX_RETENTION_DAYS) {
            throw HttpProblem.badRequest("invalid_retention", field + " must be within 1.." + MAX_RETENTION_DAYS);
        }
        return days;
    }

    private Map<String, Object> view(Project project, Context ctx) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", project.id());
        view.put("name", project.name());
        view.put("siteKey", project.siteKey());
        view.put("allowedOrigins", project.allowedOrigins());
        view.put("maskingMode", project.maskingMode().name());
        view.put("maskSelector", project.maskSelector());
        view.put("unmaskSelector", project.unmaskSelector());
        view.put("consentRequired", project.consentRequired());
        view.put("honorGlobalPrivacyControl", project.honorGlobalPrivacyControl());
        view.put("recordingRetentionDays", project.recordingRetentionDays());
        view.put("analyticsRetentionDays", project.analyticsRetentionDays());
        view.put("keptRecordingDays", RetentionPolicy.KEPT_DAYS);
        view.put("createdAt", project.createdAt().toEpochMilli());
        view.put("snippet", InstallSnippet.of(project, publicUrl.of(ctx)));
        return view;
    }
}
