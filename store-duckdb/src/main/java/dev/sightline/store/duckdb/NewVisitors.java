package dev.sightline.store.duckdb;

import dev.sightline.store.duckdb.VisitorTable.Visitor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Decides "new visitor" for a write: a visitor's first session (earliest start, then smaller id) is
 * new, every other session of theirs is returning. Only a session that is new or now starts earlier
 * can take the first place, so only those sessions' visitors are looked up and updated.
 */
final class NewVisitors {

    /**
     * @param flags the new-visitor value of each touched session (by session key) that changes or is
     *              new; a touched session missing here keeps its stored value
     * @param displacedSessionKeys sessions not in this write that stop being their visitor's first
     */
    record Outcome(Map<String, Boolean> flags, List<String> displacedSessionKeys) {
    }

    private NewVisitors() {
    }

    static Outcome decide(DuckDBConnection connection, Collection<SessionChange> changes) throws SQLException {
        Map<String, List<SessionChange>> candidatesByVisitor = new LinkedHashMap<>();
        for (SessionChange change : changes) {
            if (change.mayBecomeFirst()) {
                candidatesByVisitor.computeIfAbsent(Keys.visitor(change.projectId(), change.visitorId()),
                        key -> new ArrayList<>()).add(change);
            }
        }
        Map<String, FirstSession> stored = VisitorTable.firstSessions(connection, candidatesByVisitor.keySet());
        Set<String> touched = changes.stream().map(SessionChange::sessionKey).collect(Collectors.toSet());

        Map<String, Boolean> flags = new HashMap<>();
        List<String> displaced = new ArrayList<>();
        List<Visitor> inserts = new ArrayList<>();
        List<Visitor> updates = new ArrayList<>();
        candidatesByVisitor.forEach((visitorKey, candidates) -> {
            FirstSession before = stored.get(visitorKey);
            FirstSession first = before;
            for (SessionChange candidate : candidates) {
                first = first == null ? candidate.asFirst() : first.earlierOf(candidate.asFirst());
            }
            for (SessionChange candidate : candidates) {
                flags.put(candidate.sessionKey(), candidate.sessionId().equals(first.sessionId()));
            }
            SessionChange any = candidates.get(0);
            Visitor visitor = new Visitor(visitorKey, any.projectId(), any.visitorId(), first);
            if (before == null) {
                inserts.add(visitor);
            } else if (!before.equals(first)) {
                updates.add(visitor);
                if (!before.sessionId().equals(first.sessionId())) {
                    String previousKey = Keys.session(any.projectId(), before.sessionId());
                    if (touched.contains(previousKey)) {
                        flags.put(previousKey, false);
                    } else {
                        displaced.add(previousKey);
                    }
                }
            }
        });
        VisitorTable.insert(connection, inserts);
        VisitorTable.update(connection, updates);
        return new Outcome(flags, displaced);
    }
}
