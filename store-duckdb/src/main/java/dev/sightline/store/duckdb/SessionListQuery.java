package dev.sightline.store.duckdb;

import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.SessionSummary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/** A page of the recordings list and its total, read in one snapshot. */
final class SessionListQuery {

    private static final String WHERE = """
            WHERE project_id = ?
              AND started_at >= make_timestamp(?::BIGINT) AND started_at < make_timestamp(?::BIGINT)
              AND (? OR NOT bot)""";

    private SessionListQuery() {
    }

    static SessionList run(DuckDBConnection connection, SessionQuery query) throws SQLException {
        long total;
        String where = WHERE + InsightEventQuery.listCondition(query.insight());
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM sessions " + where)) {
            bindWindow(count, query);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
        }
        List<SessionSummary> sessions = new ArrayList<>();
        String sql = "SELECT " + SessionSummaries.COLUMNS + " FROM sessions s " + where
                + " ORDER BY " + orderBy(query.sort()) + ", session_id LIMIT ? OFFSET ?";
        try (PreparedStatement page = connection.prepareStatement(sql)) {
            int next = bindWindow(page, query);
            page.setInt(next, query.limit());
            page.setInt(next + 1, query.offset());
            try (ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                    sessions.add(SessionSummaries.read(rows));
                }
            }
        }
        return new SessionList(sessions, total);
    }

    /** Binds the window's parameters; returns the next parameter index. */
    private static int bindWindow(PreparedStatement statement, SessionQuery query) throws SQLException {
        statement.setString(1, query.projectId());
        statement.setLong(2, Micros.of(query.from()));
        statement.setLong(3, Micros.of(query.to()));
        statement.setBoolean(4, query.includeBots());
        return 5;
    }

    private static String orderBy(SessionSort sort) {
        return switch (sort) {
            case START_TIME -> "started_at DESC";
            case DURATION -> "ended_at - started_at DESC";
            case CLICKS -> "clicks DESC";
            case PAGES -> "pages DESC";
            case FRUSTRATION -> Frustration.ORDER;
        };
    }
}
