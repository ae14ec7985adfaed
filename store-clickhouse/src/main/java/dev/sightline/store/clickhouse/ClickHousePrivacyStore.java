package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.store.PrivacyStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The {@link PrivacyStore} on ClickHouse: lookups by visitor and user over the batch rows, the
 * {@code kept_sessions} table (each keep or release appends a row; the highest version is in force),
 * and the purge, which makes ClickHouse drop the parts that mutations left behind.
 */
final class ClickHousePrivacyStore implements PrivacyStore {

    /** Runs a call while the store is open; writing calls one at a time. */
    interface Calls {
        <T> T read(Supplier<T> call);

        <T> T write(Supplier<T> call);
    }

    /** Each session's visitor, start and latest user hash, merged from its batch rows. */
    private static final String SESSIONS = """
            SELECT session_id, argMin(visitor_id, batch_order) AS session_visitor,
                   min(started_at) AS session_start, argMax(user_hash, user_order) AS last_user_hash
            FROM batches FINAL WHERE project_id = %s GROUP BY session_id""";

    private final ClickHouseDatabase database;
    private final Calls calls;
    private final Versions versions;

    ClickHousePrivacyStore(ClickHouseDatabase database, Calls calls, Versions versions) {
        this.database = requireNonNull(database, "database is null");
        this.calls = requireNonNull(calls, "calls is null");
        this.versions = requireNonNull(versions, "versions is null");
    }

    @Override
    public List<String> sessionsOfVisitor(String projectId, String visitorId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(visitorId, "visitorId is null");
        return calls.read(() -> SessionRetention.ids(database.query("SELECT session_id FROM ("
                + SESSIONS.formatted(Sql.quote(projectId)) + ") WHERE session_visitor = " + Sql.quote(visitorId)
                + " ORDER BY session_start, session_id")));
    }

    @Override
    public List<String> sessionsOfUser(String projectId, String userHash) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(userHash, "userHash is null");
        String sessions = SESSIONS.formatted(Sql.quote(projectId));
        String user = Sql.quote(userHash);
        return calls.read(() -> SessionRetention.ids(database.query("""
                SELECT session_id FROM (%1$s)
                WHERE last_user_hash = %2$s
                   OR session_visitor IN (SELECT session_visitor FROM (%1$s) WHERE last_user_hash = %2$s)
                ORDER BY session_start, session_id""".formatted(sessions, user))));
    }

    @Override
    public Set<LocalDate> recordingDays(String projectId, Collection<String> sessionIds) {
        requireNonNull(projectId, "projectId is null");
        List<String> ids = List.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        if (ids.isEmpty()) {
            return Set.of();
        }
        return calls.read(() -> {
            Set<LocalDate> days = new TreeSet<>();
            for (JsonNode row : database.query("""
                    SELECT DISTINCT intDiv(page_start, 86400000000) AS day FROM (
                        SELECT min(started_at) AS page_start FROM batches FINAL
                        WHERE project_id = %s AND session_id IN %s
                        GROUP BY session_id, page_number)""".formatted(Sql.quote(projectId), Sql.list(ids)))) {
                days.add(LocalDate.ofEpochDay(row.get("day").asLong()));
            }
            return Set.copyOf(days);
        });
    }

    @Override
    public boolean keep(String projectId, String sessionId, Instant until) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        requireNonNull(until, "until is null");
        return calls.write(() -> {
            if (database.query("SELECT 1 AS found FROM batches WHERE project_id = " + Sql.quote(projectId)
                    + " AND session_id = " + Sql.quote(sessionId) + " LIMIT 1").isEmpty()) {
                return false;
            }
            append(projectId, sessionId, Sql.micros(until), false);
            return true;
        });
    }

    @Override
    public void release(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        calls.write(() -> {
            append(projectId, sessionId, 0, true);
            return null;
        });
    }

    private void append(String projectId, String sessionId, long untilMicros, boolean released) {
        database.insert(ClickHouseSchema.KEPT_SESSIONS, List.of(ClickHouseDatabase.row()
                .put("project_id", projectId).put("session_id", sessionId).put("kept_until", untilMicros)
                .put("released", released ? 1 : 0).put("version", versions.next())));
    }

    @Override
    public Optional<Instant> keptUntil(String projectId, String sessionId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(sessionId, "sessionId is null");
        return calls.read(() -> database.query(kept(projectId) + " AND session_id = " + Sql.quote(sessionId)
                + " GROUP BY session_id HAVING released_last = 0").stream()
                .findFirst().map(row -> Sql.instant(row.get("latest_until").asLong())));
    }

    @Override
    public Set<String> keptAt(String projectId, Instant at) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(at, "at is null");
        return calls.read(() -> {
            Set<String> kept = new HashSet<>();
            for (JsonNode row : database.query(kept(projectId) + " GROUP BY session_id HAVING released_last = 0"
                    + " AND latest_until > " + Sql.micros(at))) {
                kept.add(row.get("session_id").asText());
            }
            return Set.copyOf(kept);
        });
    }

    /** The latest keep or release of each session of the project; callers add filters and the GROUP BY. */
    private static String kept(String projectId) {
        return "SELECT session_id, argMax(kept_until, version) AS latest_until, argMax(released, version) AS released_last"
                + " FROM kept_sessions WHERE project_id = " + Sql.quote(projectId);
    }

    @Override
    public List<String> expiredSessions(String projectId, Instant startedBefore, Instant now, int limit) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(startedBefore, "startedBefore is null");
        requireNonNull(now, "now is null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        if (limit == 0) {
            return List.of();
        }
        return calls.read(() -> SessionRetention.ids(database.query("""
                SELECT session_id, min(started_at) AS session_start FROM batches FINAL
                WHERE project_id = %1$s AND %6$s AND session_id NOT IN (
                    SELECT session_id FROM (%2$s GROUP BY session_id HAVING released_last = 0 AND latest_until > %3$d))
                GROUP BY session_id HAVING session_start < %4$d
                ORDER BY session_start, session_id LIMIT %5$d""".formatted(Sql.quote(projectId), kept(projectId),
                Sql.micros(now), Sql.micros(startedBefore), limit,
                SessionSummaries.mayHaveStartedBefore(projectId, Sql.micros(startedBefore))))));
    }

    @Override
    public void purgeDeleted() {
        calls.write(() -> {
            PartPurge.run(database);
            return null;
        });
    }
}
