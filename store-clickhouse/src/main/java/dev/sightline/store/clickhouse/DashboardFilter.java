package dev.sightline.store.clickhouse;

import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionCondition.ClickTarget;
import dev.sightline.contract.dashboard.SessionCondition.ClickedElement;
import dev.sightline.contract.dashboard.SessionCondition.CustomEvent;
import dev.sightline.contract.dashboard.SessionCondition.DroppedAfter;
import dev.sightline.contract.dashboard.SessionCondition.ErrorMessage;
import dev.sightline.contract.dashboard.SessionCondition.IdentifiedUser;
import dev.sightline.contract.dashboard.SessionCondition.Insight;
import dev.sightline.contract.dashboard.SessionCondition.NewVisitor;
import dev.sightline.contract.dashboard.SessionCondition.PageKey;
import dev.sightline.contract.dashboard.SessionCondition.PageUrl;
import dev.sightline.contract.dashboard.SessionCondition.Range;
import dev.sightline.contract.dashboard.SessionCondition.Tag;
import dev.sightline.contract.dashboard.SessionCondition.Text;
import dev.sightline.contract.dashboard.SessionCondition.UrlScope;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.dashboard.TextMatch;
import java.util.Locale;

/**
 * A {@link SessionFilter} as a ClickHouse sub-query: the window's sessions, as merged from their batches
 * ({@link SessionSummaries#matchingForDashboard}), people or bots, and every condition. ClickHouse 18.16
 * has no correlated sub-queries, so a condition on what happened inside a session is
 * {@code session_id IN (SELECT session_id FROM <facts> WHERE …)}; facts are read from the window's start
 * on: nothing of a session started in the window happened before it.
 */
final class DashboardFilter {

    private DashboardFilter() {
    }

    /** {@code SELECT * FROM (…)}: one row per session of the filter, with the dashboard's columns. */
    static String sessions(SessionFilter filter) {
        return peopleAndBots(filter) + " AND first_bot = " + (filter.bots() ? 1 : 0);
    }

