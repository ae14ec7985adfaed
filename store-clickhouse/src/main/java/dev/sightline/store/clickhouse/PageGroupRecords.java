package dev.sightline.store.clickhouse;

import static dev.sightline.store.clickhouse.MetadataSchema.PAGE_GROUPS;

import dev.sightline.contract.heatmap.PagePattern;
import dev.sightline.contract.meta.PageGroup;
import java.util.List;

/** A project's page groups, keyed by project and id. */
final class PageGroupRecords {

    private final ClickHouseDatabase database;
    private final Versions versions;

    PageGroupRecords(ClickHouseDatabase database, Versions versions) {
        this.database = database;
        this.versions = versions;
    }

    List<PageGroup> of(String projectId) {
        return database.query(PAGE_GROUPS.latest("project_id, id, name, pattern, created_at",
                "project_id = " + Sql.quote(projectId), "1") + " ORDER BY name, id" + PAGE_GROUPS.onePerKey())
                .stream().map(row -> new PageGroup(row.get("project_id").asText(), row.get("id").asText(),
                        row.get("name").asText(), new PagePattern(row.get("pattern").asText()),
                        Sql.instant(row.get("created_at").asLong()))).toList();
    }

    void save(PageGroup group) {
        PAGE_GROUPS.put(database, versions, List.of(ClickHouseDatabase.row()
                .put("project_id", group.projectId())
                .put("id", group.id())
                .put("name", group.name())
                .put("pattern", group.pattern().text())
                .put("created_at", Sql.micros(group.createdAt()))));
    }

    void delete(String projectId, String groupId) {
        PAGE_GROUPS.delete(database, versions, "project_id = " + Sql.quote(projectId) + " AND id = "
                + Sql.quote(groupId), "1");
    }
}
