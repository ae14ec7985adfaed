package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.dashboard.RecordingNote;
import dev.sightline.contract.dashboard.SavedFunnel;
import dev.sightline.contract.dashboard.Segment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/** The {@link DashboardStore} inside {@code meta.duckdb}, sharing the metadata store's transactions. */
final class DuckDbDashboardStore implements DashboardStore {

    private static final String NOTE_COLUMNS =
            "project_id, session_id, favourite, labels, note, updated_by, epoch_us(updated_at)";

    private final DuckDbSecurityStore.Reads reads;
    private final DuckDbSecurityStore.Writes writes;

    DuckDbDashboardStore(DuckDbSecurityStore.Reads reads, DuckDbSecurityStore.Writes writes) {
        this.reads = requireNonNull(reads, "reads is null");
        this.writes = requireNonNull(writes, "writes is null");
    }

    @Override
    public List<Segment> segments(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return reads.read("listing segments", c -> named(c, "segments", "filters", projectId).stream()
                .map(r -> new Segment(r.projectId, r.id, r.name, r.items, r.createdBy, r.createdAt)).toList());
    }

    @Override
    public void saveSegment(Segment segment) {
        requireNonNull(segment, "segment is null");
        writes.write("saving a segment", c -> saveNamed(c, "segments", segment.projectId(), segment.id(),
                segment.name(), segment.filters(), segment.createdBy(), Micros.of(segment.createdAt())));
    }

    @Override
    public boolean deleteSegment(String projectId, String segmentId) {
        return delete("segments", projectId, segmentId);
    }

    @Override
    public List<SavedFunnel> funnels(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return reads.read("listing funnels", c -> named(c, "funnels", "steps", projectId).stream()
                .map(r -> new SavedFunnel(r.projectId, r.id, r.name, r.items, r.createdBy, r.createdAt)).toList());
    }

    @Override
    public void saveFunnel(SavedFunnel funnel) {
        requireNonNull(funnel, "funnel is null");
        writes.write("saving a funnel", c -> saveNamed(c, "funnels", funnel.projectId(), funnel.id(), funnel.name(),
                funnel.steps(), funnel.createdBy(), Micros.of(funnel.createdAt())));
    }

    @Override
    public boolean deleteFunnel(String projectId, String funnelId) {
        return delete("funnels", projectId, funnelId);
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
        List<String> ids = List.copyOf(sessionIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        return reads.read("reading notes", c -> {
            Map<String, RecordingNote> notes = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + NOTE_COLUMNS
                    + " FROM recording_notes WHERE project_id = ? AND list_contains(?, session_id)")) {
                select.setString(1, projectId);
                select.setArray(2, c.createArrayOf("VARCHAR", ids.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        RecordingNote note = new RecordingNote(rows.getString(1), rows.getString(2), rows.getBoolean(3),
                                strings(rows, 4), rows.getString(5), rows.getString(6), Micros.toInstant(rows.getLong(7)));
                        notes.put(note.sessionId(), note);
                    }
                }
            }
            return Map.copyOf(notes);
        });
    }

    @Override
    public void saveNote(RecordingNote note) {
        requireNonNull(note, "note is null");
        writes.write("saving a note", c -> {
            Statements.execute(c, "DELETE FROM recording_notes WHERE project_id = ? AND session_id = ?",
                    note.projectId(), note.sessionId());
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO recording_notes VALUES (?, ?, ?, ?, ?, ?, make_timestamp(?::BIGINT))")) {
                insert.setString(1, note.projectId());
                insert.setString(2, note.sessionId());
                insert.setBoolean(3, note.favourite());
                insert.setArray(4, c.createArrayOf("VARCHAR", note.labels().toArray()));
                insert.setString(5, note.note());
                insert.setString(6, note.updatedBy());
                insert.setLong(7, Micros.of(note.updatedAt()));
                insert.execute();
            }
        });
    }

    @Override
    public void deleteNotes(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(sessionIds);
        if (ids.isEmpty()) {
            return;
        }
        writes.write("deleting notes", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM recording_notes WHERE project_id = ? AND list_contains(?, session_id)")) {
                delete.setString(1, projectId);
                delete.setArray(2, c.createArrayOf("VARCHAR", ids.toArray()));
                delete.execute();
            }
        });
    }

    private record Named(String projectId, String id, String name, List<String> items, String createdBy,
                         java.time.Instant createdAt) {
    }

    private static List<Named> named(DuckDBConnection c, String table, String items, String projectId)
            throws SQLException {
        List<Named> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT project_id, id, name, " + items
                + ", created_by, epoch_us(created_at) FROM " + table + " WHERE project_id = ? ORDER BY name, id")) {
            select.setString(1, projectId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Named(result.getString(1), result.getString(2), result.getString(3),
                            strings(result, 4), result.getString(5), Micros.toInstant(result.getLong(6))));
                }
            }
        }
        return rows;
    }

    private static void saveNamed(DuckDBConnection c, String table, String projectId, String id, String name,
                                  List<String> items, String createdBy, long createdAt) throws SQLException {
        Statements.execute(c, "DELETE FROM " + table + " WHERE project_id = ? AND id = ?", projectId, id);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, make_timestamp(?::BIGINT))")) {
            insert.setString(1, projectId);
            insert.setString(2, id);
            insert.setString(3, name);
            insert.setArray(4, c.createArrayOf("VARCHAR", items.toArray()));
            insert.setString(5, createdBy);
            insert.setLong(6, createdAt);
            insert.execute();
        }
    }

    private boolean delete(String table, String projectId, String id) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(id, "id is null");
        boolean[] deleted = new boolean[1];
        writes.write("deleting from " + table, c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE project_id = ? AND id = ?")) {
                delete.setString(1, projectId);
                delete.setString(2, id);
                deleted[0] = delete.executeUpdate() > 0;
            }
        });
        return deleted[0];
    }

    private static List<String> strings(ResultSet row, int column) throws SQLException {
        return Arrays.stream((Object[]) row.getArray(column).getArray()).map(String.class::cast).toList();
    }
}