    /** {@link #sessions}, people and bots alike (their {@code first_bot} tells them apart). */
    static String peopleAndBots(SessionFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM (")
                .append(SessionSummaries.matchingForDashboard(filter.projectId(),
                        SessionSummaries.startedIn(Sql.micros(filter.from()), Sql.micros(filter.to()))))
                .append(")\nWHERE session_start >= ").append(Sql.micros(filter.from())).append(" AND session_start < ")
                .append(Sql.micros(filter.to()));
        for (SessionCondition condition : filter.conditions()) {
            sql.append("\n  AND ").append(condition(condition, filter));
        }
        return sql.toString();
    }

    /** The ids of the filter's sessions. */
    static String sessionIds(SessionFilter filter) {
        return "SELECT session_id FROM (" + sessions(filter) + ")";
    }

    /**
     * {@code SELECT * FROM (…)}: the page views that started from the window's start on, merged from their
     * batches as store-duckdb merges them ({@code page_view_summaries}): {@code session_id, page_number,
     * view_url, view_key} (from the lowest sequence), {@code view_start}, {@code view_scroll},
     * {@code view_exit} (1 on the session's highest page). Callers join them with the filter's sessions.
     */
    static String pageViews(SessionFilter filter) {
        return """
                SELECT * FROM (
                    SELECT session_id, page_number, view_url, view_key, view_start, view_scroll, view_exit
                    FROM page_view_summaries FINAL
                    WHERE project_id = %s AND view_start >= %d)""".formatted(Sql.quote(filter.projectId()),
                Sql.micros(filter.from()));
    }

    /** A fact table's rows of the project from the window's start on (after {@code WHERE}). */
    static String facts(SessionFilter filter) {
        return "project_id = " + Sql.quote(filter.projectId()) + " AND ts >= " + Sql.micros(filter.from());
    }

    private static String condition(SessionCondition condition, SessionFilter filter) {
        if (condition instanceof PageUrl c) {
            boolean never = c.scope() == UrlScope.VISITED && c.match().operator() == TextMatch.Operator.NOT_EQUALS;
            String matching = match("view_url", never ? TextMatch.equalTo(c.match().value()) : c.match());
            return pages(c.scope(), never, matching, filter);
        } else if (condition instanceof PageKey c) {
            return pages(c.scope(), false, "view_key = " + Sql.quote(c.key()), filter);
        } else if (condition instanceof Text c) {
            return match(column(c.attribute()), c.match());
        } else if (condition instanceof Range c) {
            return measure(c.measure()) + " BETWEEN " + c.min() + " AND " + c.max();
        } else if (condition instanceof NewVisitor c) {
            return "new_visitor = " + (c.isNew() ? 1 : 0);
        } else if (condition instanceof Insight c) {
            return "session_id " + (c.present() ? "" : "NOT ") + "IN (SELECT session_id FROM insight_events"
                    + " WHERE project_id = " + Sql.quote(filter.projectId()) + " AND kind = "
                    + Sql.quote(c.kind().name()) + " AND " + InsightVersions.latest(filter.projectId(), "source_page")
                    + ")";
        } else if (condition instanceof ErrorMessage c) {
            return "session_id IN (SELECT session_id FROM errors WHERE " + facts(filter) + " AND "
                    + match("message", c.match()) + ")";
        } else if (condition instanceof CustomEvent c) {
            return "session_id " + (c.done() ? "" : "NOT ") + "IN (SELECT session_id FROM custom_events WHERE "
                    + facts(filter) + " AND name = " + Sql.quote(c.name()) + ")";
        } else if (condition instanceof Tag c) {
            return "session_id IN (SELECT session_id FROM tags WHERE " + facts(filter) + " AND tag_key = "
                    + Sql.quote(c.key()) + " AND tag_value = " + Sql.quote(c.value()) + ")";
        } else if (condition instanceof IdentifiedUser c) {
            return "last_user_hash = " + Sql.quote(c.userHash().toLowerCase(Locale.ROOT));
        } else if (condition instanceof ClickedElement c) {
            return "session_id IN (SELECT session_id FROM clicks WHERE " + facts(filter) + " AND "
                    + match(c.target() == ClickTarget.TEXT ? "text" : "selector", c.match()) + ")";
        } else if (condition instanceof DroppedAfter c) {
            SessionFilter window = SessionFilter.of(filter.projectId(), filter.from(), filter.to());
            return "session_id IN (" + FunnelQuery.droppedAfter(window, c.steps(), c.step()) + ")";
        }
        throw new IllegalStateException("unknown condition " + condition);
    }

    /** The session has a page of the scope that matches ({@code never}: none that matches). */
    private static String pages(UrlScope scope, boolean never, String matching, SessionFilter filter) {
        return switch (scope) {
            case VISITED -> "session_id " + (never ? "NOT " : "") + "IN (SELECT session_id FROM (" + pageViews(filter)
                    + ") WHERE " + matching + ")";
            case ENTRY -> "session_id IN (SELECT session_id FROM (" + pageViews(filter) + ") WHERE page_number = 1 AND "
                    + matching + ")";
            case EXIT -> "(session_id, exit_page) IN (SELECT session_id, page_number FROM (" + pageViews(filter)
                    + ") WHERE " + matching + ")";
        };
    }

    /** A text match on a column, as {@link TextMatch#matches} defines it. */
    static String match(String column, TextMatch match) {
        String value = Sql.quote(match.value().toLowerCase(Locale.ROOT));
        String lower = "lowerUTF8(" + column + ")";
        return switch (match.operator()) {
            case CONTAINS -> "position(" + lower + ", " + value + ") > 0";
            case STARTS_WITH -> "startsWith(" + lower + ", " + value + ")";
            case ENDS_WITH -> "endsWith(" + lower + ", " + value + ")";
            case EQUALS -> lower + " = " + value;
            case NOT_EQUALS -> lower + " != " + value;
            // In a group: ClickHouse 18.16 pre-filters by the literal text outside groups, ignoring (?i).
            case REGEX -> "match(" + column + ", " + Sql.quote("(?:" + match.value() + ")") + ")";
        };
    }

    private static String column(SessionCondition.Attribute attribute) {
        return switch (attribute) {
            case REFERRER -> "landing_referrer";
            case REFERRER_HOST -> "landing_referrer_host";
            case CHANNEL -> "landing_channel";
            case UTM_SOURCE -> "landing_utm_source";
            case UTM_MEDIUM -> "landing_utm_medium";
            case UTM_CAMPAIGN -> "landing_utm_campaign";
            case UTM_TERM -> "landing_utm_term";
            case UTM_CONTENT -> "landing_utm_content";
            case DEVICE -> "first_device";
            case BROWSER -> "first_browser";
            case OS -> "first_os";
            case COUNTRY -> "first_country";
        };
    }

    private static String measure(SessionCondition.Measure measure) {
        return switch (measure) {
            case DURATION_MS -> "duration_ms";
            case ACTIVE_MS -> "active_total";
            case PAGES -> "page_count";
            case CLICKS -> "click_count";
            case SCROLL_PERMILLE -> "deepest_scroll";
        };
    }
}
