package dev.sightline.store.duckdb;

import dev.sightline.contract.dashboard.Count;
import dev.sightline.contract.dashboard.DashboardFigures;
import dev.sightline.contract.dashboard.DashboardFigures.Bucket;
import dev.sightline.contract.dashboard.DashboardFigures.Point;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.insights.InsightKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Every figure of a dashboard in one statement: the filter's sessions ({@code f}) and their page views
 * ({@code pv}) are materialised once, and every figure is a row {@code (figure, value, a, b, x, y)} of
 * one {@code UNION ALL}, so the filter is evaluated and the page views joined only once. Bots are
 * counted by a second, cheap statement.
 */
final class DashboardFiguresQuery {

    /** Up to this range the chart has hourly buckets, beyond it daily ones. */
    static final Duration HOURLY_UP_TO = Duration.ofDays(3);

    private static final String SESSIONS = """
            WITH f AS MATERIALIZED (
                SELECT s.session_key, s.session_id, s.visitor_id, s.started_at, s.active_ms, s.pages, s.new_visitor,
                       s.exit_page, s.referrer_host, s.channel, s.utm_source, s.utm_medium, s.utm_campaign,
                       s.device_class::VARCHAR AS device, s.browser, s.os, s.country,
                       epoch_ms(s.ended_at) - epoch_ms(s.started_at) AS duration_ms
                FROM sessions s WHERE %s),
            pv AS MATERIALIZED (
                SELECT p.session_id, p.page_number, p.page_key, p.max_scroll_permille, f.exit_page
                FROM page_views p JOIN f ON p.session_id = f.session_id
                WHERE p.project_id = ? AND p.started_at >= make_timestamp(?::BIGINT))
            """;

    /** Session-level breakdowns: the figure each row belongs to is the column's name. */
    private static final List<String> SESSION_LISTS = List.of("referrer_host", "channel", "utm_source", "utm_medium",
            "utm_campaign", "device", "browser", "os", "country");
    private static final List<String> SKIP_EMPTY = List.of("referrer_host", "utm_source", "utm_medium", "utm_campaign");

    private DashboardFiguresQuery() {
    }

