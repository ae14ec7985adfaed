package dev.sightline.store.clickhouse;

import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.SessionSummary;
import java.util.List;

/** A page of the recordings list and its total. */
final class SessionListQuery {

    private SessionListQuery() {
    }

    static SessionList run(ClickHouseDatabase database, SessionQuery query) {
        String candidates = SessionSummaries.mayHaveStartedIn(query.projectId(), Sql.micros(query.from()),
                Sql.micros(query.to()));
        String matching = "SELECT * FROM (" + SessionSummaries.matching(query.projectId(), candidates) + ")\nWHERE "
                + "session_start >= " + Sql.micros(query.from()) + " AND session_start < " + Sql.micros(query.to())
                + (query.includeBots() ? "" : " AND first_bot = 0")
                + InsightEventQuery.listCondition(query.projectId(), query.insight());
        long total = database.query("SELECT count() AS total FROM (" + matching + ")").get(0).get("total").asLong();
        List<SessionSummary> sessions = database.query(matching + "\nORDER BY " + orderBy(query.sort())
                        + ", session_id LIMIT " + query.offset() + ", " + query.limit())
                .stream().map(SessionSummaries::read).toList();
        return new SessionList(sessions, total);
    }

    private static String orderBy(SessionSort sort) {
        return switch (sort) {
            case START_TIME -> "session_start DESC";
            case DURATION -> "session_end - session_start DESC";
            case CLICKS -> "click_count DESC";
            case PAGES -> "page_count DESC";
        };
    }

}
