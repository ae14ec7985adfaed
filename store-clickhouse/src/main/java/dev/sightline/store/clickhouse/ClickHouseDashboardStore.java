package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.dashboard.RecordingNote;
import dev.sightline.contract.dashboard.SavedFunnel;
import dev.sightline.contract.dashboard.Segment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link DashboardStore} of a cluster, in the ClickHouse database it is given: saved segments,
 * saved funnels and notes on recordings. ClickHouse has no updates: a save appends the row under a new
 * version ({@code ReplacingMergeTree(version)}) and reads take each key's latest version
 * ({@code argMax(…, version)}); a delete is a mutation that removes every version, waited for, so a
 * deleted note (an erasure) is gone when the call returns.
 *
 * <p>Writes run one at a time per store (a delete reads whether the row exists first). Several
 * application nodes writing the same key at once leave the latest version in force.
 */
final class ClickHouseDashboardStore implements DashboardStore {

    static final List<String> STATEMENTS = List.of("""
            CREATE TABLE IF NOT EXISTS saved_segments (
                project_id String,
                id String,
                version UInt64,
                name String,
                items Array(String),
                created_by String,
                created_at Int64)
            ENGINE = ReplacingMergeTree(version)
            ORDER BY (project_id, id)
            """ + ClickHouseSchema.PART_SETTINGS, """
            CREATE TABLE IF NOT EXISTS saved_funnels (
                project_id String,
                id String,
                version UInt64,
                name String,
                items Array(String),
                created_by String,
                created_at Int64)
            ENGINE = ReplacingMergeTree(version)
            ORDER BY (project_id, id)
            """ + ClickHouseSchema.PART_SETTINGS, """
            CREATE TABLE IF NOT EXISTS recording_notes (
                project_id String,
                session_id String,
                version UInt64,
                favourite UInt8,
                labels Array(String),
                note String,
                updated_by String,
                updated_at Int64)
            ENGINE = ReplacingMergeTree(version)
            ORDER BY (project_id, session_id)
            """ + ClickHouseSchema.PART_SETTINGS);

    private static final String SEGMENTS = "saved_segments";
    private static final String FUNNELS = "saved_funnels";
    private static final String NOTES = "recording_notes";

    private final ClickHouseDatabase database;
    private final Versions versions = new Versions();
    private final Lock writerLock = new ReentrantLock();

    /** Creates the tables where they do not exist. The caller owns (and closes) the database. */
    ClickHouseDashboardStore(ClickHouseDatabase database) {
        this.database = requireNonNull(database, "database is null");
        STATEMENTS.forEach(database::execute);
    }

    @Override
    public List<Segment> segments(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return named(SEGMENTS, projectId).stream()
                .map(r -> new Segment(projectId, r.id, r.name, r.items, r.createdBy, r.createdAt)).toList();
    }

    @Override
    public void saveSegment(Segment segment) {
        requireNonNull(segment, "segment is null");
        saveNamed(SEGMENTS, segment.projectId(), segment.id(), segment.name(), segment.filters(), segment.createdBy(),
                segment.createdAt());
    }

    @Override
    public boolean deleteSegment(String projectId, String segmentId) {
        return delete(SEGMENTS, "id", projectId, segmentId);
    }

    @Override
    public List<SavedFunnel> funnels(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return named(FUNNELS, projectId).stream()
                .map(r -> new SavedFunnel(projectId, r.id, r.name, r.items, r.createdBy, r.createdAt)).toList();
    }

    @Override
    public void saveFunnel(SavedFunnel funnel) {
        requireNonNull(funnel, "funnel is null");
        saveNamed(FUNNELS, funnel.projectId(), funnel.id(), funnel.name(), funnel.steps(), funnel.createdBy(),
                funnel.createdAt());
    }

    @Override
    public boolean deleteFunnel(String projectId, String funnelId) {
        return delete(FUNNELS, "id", projectId, funnelId);
    }

    @Override
    public Optional<RecordingNote> note(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return Optional.ofNullable(notes(projectId, List.of(sessionId)).get(sessionId));
    }