    static DashboardFigures run(DuckDBConnection connection, SessionFilter filter) throws SQLException {
        Bucket bucket = Duration.between(filter.from(), filter.to()).compareTo(HOURLY_UP_TO) <= 0 ? Bucket.HOUR
                : Bucket.DAY;
        List<String> parts = new ArrayList<>();
        parts.add("SELECT 'totals', NULL, count(*), count(DISTINCT visitor_id), coalesce(avg(active_ms), 0),"
                + " coalesce(avg(duration_ms), 0) FROM f");
        parts.add("SELECT 'visitors', NULL, count_if(new_visitor), count_if(NOT new_visitor), coalesce(sum(pages), 0), 0"
                + " FROM f");
        parts.add("SELECT 'scroll', NULL, count(*), 0, coalesce(avg(max_scroll_permille), 0), 0 FROM pv");
        for (String column : SESSION_LISTS) {
            parts.add("SELECT '" + column + "', " + column + ", count(*), 0, 0, 0 FROM f"
                    + (SKIP_EMPTY.contains(column) ? " WHERE " + column + " <> ''" : "") + " GROUP BY " + column);
        }
        parts.add("SELECT 'pages', page_key, count(*), 0, 0, 0 FROM pv GROUP BY page_key");
        parts.add("SELECT 'entry', page_key, count(*), 0, 0, 0 FROM pv WHERE page_number = 1 GROUP BY page_key");
        parts.add("SELECT 'exit', page_key, count(*), 0, 0, 0 FROM pv WHERE page_number = exit_page GROUP BY page_key");
        parts.add("SELECT 'events', c.name, count(DISTINCT c.session_id), 0, 0, 0 FROM custom_events c JOIN f"
                + " ON c.session_id = f.session_id WHERE c.project_id = ? AND c.ts >= make_timestamp(?::BIGINT)"
                + " GROUP BY c.name");
        parts.add("SELECT 'series', epoch_us(date_trunc('" + bucket.name().toLowerCase(Locale.ROOT)
                + "', started_at))::VARCHAR, count(*), count(DISTINCT visitor_id), 0, 0 FROM f GROUP BY 2");

        long from = Micros.of(filter.from());
        DashboardSql where = DashboardSql.where(filter);
        DashboardSql sql = new DashboardSql();
        sql.append(SESSIONS.formatted(where.sql()));
        sql.parameters().addAll(where.parameters());
        sql.parameters().addAll(List.of(filter.projectId(), from));
        sql.append(String.join("\nUNION ALL ", parts), filter.projectId(), from);

        long[] totals = new long[5];
        double[] averages = new double[3];
        Map<String, List<Count>> lists = new HashMap<>();
        Map<Instant, Point> points = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.sql() + " ORDER BY 1, 3 DESC, 2")) {
            sql.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String figure = rows.getString(1);
                    switch (figure) {
                        case "totals" -> {
                            totals[0] = rows.getLong(3);
                            totals[1] = rows.getLong(4);
                            averages[0] = rows.getDouble(5);
                            averages[1] = rows.getDouble(6);
                        }
                        case "visitors" -> {
                            totals[2] = rows.getLong(3);
                            totals[3] = rows.getLong(4);
                            totals[4] = Math.round(rows.getDouble(5));
                        }
                        case "scroll" -> averages[2] = rows.getDouble(5);
                        case "series" -> {
                            Instant start = Micros.toInstant(Long.parseLong(rows.getString(2)));
                            points.put(start, new Point(start, rows.getLong(3), rows.getLong(4)));
                        }
                        default -> {
                            List<Count> list = lists.computeIfAbsent(figure, k -> new ArrayList<>());
                            if (list.size() < DashboardFigures.TOP) {
                                list.add(new Count(rows.getString(2), rows.getLong(3)));
                            }
                        }
                    }
                }
            }
        }
        Map<InsightKind, Long> insights = insights(connection, filter, where);
        long bots = bots(connection, filter);

        ChronoUnit unit = bucket == Bucket.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        List<Point> series = new ArrayList<>();
        for (Instant at = filter.from().truncatedTo(unit); at.isBefore(filter.to()); at = at.plus(1, unit)) {
            series.add(points.getOrDefault(at, new Point(at, 0, 0)));
        }
        return new DashboardFigures(totals[0], totals[1], totals[2], totals[3], totals[4], averages[2], averages[0],
                averages[1], bots, insights, list(lists, "pages"), list(lists, "entry"), list(lists, "exit"),
                list(lists, "referrer_host"), list(lists, "channel"), list(lists, "utm_source"),
                list(lists, "utm_medium"), list(lists, "utm_campaign"), list(lists, "device"), list(lists, "browser"),
                list(lists, "os"), list(lists, "country"), list(lists, "events"), bucket, series);
    }

    /** Sessions with each insight: a semi-join of the (small) per-session insight table on the filter. */
    private static Map<InsightKind, Long> insights(DuckDBConnection connection, SessionFilter filter, DashboardSql where)
            throws SQLException {
        DashboardSql sql = new DashboardSql();
        sql.append("SELECT " + Arrays.stream(InsightKind.values())
                .map(k -> "count_if(i." + InsightSchema.countColumn(k) + " > 0)").collect(Collectors.joining(", "))
                + " FROM session_insights i WHERE i.project_id = ? AND i.session_key IN (SELECT s.session_key"
                + " FROM sessions s WHERE ", filter.projectId());
        sql.append(where).append(")");
        Map<InsightKind, Long> insights = new EnumMap<>(InsightKind.class);
        try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
            sql.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                for (InsightKind kind : InsightKind.values()) {
                    insights.put(kind, rows.getLong(kind.ordinal() + 1));
                }
            }
        }
        return insights;
    }

    private static long bots(DuckDBConnection connection, SessionFilter filter) throws SQLException {
        DashboardSql where = DashboardSql.where(filter.botsOnly());
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM sessions s WHERE "
                + where.sql())) {
            where.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Count> list(Map<String, List<Count>> lists, String name) {
        return List.copyOf(lists.getOrDefault(name, List.of()));
    }
}
