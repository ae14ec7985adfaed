package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.PendingPageView;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;

/** The page views whose pending marks say they are ready for analysis. */
final class InsightPendingQuery {

    private static final String READY = """
            SELECT any_value(project_id), any_value(session_id), any_value(page_number), count(*),
                   epoch_us(max(received_at)) AS latest, bool_or(ended)
            FROM insight_pending
            GROUP BY page_view_key
            HAVING (bool_or(ended) AND max(received_at) < make_timestamp(?::BIGINT))
                OR max(received_at) < make_timestamp(?::BIGINT)
            ORDER BY latest, any_value(session_id), any_value(page_number)
            LIMIT ?""";

    private InsightPendingQuery() {
    }

    static List<PendingPageView> ready(DuckDBConnection connection, Instant endedBefore, Instant quietBefore, int limit)
            throws SQLException {
        List<PendingPageView> pages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(READY)) {
            select.setLong(1, Micros.of(endedBefore));
            select.setLong(2, Micros.of(quietBefore));
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pages.add(new PendingPageView(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getLong(4),
                            Micros.toInstant(rows.getLong(5)), rows.getBoolean(6)));
                }
            }
        }
        return pages;
    }
}
