package dev.sightline.store.duckdb;

import dev.sightline.contract.dashboard.FunnelStep;
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
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link SessionFilter} as SQL over {@code sessions s}, with its parameters in order. Conditions
 * on what happened inside a session read the fact tables from the window's start on: nothing of a
 * session started in the window happened before it.
 */
final class DashboardSql {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** The filter's condition on {@code sessions s}. */
    static DashboardSql where(SessionFilter filter) {
        return peopleAndBots(filter).append(" AND s.bot = ?", filter.bots());
    }

    /** {@link #where}, people and bots alike: the heatmaps leave bots out their own way. */
    static DashboardSql peopleAndBots(SessionFilter filter) {
        DashboardSql where = new DashboardSql();
        where.append("s.project_id = ? AND s.started_at >= make_timestamp(?::BIGINT)"
                        + " AND s.started_at < make_timestamp(?::BIGINT)",
                filter.projectId(), Micros.of(filter.from()), Micros.of(filter.to()));
        for (SessionCondition condition : filter.conditions()) {
            where.sql.append(" AND ");
            where.condition(condition, filter);
        }
        return where;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> parameters() {
        return parameters;
    }

    DashboardSql append(String text, Object... values) {
        sql.append(text);
        parameters.addAll(List.of(values));
        return this;
    }

    DashboardSql append(DashboardSql other) {
        sql.append(other.sql);
        parameters.addAll(other.parameters);
        return this;
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object value : parameters) {
            if (value instanceof String s) {
                statement.setString(index, s);
            } else if (value instanceof Long l) {
                statement.setLong(index, l);
            } else if (value instanceof Integer i) {
                statement.setInt(index, i);
            } else if (value instanceof Boolean b) {
                statement.setBoolean(index, b);
            } else {
                throw new IllegalStateException("cannot bind " + value);
            }
            index++;
        }
        return index;
    }

