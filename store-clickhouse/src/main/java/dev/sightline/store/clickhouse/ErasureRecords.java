package dev.sightline.store.clickhouse;

import static dev.sightline.store.clickhouse.MetadataSchema.ERASURES;

import dev.sightline.contract.meta.ErasureRecord;
import java.util.List;

/** The erasure log: what each erasure of a person's data removed, never the erased id. */
final class ErasureRecords {

    private final ClickHouseDatabase database;
    private final Versions versions;

    ErasureRecords(ClickHouseDatabase database, Versions versions) {
        this.database = database;
        this.versions = versions;
    }

    void record(ErasureRecord record) {
        ERASURES.put(database, versions, List.of(ClickHouseDatabase.row()
                .put("id", record.id())
                .put("project_id", record.projectId())
                .put("subject_kind", record.subjectKind().name())
                .put("subject_hint", record.subjectHint())
                .put("sessions_deleted", record.sessionsDeleted())
                .put("requested_by", record.requestedBy())
                .put("occurred_at", Sql.micros(record.at()))));
    }

    List<ErasureRecord> of(String projectId) {
        return database.query(ERASURES.latest("id, project_id, subject_kind, subject_hint, sessions_deleted, "
                + "requested_by, occurred_at", "project_id = " + Sql.quote(projectId))
                + " ORDER BY occurred_at DESC, id" + ERASURES.onePerKey()).stream().map(row -> new ErasureRecord(
                row.get("id").asText(), row.get("project_id").asText(),
                ErasureRecord.SubjectKind.valueOf(row.get("subject_kind").asText()), row.get("subject_hint").asText(),
                row.get("sessions_deleted").asInt(), row.get("requested_by").asText(),
                Sql.instant(row.get("occurred_at").asLong()))).toList();
    }
}
