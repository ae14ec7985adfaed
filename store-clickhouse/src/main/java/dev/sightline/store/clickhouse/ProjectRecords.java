package dev.sightline.store.clickhouse;

import static dev.sightline.store.clickhouse.MetadataSchema.PROJECTS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Projects: found by id and by site key, which no two projects share. */
final class ProjectRecords {

    private static final String COLUMNS = "id, name, site_key, allowed_origins, masking_mode, consent_required, "
            + "honor_global_privacy_control, recording_retention_days, analytics_retention_days, created_at, "
            + "mask_selector, unmask_selector";

    private final ClickHouseDatabase database;
    private final Versions versions;

    ProjectRecords(ClickHouseDatabase database, Versions versions) {
        this.database = database;
        this.versions = versions;
    }

    List<Project> all() {
        return database.query(PROJECTS.latest(COLUMNS, "1") + " ORDER BY created_at, id" + PROJECTS.onePerKey())
                .stream().map(ProjectRecords::project).toList();
    }

    Optional<Project> byId(String id) {
        return database.query(PROJECTS.latest(COLUMNS, "id = " + Sql.quote(id), "1") + PROJECTS.onePerKey())
                .stream().findFirst().map(ProjectRecords::project);
    }

    Optional<Project> bySiteKey(String siteKey) {
        return database.query(PROJECTS.latest(COLUMNS, "site_key = " + Sql.quote(siteKey))
                + " ORDER BY id LIMIT 1").stream().findFirst().map(ProjectRecords::project);
    }

    /** Fails, changing nothing, when another project has the site key. */
    void save(Project project) {
        if (!database.query(PROJECTS.latest("id", "site_key = " + Sql.quote(project.siteKey()) + " AND id != "
                + Sql.quote(project.id())) + " LIMIT 1").isEmpty()) {
            throw new StoreException("another project has the site key of project " + project.id(), null);
        }
        ObjectNode row = ClickHouseDatabase.row()
                .put("id", project.id())
                .put("name", project.name())
                .put("site_key", project.siteKey())
                .put("masking_mode", project.maskingMode().name())
                .put("consent_required", project.consentRequired() ? 1 : 0)
                .put("honor_global_privacy_control", project.honorGlobalPrivacyControl() ? 1 : 0)
                .put("recording_retention_days", project.recordingRetentionDays())
                .put("analytics_retention_days", project.analyticsRetentionDays())
                .put("created_at", Sql.micros(project.createdAt()))
                .put("mask_selector", project.maskSelector())
                .put("unmask_selector", project.unmaskSelector());
        project.allowedOrigins().forEach(row.putArray("allowed_origins")::add);
        PROJECTS.put(database, versions, List.of(row));
    }

    private static Project project(JsonNode row) {
        List<String> origins = new ArrayList<>();
        row.get("allowed_origins").forEach(origin -> origins.add(origin.asText()));
        return new Project(row.get("id").asText(), row.get("name").asText(), row.get("site_key").asText(), origins,
                MaskingMode.valueOf(row.get("masking_mode").asText()), row.get("consent_required").asInt() == 1,
                row.get("honor_global_privacy_control").asInt() == 1, row.get("recording_retention_days").asInt(),
                row.get("analytics_retention_days").asInt(), Sql.instant(row.get("created_at").asLong()),
                row.get("mask_selector").asText(), row.get("unmask_selector").asText());
    }
}
