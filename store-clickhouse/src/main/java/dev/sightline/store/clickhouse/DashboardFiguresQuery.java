package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.dashboard.Count;
import dev.sightline.contract.dashboard.DashboardFigures;
import dev.sightline.contract.dashboard.DashboardFigures.Bucket;
import dev.sightline.contract.dashboard.DashboardFigures.Point;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.insights.InsightKind;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure of a dashboard, aggregated by ClickHouse. ClickHouse 18.16 cannot materialise the
 * filter's sessions once for several statements, so the figures are grouped into three statements, each
 * evaluating the filter (one read of {@code session_summaries}), fanning every row out with
 * {@code ARRAY JOIN} to {@code (figure, value)} pairs and grouping them all at once: one over the
 * sessions, people and bots, with each session's custom event names and insight kinds joined (totals,
 * the series, custom events, insight rates, bots), one over the selected sessions' attributes (the
 * session-level lists, counted only: carrying the totals' aggregates through nine times the rows cost
 * more than reading the sessions again), one over their page views, grouped by page key before the
 * fan-out (page views by page key, entry and exit pages, scroll depth).
 */
final class DashboardFiguresQuery {

    /** Up to this range the chart has hourly buckets, beyond it daily ones (as store-duckdb's dashboard). */
    static final Duration HOURLY_UP_TO = Duration.ofDays(3);

    private static final String SKIP_EMPTY = "('referrer_host', 'utm_source', 'utm_medium', 'utm_campaign')";

    private DashboardFiguresQuery() {
    }