    private void condition(SessionCondition condition, SessionFilter filter) {
        long from = Micros.of(filter.from());
        if (condition instanceof PageUrl c) {
            boolean never = c.scope() == UrlScope.VISITED && c.match().operator() == TextMatch.Operator.NOT_EQUALS;
            append(never ? "NOT EXISTS (" : "EXISTS (");
            pagesOfSession(c.scope(), from);
            append(" AND ");
            match("p.url", never ? TextMatch.equalTo(c.match().value()) : c.match());
            append(")");
        } else if (condition instanceof PageKey c) {
            append("EXISTS (");
            pagesOfSession(c.scope(), from);
            append(" AND p.page_key = ?)", c.key());
        } else if (condition instanceof Text c) {
            match(column(c.attribute()), c.match());
        } else if (condition instanceof Range c) {
            append(measure(c.measure()) + " BETWEEN ? AND ?", c.min(), c.max());
        } else if (condition instanceof NewVisitor c) {
            append("s.new_visitor = ?", c.isNew());
        } else if (condition instanceof Insight c) {
            append((c.present() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM session_insights i"
                    + " WHERE i.session_key = s.session_key AND i." + InsightSchema.countColumn(c.kind()) + " > 0)");
        } else if (condition instanceof ErrorMessage c) {
            append("EXISTS (SELECT 1 FROM errors e " + factsOfSession("e"), from);
            append(" AND ");
            match("e.message", c.match());
            append(")");
        } else if (condition instanceof CustomEvent c) {
            append((c.done() ? "" : "NOT ") + "EXISTS (SELECT 1 FROM custom_events c " + factsOfSession("c")
                    + " AND c.name = ?)", from, c.name());
        } else if (condition instanceof Tag c) {
            append("EXISTS (SELECT 1 FROM tags t " + factsOfSession("t") + " AND t.tag_key = ? AND t.tag_value = ?)",
                    from, c.key(), c.value());
        } else if (condition instanceof IdentifiedUser c) {
            append("s.user_hash = ?", c.userHash().toLowerCase(Locale.ROOT));
        } else if (condition instanceof ClickedElement c) {
            append("EXISTS (SELECT 1 FROM clicks k " + factsOfSession("k"), from);
            append(" AND ");
            match(c.target() == ClickTarget.TEXT ? "k.text" : "k.selector", c.match());
            append(")");
        } else if (condition instanceof DroppedAfter c) {
            SessionFilter window = new SessionFilter(filter.projectId(), filter.from(), filter.to(), filter.bots(),
                    List.of());
            append("s.session_id IN (");
            append(droppedAfter(window, c.steps(), c.step()));
            append(")");
        } else {
            throw new IllegalStateException("unknown condition " + condition);
        }
    }

    private void pagesOfSession(UrlScope scope, long from) {
        append("SELECT 1 FROM page_views p WHERE p.project_id = s.project_id AND p.session_id = s.session_id"
                + " AND p.started_at >= make_timestamp(?::BIGINT)", from);
        if (scope == UrlScope.ENTRY) {
            append(" AND p.page_number = 1");
        } else if (scope == UrlScope.EXIT) {
            append(" AND p.page_number = s.exit_page");
        }
    }

    private static String factsOfSession(String alias) {
        return "WHERE %1$s.project_id = s.project_id AND %1$s.session_id = s.session_id AND %1$s.ts >= make_timestamp(?::BIGINT)"
                .formatted(alias);
    }

    /** A text match on a column, as {@link TextMatch#matches} defines it. */
    void match(String column, TextMatch match) {
        String value = match.value().toLowerCase(Locale.ROOT);
        switch (match.operator()) {
            case CONTAINS -> append("contains(lower(" + column + "), ?)", value);
            case STARTS_WITH -> append("starts_with(lower(" + column + "), ?)", value);
            case ENDS_WITH -> append("ends_with(lower(" + column + "), ?)", value);
            case EQUALS -> append("lower(" + column + ") = ?", value);
            case NOT_EQUALS -> append("lower(" + column + ") <> ?", value);
            case REGEX -> append("regexp_matches(" + column + ", ?)", match.value());
            default -> throw new IllegalStateException("unknown operator " + match.operator());
        }
    }

    static String column(SessionCondition.Attribute attribute) {
        return switch (attribute) {
            case REFERRER -> "s.referrer";
            case REFERRER_HOST -> "s.referrer_host";
            case CHANNEL -> "s.channel";
            case UTM_SOURCE -> "s.utm_source";
            case UTM_MEDIUM -> "s.utm_medium";
            case UTM_CAMPAIGN -> "s.utm_campaign";
            case UTM_TERM -> "s.utm_term";
            case UTM_CONTENT -> "s.utm_content";
            case DEVICE -> "s.device_class::VARCHAR";
            case BROWSER -> "s.browser";
            case OS -> "s.os";
            case COUNTRY -> "s.country";
        };
    }

    static String measure(SessionCondition.Measure measure) {
        return switch (measure) {
            case DURATION_MS -> "(epoch_ms(s.ended_at) - epoch_ms(s.started_at))";
            case ACTIVE_MS -> "s.active_ms";
            case PAGES -> "s.pages";
            case CLICKS -> "s.clicks";
            case SCROLL_PERMILLE -> "coalesce((SELECT max(p.max_scroll_permille) FROM page_views p"
                    + " WHERE p.project_id = s.project_id AND p.session_id = s.session_id), 0)";
        };
    }

    /**
     * {@code t1 … tn}: per session of the window that reached step k, when it first did (strictly
     * after step k-1). Callers add the final SELECT.
     */
    static DashboardSql funnelSteps(SessionFilter filter, List<FunnelStep> steps) {
        long from = Micros.of(filter.from());
        DashboardSql sql = new DashboardSql();
        sql.append("WITH base AS (SELECT s.session_id FROM sessions s WHERE ").append(where(filter)).append(")");
        for (int i = 1; i <= steps.size(); i++) {
            FunnelStep step = steps.get(i - 1);
            sql.append(", o" + i + " AS (");
            if (step.kind() == FunnelStep.Kind.PAGE) {
                sql.append("SELECT x.session_id, x.started_at AS ts FROM page_views x WHERE x.project_id = ?"
                        + " AND x.started_at >= make_timestamp(?::BIGINT) AND ", filter.projectId(), from);
                sql.match("x.url", step.match());
            } else {
                sql.append("SELECT x.session_id, x.ts FROM custom_events x WHERE x.project_id = ?"
                        + " AND x.ts >= make_timestamp(?::BIGINT) AND ", filter.projectId(), from);
                sql.match("x.name", step.match());
            }
            sql.append(")");
            String previous = i == 1 ? "base b ON b.session_id = o.session_id"
                    : "t" + (i - 1) + " b ON b.session_id = o.session_id AND o.ts > b.ts";
            sql.append(", t" + i + " AS (SELECT o.session_id, min(o.ts) AS ts FROM o" + i + " o JOIN " + previous
                    + " GROUP BY o.session_id)");
        }
        return sql;
    }

    /** The ids of the window's sessions that reached step {@code step} and not the next. */
    static DashboardSql droppedAfter(SessionFilter filter, List<FunnelStep> steps, int step) {
        DashboardSql sql = funnelSteps(filter, steps);
        sql.append(" SELECT session_id FROM t" + step);
        if (step < steps.size()) {
            sql.append(" WHERE session_id NOT IN (SELECT session_id FROM t" + (step + 1) + ")");
        }
        return sql;
    }
}
