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
        String window = SessionSummaries.startedIn(Sql.micros(query.from()), Sql.micros(query.to()));
        String matching = "SELECT * FROM (" + SessionSummaries.matching(query.projectId(), window) + ")\nWHERE "
                + window + (query.includeBots() ? "" : " AND first_bot = 0")
                + InsightEventQuery.listCondition(query.projectId(), query.insight());
        long total = database.query("SELECT count() AS total FROM (" + matching + ")").get(0).get("total").asLong();
        List<SessionSummary> sessions = database.query(page(matching, query.projectId(), query.sort(), query.limit(),
                query.offset())).stream().map(SessionSummaries::read).toList();
        return new SessionList(sessions, total);
    }

    /** A page of the sessions a query selects ({@code SELECT …} of {@link SessionSummaries}' columns), in the sort's order. */
    static String page(String sessions, String projectId, SessionSort sort, int limit, int offset) {
        String sorted = sort == SessionSort.FRUSTRATION
                ? "SELECT * FROM (" + sessions + ")" + Frustration.join(projectId) : sessions;
        return sorted + "\nORDER BY " + orderBy(sort) + ", session_id LIMIT " + offset + ", " + limit;
    }

    private static String orderBy(SessionSort sort) {
        return switch (sort) {
            case START_TIME -> "session_start DESC";
            case DURATION -> "session_end - session_start DESC";
            case CLICKS -> "click_count DESC";
            case PAGES -> "page_count DESC";
            case FRUSTRATION -> Frustration.ORDER;
        };
    }

}
