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

    /**
     * Marks of page views not stored (yet) are skipped: the first upload of a page view marks the one
     * before it, which may arrive later or never. The existence check looks back as far as a write's
     * joins do ({@link WriteBound#REACH}) before the oldest mark.
     */
    private static final String READY = """
            SELECT any_value(p.project_id), any_value(p.session_id), any_value(p.page_number), count(*),
                   epoch_us(max(p.received_at)) AS latest, bool_or(p.ended)
            FROM insight_pending p
            WHERE EXISTS (
                SELECT 1 FROM page_views v
                WHERE v.project_id = p.project_id AND v.session_id = p.session_id AND v.page_number = p.page_number
                  AND v.first_received_at >= (SELECT min(received_at) FROM insight_pending) - INTERVAL %d HOUR)
            GROUP BY p.page_view_key
            HAVING (bool_or(p.ended) AND max(p.received_at) < make_timestamp(?::BIGINT))
                OR max(p.received_at) < make_timestamp(?::BIGINT)
            ORDER BY latest, any_value(p.session_id), any_value(p.page_number)
            LIMIT ?""".formatted(WriteBound.REACH.toHours());

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
