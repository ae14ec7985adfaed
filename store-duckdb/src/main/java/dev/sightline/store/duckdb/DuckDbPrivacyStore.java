package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.store.PrivacyStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;

/**
 * The {@link PrivacyStore} of {@code events.duckdb}: lookups by visitor and user, the
 * {@code kept_sessions} table, and the purge, which the event store performs by rewriting its file.
 */
final class DuckDbPrivacyStore implements PrivacyStore {

    /** Runs work in one transaction of the event store, as a reader or as its one writer. */
    @FunctionalInterface
    interface Transactions {
        <T> T run(String what, SqlWork<T> work);
    }

    private static final String OF_VISITOR = """
            SELECT session_id FROM sessions WHERE project_id = ? AND visitor_id = ?
            ORDER BY started_at, session_id""";

    private static final String OF_USER = """
            SELECT session_id FROM sessions
            WHERE project_id = ? AND (user_hash = ? OR visitor_id IN (
                SELECT visitor_id FROM sessions WHERE project_id = ? AND user_hash = ?))
            ORDER BY started_at, session_id""";

    private static final String DAYS = """
            SELECT DISTINCT CAST(started_at AS DATE) FROM page_views
            WHERE project_id = ? AND session_id IN (SELECT unnest(?))""";

    private static final String EXPIRED = """
            SELECT s.session_id FROM sessions s
            WHERE s.project_id = ? AND s.started_at < make_timestamp(?::BIGINT)
              AND NOT EXISTS (
                  SELECT 1 FROM kept_sessions k
                  WHERE k.project_id = s.project_id AND k.session_id = s.session_id
                    AND k.kept_until > make_timestamp(?::BIGINT))
            ORDER BY s.started_at, s.session_id LIMIT ?""";

    private final Transactions reads;
    private final Transactions writes;
    private final Runnable purge;

    DuckDbPrivacyStore(Transactions reads, Transactions writes, Runnable purge) {
        this.reads = requireNonNull(reads, "reads is null");
        this.writes = requireNonNull(writes, "writes is null");
        this.purge = requireNonNull(purge, "purge is null");
    }

    @Override
    public List<String> sessionsOfVisitor(String projectId, String visitorId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(visitorId, "visitorId is null");
        return reads.run("finding a visitor's sessions", c -> ids(c, OF_VISITOR, projectId, visitorId));
    }

    @Override
    public List<String> sessionsOfUser(String projectId, String userHash) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(userHash, "userHash is null");
        return reads.run("finding a user's sessions", c -> ids(c, OF_USER, projectId, userHash, projectId, userHash));
    }

    @Override
    public Set<LocalDate> recordingDays(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return Set.of();
        }
        return reads.run("finding the days of sessions", c -> {
            Set<LocalDate> days = new TreeSet<>();
            try (PreparedStatement select = c.prepareStatement(DAYS)) {
                select.setString(1, projectId);
                select.setArray(2, c.createArrayOf("VARCHAR", ids.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        days.add(rows.getObject(1, LocalDate.class));
                    }
                }
            }
            return Set.copyOf(days);
        });
    }

    @Override
    public boolean keep(String projectId, String sessionId, Instant until) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(until, "until is null");
        return writes.run("keeping session " + sessionId, c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM sessions WHERE session_key = ?")) {
                exists.setString(1, Keys.session(projectId, sessionId));
                try (ResultSet rows = exists.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT OR REPLACE INTO kept_sessions VALUES (?, ?, make_timestamp(?::BIGINT))")) {
                insert.setString(1, projectId);
                insert.setString(2, sessionId);
                insert.setLong(3, Micros.of(until));
                insert.execute();
            }
            return true;
        });
    }

    @Override
    public void release(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        writes.run("releasing session " + sessionId, c -> {
            Statements.execute(c, "DELETE FROM kept_sessions WHERE project_id = ? AND session_id = ?", projectId, sessionId);
            return null;
        });
    }

    @Override
    public Optional<Instant> keptUntil(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return reads.run("reading whether a session is kept", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT epoch_us(kept_until) FROM kept_sessions WHERE project_id = ? AND session_id = ?")) {
                select.setString(1, projectId);
                select.setString(2, sessionId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(Micros.toInstant(rows.getLong(1))) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public Set<String> keptAt(String projectId, Instant at) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(at, "at is null");
        return reads.run("listing kept sessions", c -> {
            Set<String> kept = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT session_id FROM kept_sessions WHERE project_id = ? AND kept_until > make_timestamp(?::BIGINT)")) {
                select.setString(1, projectId);
                select.setLong(2, Micros.of(at));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        kept.add(rows.getString(1));
                    }
                }
            }
            return Set.copyOf(kept);
        });
    }

    @Override
    public List<String> expiredSessions(String projectId, Instant startedBefore, Instant now, int limit) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(startedBefore, "startedBefore is null");
        requireNonNull(now, "now is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return reads.run("finding expired sessions", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(EXPIRED)) {
                select.setString(1, projectId);
                select.setLong(2, Micros.of(startedBefore));
                select.setLong(3, Micros.of(now));
                select.setInt(4, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return List.copyOf(ids);
        });
    }

    @Override
    public void purgeDeleted() {
        purge.run();
    }

    private static List<String> ids(DuckDBConnection c, String sql, String... parameters) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return List.copyOf(ids);
    }
}
