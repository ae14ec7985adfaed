package dev.sightline.store.duckdb;

import dev.sightline.contract.dashboard.BreakdownRow;
import dev.sightline.contract.dashboard.Dimension;
import dev.sightline.contract.dashboard.SessionFilter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/** An export's rows: the filter's sessions grouped by up to three dimensions. */
final class BreakdownQuery {

    private BreakdownQuery() {
    }

    static List<BreakdownRow> run(DuckDBConnection connection, SessionFilter filter, List<Dimension> dimensions,
                                  int limit) throws SQLException {
        DashboardSql where = DashboardSql.where(filter);
        String columns = dimensions.stream().map(BreakdownQuery::column).collect(Collectors.joining(", "));
        DashboardSql sql = new DashboardSql();
        sql.append("SELECT " + columns + ", count(*), count(DISTINCT s.visitor_id), sum(s.pages),"
                + " avg(epoch_ms(s.ended_at) - epoch_ms(s.started_at)), avg(s.active_ms) FROM sessions s");
        if (dimensions.contains(Dimension.URL)) {
            sql.append(" JOIN (SELECT DISTINCT session_id, page_key FROM page_views WHERE project_id = ?"
                            + " AND started_at >= make_timestamp(?::BIGINT)) u ON u.session_id = s.session_id",
                    filter.projectId(), Micros.of(filter.from()));
        }
        sql.append(" WHERE ").append(where);
        String positions = java.util.stream.IntStream.rangeClosed(1, dimensions.size()).mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
        sql.append(" GROUP BY " + positions + " ORDER BY " + (dimensions.size() + 1) + " DESC, " + positions
                + " LIMIT ?", limit);
        List<BreakdownRow> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                int n = dimensions.size();
                while (rows.next()) {
                    List<String> values = new ArrayList<>();
                    for (int i = 1; i <= n; i++) {
                        values.add(rows.getString(i));
                    }
                    result.add(new BreakdownRow(values, rows.getLong(n + 1), rows.getLong(n + 2), rows.getLong(n + 3),
                            rows.getDouble(n + 4), rows.getDouble(n + 5)));
                }
            }
        }
        return result;
    }

    private static String column(Dimension dimension) {
        return switch (dimension) {
            case DEVICE -> "s.device_class::VARCHAR";
            case BROWSER -> "s.browser";
            case OS -> "s.os";
            case COUNTRY -> "s.country";
            case CHANNEL -> "s.channel";
            case SOURCE -> "s.utm_source";
            case MEDIUM -> "s.utm_medium";
            case CAMPAIGN -> "s.utm_campaign";
            case URL -> "u.page_key";
        };
    }
}