    @Override
    public Map<String, RecordingNote> notes(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, RecordingNote> notes = new HashMap<>();
        for (JsonNode row : database.query("""
                SELECT session_id, argMax(favourite, version) AS latest_favourite, argMax(labels, version) AS latest_labels,
                       argMax(note, version) AS latest_note, argMax(updated_by, version) AS latest_by,
                       argMax(updated_at, version) AS latest_at
                FROM recording_notes
                WHERE project_id = %s AND session_id IN %s
                GROUP BY session_id""".formatted(Sql.quote(projectId), Sql.list(ids)))) {
            RecordingNote note = new RecordingNote(projectId, row.get("session_id").asText(),
                    row.get("latest_favourite").asInt() == 1, strings(row.get("latest_labels")),
                    row.get("latest_note").asText(), row.get("latest_by").asText(),
                    Sql.instant(row.get("latest_at").asLong()));
            notes.put(note.sessionId(), note);
        }
        return Map.copyOf(notes);
    }

    @Override
    public void saveNote(RecordingNote note) {
        requireNonNull(note, "note is null");
        ObjectNode row = ClickHouseDatabase.row().put("project_id", note.projectId()).put("session_id", note.sessionId())
                .put("favourite", note.favourite() ? 1 : 0).put("note", note.note()).put("updated_by", note.updatedBy())
                .put("updated_at", Sql.micros(note.updatedAt()));
        note.labels().forEach(row.putArray("labels")::add);
        write(() -> database.insert(NOTES, List.of(row.put("version", versions.next()))));
    }

    @Override
    public void deleteNotes(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return;
        }
        write(() -> {
            database.execute("ALTER TABLE " + NOTES + " DELETE WHERE project_id = " + Sql.quote(projectId)
                    + " AND session_id IN " + Sql.list(ids));
            database.awaitMutations();
        });
    }

    private record Named(String id, String name, List<String> items, String createdBy, Instant createdAt) {
    }

    private List<Named> named(String table, String projectId) {
        List<Named> rows = new ArrayList<>();
        for (JsonNode row : database.query("""
                SELECT id, latest_name, latest_items, latest_by, latest_at FROM (
                    SELECT id, argMax(name, version) AS latest_name, argMax(items, version) AS latest_items,
                           argMax(created_by, version) AS latest_by, argMax(created_at, version) AS latest_at
                    FROM %s
                    WHERE project_id = %s
                    GROUP BY id)
                ORDER BY latest_name, id""".formatted(table, Sql.quote(projectId)))) {
            rows.add(new Named(row.get("id").asText(), row.get("latest_name").asText(), strings(row.get("latest_items")),
                    row.get("latest_by").asText(), Sql.instant(row.get("latest_at").asLong())));
        }
        return rows;
    }

    private void saveNamed(String table, String projectId, String id, String name, List<String> items, String createdBy,
                           Instant createdAt) {
        ObjectNode row = ClickHouseDatabase.row().put("project_id", projectId).put("id", id).put("name", name)
                .put("created_by", createdBy).put("created_at", Sql.micros(createdAt));
        items.forEach(row.putArray("items")::add);
        write(() -> database.insert(table, List.of(row.put("version", versions.next()))));
    }

    private boolean delete(String table, String keyColumn, String projectId, String key) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(key, "key is null");
        String where = " WHERE project_id = " + Sql.quote(projectId) + " AND " + keyColumn + " = " + Sql.quote(key);
        boolean[] deleted = new boolean[1];
        write(() -> {
            deleted[0] = database.query("SELECT count() AS versions FROM " + table + where).get(0).get("versions")
                    .asLong() > 0;
            if (deleted[0]) {
                database.execute("ALTER TABLE " + table + " DELETE" + where);
                database.awaitMutations();
            }
        });
        return deleted[0];
    }

    private void write(Runnable call) {
        writerLock.lock();
        try {
            call.run();
        } finally {
            writerLock.unlock();
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }
}