    static DashboardFigures run(ClickHouseDatabase database, SessionFilter filter) {
        Bucket bucket = Duration.between(filter.from(), filter.to()).compareTo(HOURLY_UP_TO) <= 0 ? Bucket.HOUR
                : Bucket.DAY;
        ChronoUnit unit = bucket == Bucket.HOUR ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        long bucketMicros = unit.getDuration().toNanos() / 1_000;
        List<Instant> buckets = new ArrayList<>();
        for (Instant at = filter.from().truncatedTo(unit); at.isBefore(filter.to()); at = at.plus(1, unit)) {
            buckets.add(at);
        }
        String sessions = DashboardFilter.sessions(filter);

        long sessionCount = 0;
        long visitors = 0;
        long newSessions = 0;
        long pageViews = 0;
        double avgActive = 0;
        double avgDuration = 0;
        long bots = 0;
        Map<String, List<Count>> lists = new HashMap<>();
        Map<Instant, Point> points = new HashMap<>();
        Map<InsightKind, Long> insights = new EnumMap<>(InsightKind.class);
        for (InsightKind kind : InsightKind.values()) {
            insights.put(kind, 0L);
        }
        // People and bots in one pass: a bot session adds to 'bots', and to the figures when the filter
        // selects bots (arraySlice, not a lambda: 18.16 loses columns a lambda compares with a constant).
        for (JsonNode row : database.query("""
                SELECT tupleElement(pair, 1) AS figure, tupleElement(pair, 2) AS figure_value, count() AS sessions,
                       uniqExact(session_visitor) AS visitors,
                       countIf(new_visitor = 1) AS new_sessions,
                       sum(page_count) AS page_views, avg(active_total) AS avg_active, avg(duration_ms) AS avg_duration
                FROM (
                    SELECT * FROM (
                        SELECT * FROM (%1$s) ANY LEFT JOIN (
                            SELECT session_id, groupUniqArray(name) AS event_names FROM custom_events
                            WHERE %2$s GROUP BY session_id) USING session_id
                    ) ANY LEFT JOIN (
                        SELECT session_id, groupUniqArray(kind) AS insight_kinds FROM insight_events
                        WHERE %2$s AND %3$s GROUP BY session_id) USING session_id)
                ARRAY JOIN arrayConcat(arraySlice([('bots', '')], 1, first_bot),
                    arraySlice(arrayConcat([('totals', ''), ('series', toString(intDiv(session_start, %5$d) * %5$d))],
                                           arrayMap(e -> ('events', e), event_names),
                                           arrayMap(k -> ('insights', k), insight_kinds)) AS session_figures,
                               1, if(first_bot = %4$d, length(session_figures), 0))) AS pair
                GROUP BY figure, figure_value
                ORDER BY figure, sessions DESC, figure_value
                LIMIT %6$d BY figure""".formatted(DashboardFilter.peopleAndBots(filter), DashboardFilter.facts(filter),
                InsightVersions.latest(filter.projectId(), "source_page"), filter.bots() ? 1 : 0,
                bucketMicros, Math.max(DashboardFigures.TOP, buckets.size())))) {
            String figure = row.get("figure").asText();
            String value = row.get("figure_value").asText();
            long count = row.get("sessions").asLong();
            switch (figure) {
                case "totals" -> {
                    sessionCount = count;
                    visitors = row.get("visitors").asLong();
                    newSessions = row.get("new_sessions").asLong();
                    pageViews = row.get("page_views").asLong();
                    avgActive = row.get("avg_active").asDouble();
                    avgDuration = row.get("avg_duration").asDouble();
                }
                case "bots" -> bots = count;
                case "series" -> {
                    Instant start = Sql.instant(Long.parseLong(value));
                    points.put(start, new Point(start, count, row.get("visitors").asLong()));
                }
                case "insights" -> insights.put(InsightKind.valueOf(value), count);
                default -> add(lists, figure, value, count);
            }
        }

        // The session-level lists count sessions only: fanned out apart from the totals, no aggregate but count.
        for (JsonNode row : database.query("""
                SELECT figure, figure_value, count() AS sessions
                FROM (%s)
                ARRAY JOIN ['referrer_host', 'channel', 'utm_source', 'utm_medium', 'utm_campaign', 'device', 'browser',
                            'os', 'country'] AS figure,
                           [landing_referrer_host, landing_channel, landing_utm_source, landing_utm_medium,
                            landing_utm_campaign, first_device, first_browser, first_os, first_country] AS figure_value
                WHERE NOT (figure IN %s AND figure_value = '')
                GROUP BY figure, figure_value
                ORDER BY figure, sessions DESC, figure_value
                LIMIT %d BY figure""".formatted(sessions, SKIP_EMPTY, DashboardFigures.TOP))) {
            add(lists, row.get("figure").asText(), row.get("figure_value").asText(), row.get("sessions").asLong());
        }

        // Page views grouped by page key first, then fanned out per figure: the fan-out is per page key, not
        // per page view; the 'scroll' row carries the sums of every page view.
        double avgScroll = 0;
        for (JsonNode row : database.query("""
                SELECT figure, if(figure = 'scroll', '', view_key) AS figure_value, sum(figure_views) AS views,
                       sum(figure_scroll) AS scroll_sum
                FROM (
                    SELECT view_key, count() AS page_views, countIf(page_number = 1) AS entries,
                           countIf(view_exit = 1) AS exits, sum(view_scroll) AS scrolls
                    FROM (%s) WHERE session_id IN (SELECT session_id FROM (%s))
                    GROUP BY view_key)
                ARRAY JOIN ['scroll', 'pages', 'entry', 'exit'] AS figure,
                           [page_views, page_views, entries, exits] AS figure_views,
                           [scrolls, 0, 0, 0] AS figure_scroll
                WHERE figure_views > 0
                GROUP BY figure, figure_value
                ORDER BY figure, views DESC, figure_value
                LIMIT %d BY figure""".formatted(DashboardFilter.pageViews(filter), sessions, DashboardFigures.TOP))) {
            String figure = row.get("figure").asText();
            long views = row.get("views").asLong();
            if (figure.equals("scroll")) {
                avgScroll = (double) row.get("scroll_sum").asLong() / views;
            } else {
                add(lists, figure, row.get("figure_value").asText(), views);
            }
        }

        List<Point> series = buckets.stream().map(at -> points.getOrDefault(at, new Point(at, 0, 0))).toList();
        return new DashboardFigures(sessionCount, visitors, newSessions, sessionCount - newSessions, pageViews,
                avgScroll, avgActive, avgDuration, bots, insights, list(lists, "pages"), list(lists, "entry"),
                list(lists, "exit"), list(lists, "referrer_host"), list(lists, "channel"), list(lists, "utm_source"),
                list(lists, "utm_medium"), list(lists, "utm_campaign"), list(lists, "device"), list(lists, "browser"),
                list(lists, "os"), list(lists, "country"), list(lists, "events"), bucket, series);
    }

    private static void add(Map<String, List<Count>> lists, String figure, String value, long count) {
        List<Count> list = lists.computeIfAbsent(figure, k -> new ArrayList<>());
        if (list.size() < DashboardFigures.TOP) {
            list.add(new Count(value, count));
        }
    }

    private static List<Count> list(Map<String, List<Count>> lists, String name) {
        return List.copyOf(lists.getOrDefault(name, List.of()));
    }
}
