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
import java.util.Map;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Every figure of a dashboard. Each statement first materialises the filter's sessions ({@code f}),
 * so the filter is evaluated once per statement however many figures read it.
 */
final class DashboardFiguresQuery {

    /** Up to this range the chart has hourly buckets, beyond it daily ones. */
    static final Duration HOURLY_UP_TO = Duration.ofDays(3);

    private static final String SESSIONS = """
            WITH f AS MATERIALIZED (
                SELECT s.session_key, s.session_id, s.visitor_id, s.started_at, s.ended_at, s.active_ms, s.pages,
                       s.new_visitor, s.exit_page, s.referrer_host, s.channel, s.utm_source, s.utm_medium,
                       s.utm_campaign, s.device_class::VARCHAR AS device, s.browser, s.os, s.country
                FROM sessions s WHERE %s)
            """;

    /** Session-level breakdowns in one pass: the list each row belongs to, its value, its sessions. */
    private static final List<String> SESSION_LISTS = List.of("referrer_host", "channel", "utm_source", "utm_medium",
            "utm_campaign", "device", "browser", "os", "country");
    private static final List<String> SKIP_EMPTY = List.of("referrer_host", "utm_source", "utm_medium", "utm_campaign");

    private DashboardFiguresQuery() {
    }

    static DashboardFigures run(DuckDBConnection connection, SessionFilter filter) throws SQLException {
        DashboardSql where = DashboardSql.where(filter);
        long from = Micros.of(filter.from());

        long[] totals = new long[4];
        double[] averages = new double[3];
        long pageViews;
        try (PreparedStatement statement = prepare(connection, where, """
                SELECT count(*), count(DISTINCT visitor_id), count_if(new_visitor), count_if(NOT new_visitor),
                       coalesce(sum(pages), 0), coalesce(avg(active_ms), 0),
                       coalesce(avg(epoch_ms(ended_at) - epoch_ms(started_at)), 0),
                       (SELECT coalesce(avg(p.max_scroll_permille), 0) FROM page_views p JOIN f
                        ON p.session_id = f.session_id WHERE p.project_id = ? AND p.started_at >= make_timestamp(?::BIGINT))
                FROM f""", filter.projectId(), from);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            for (int i = 0; i < 4; i++) {
                totals[i] = rows.getLong(i + 1);
            }
            pageViews = rows.getLong(5);
            averages[0] = rows.getDouble(6);
            averages[1] = rows.getDouble(7);
            averages[2] = rows.getDouble(8);
        }

        long bots;
        DashboardSql botWhere = DashboardSql.where(filter.botsOnly());
        try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM sessions s WHERE "
                + botWhere.sql())) {
            botWhere.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                bots = rows.getLong(1);
            }
        }

        Map<InsightKind, Long> insights = new EnumMap<>(InsightKind.class);
        try (PreparedStatement statement = prepare(connection, where, "SELECT " + Arrays.stream(InsightKind.values())
                .map(k -> "count_if(i." + InsightSchema.countColumn(k) + " > 0)").collect(Collectors.joining(", "))
                + " FROM session_insights i JOIN f ON i.session_key = f.session_key");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            for (InsightKind kind : InsightKind.values()) {
                insights.put(kind, rows.getLong(kind.ordinal() + 1));
            }
        }

        Map<String, List<Count>> lists = new HashMap<>();
        String union = SESSION_LISTS.stream()
                .map(c -> "SELECT '" + c + "' AS list, " + c + " AS value, count(*) AS n FROM f"
                        + (SKIP_EMPTY.contains(c) ? " WHERE " + c + " <> ''" : "") + " GROUP BY " + c)
                .collect(Collectors.joining(" UNION ALL "));
        String pages = """
                 UNION ALL SELECT 'pages', p.page_key, count(DISTINCT p.session_id) FROM page_views p JOIN f
                   ON p.session_id = f.session_id WHERE p.project_id = ? AND p.started_at >= make_timestamp(?::BIGINT)
                   GROUP BY p.page_key
                 UNION ALL SELECT 'entry', p.page_key, count(*) FROM page_views p JOIN f
                   ON p.session_id = f.session_id AND p.page_number = 1
                   WHERE p.project_id = ? AND p.started_at >= make_timestamp(?::BIGINT) GROUP BY p.page_key
                 UNION ALL SELECT 'exit', p.page_key, count(*) FROM page_views p JOIN f
                   ON p.session_id = f.session_id AND p.page_number = f.exit_page
                   WHERE p.project_id = ? AND p.started_at >= make_timestamp(?::BIGINT) GROUP BY p.page_key
                 UNION ALL SELECT 'events', c.name, count(DISTINCT c.session_id) FROM custom_events c JOIN f
                   ON c.session_id = f.session_id WHERE c.project_id = ? AND c.ts >= make_timestamp(?::BIGINT)
                   GROUP BY c.name""";
        try (PreparedStatement statement = prepare(connection, where,
                "SELECT list, value, n FROM (" + union + " " + pages + ") ORDER BY list, n DESC, value",
                filter.projectId(), from, filter.projectId(), from, filter.projectId(), from, filter.projectId(), from);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                List<Count> list = lists.computeIfAbsent(rows.getString(1), k -> new ArrayList<>());
                if (list.size() < DashboardFigures.TOP) {
                    list.add(new Count(rows.getString(2), rows.getLong(3)));
                }
            }
        }

        Bucket bucket = Duration.between(filter.from(), filter.to()).compareTo(HOURLY_UP_TO) <= 0 ? Bucket.HOUR
                : Bucket.DAY;
        Map<Instant, Point> points = new HashMap<>();
        try (PreparedStatement statement = prepare(connection, where, "SELECT epoch_us(date_trunc('"
                + bucket.name().toLowerCase(java.util.Locale.ROOT) + "', started_at)) AS b, count(*),"
                + " count(DISTINCT visitor_id) FROM f GROUP BY b");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Instant start = Micros.toInstant(rows.getLong(1));
                points.put(start, new Point(start, rows.getLong(2), rows.getLong(3)));
            }
        }
        ChronoUnit unit = bucket == Bucket.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        List<Point> series = new ArrayList<>();
        for (Instant at = filter.from().truncatedTo(unit); at.isBefore(filter.to()); at = at.plus(1, unit)) {
            series.add(points.getOrDefault(at, new Point(at, 0, 0)));
        }

        return new DashboardFigures(totals[0], totals[1], totals[2], totals[3], pageViews, averages[2], averages[0],
                averages[1], bots, insights, list(lists, "pages"), list(lists, "entry"), list(lists, "exit"),
                list(lists, "referrer_host"), list(lists, "channel"), list(lists, "utm_source"),
                list(lists, "utm_medium"), list(lists, "utm_campaign"), list(lists, "device"), list(lists, "browser"),
                list(lists, "os"), list(lists, "country"), list(lists, "events"), bucket, series);
    }

    private static List<Count> list(Map<String, List<Count>> lists, String name) {
        return List.copyOf(lists.getOrDefault(name, List.of()));
    }

    /** The statement after the sessions CTE; the filter's parameters first, then the statement's own. */
    private static PreparedStatement prepare(DuckDBConnection connection, DashboardSql where, String statement,
                                             Object... more) throws SQLException {
        DashboardSql sql = new DashboardSql();
        sql.append(SESSIONS.formatted(where.sql()));
        sql.parameters().addAll(where.parameters());
        sql.append(statement, more);
        PreparedStatement prepared = connection.prepareStatement(sql.sql());
        try {
            sql.bind(prepared);
        } catch (SQLException e) {
            prepared.close();
            throw e;
        }
        return prepared;
    }
}
