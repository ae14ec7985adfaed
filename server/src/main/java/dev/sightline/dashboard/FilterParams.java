package dev.sightline.dashboard;

import dev.sightline.contract.dashboard.FunnelStep;
import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionCondition.Attribute;
import dev.sightline.contract.dashboard.SessionCondition.ClickTarget;
import dev.sightline.contract.dashboard.SessionCondition.Measure;
import dev.sightline.contract.dashboard.SessionCondition.UrlScope;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.dashboard.TextMatch;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.http.HttpProblem;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Filters as URL parameters, the same in the API and in the dashboard's own URLs (shareable links):
 * {@code from} and {@code to} in epoch milliseconds, {@code bots=only}, and one {@code f} parameter
 * per condition, {@code field:operator:value} (the value may hold colons). Funnel steps are
 * {@code step=page|event:operator:value}; {@code dropped=n} keeps the sessions that did steps 1..n
 * and not the next. The grammar is in docs/http-api.md.
 */
public final class FilterParams {
    static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private FilterParams() {
    }

    /** The request's filter; the window defaults to the last 30 days. */
    public static SessionFilter filter(Context ctx, String projectId, Clock clock) {
        Instant to = instant(ctx, "to", clock.instant().plusSeconds(60));
        Instant from = instant(ctx, "from", to.minus(DEFAULT_WINDOW));
        if (!from.isBefore(to)) {
            throw HttpProblem.badRequest("invalid_range", "from must be before to");
        }
        List<SessionCondition> conditions = conditions(ctx.queryParams("f"));
        String dropped = ctx.queryParam("dropped");
        if (dropped != null && !dropped.isEmpty()) {
            List<FunnelStep> steps = steps(ctx.queryParams("step"));
            int step = integer(dropped, "dropped");
            if (step < 1 || step > steps.size()) {
                throw HttpProblem.badRequest("invalid_dropped", "dropped is a step number, 1.." + steps.size());
            }
            conditions.add(new SessionCondition.DroppedAfter(steps, step));
        }
        if (conditions.size() > SessionFilter.MAX_CONDITIONS) {
            throw HttpProblem.badRequest("too_many_filters", "at most " + SessionFilter.MAX_CONDITIONS + " filters");
        }
        return new SessionFilter(projectId, from, to, "only".equals(ctx.queryParam("bots")), conditions);
    }

    /** Parses {@code f} values; a bad one answers 400 naming it. */
    public static List<SessionCondition> conditions(List<String> values) {
        List<SessionCondition> conditions = new ArrayList<>();
        for (String value : values) {
            if (!value.isEmpty()) {
                conditions.add(condition(value));
            }
        }
        return conditions;
    }

    public static List<FunnelStep> steps(List<String> values) {
        if (values.isEmpty() || values.size() > dev.sightline.contract.dashboard.DashboardQueries.MAX_FUNNEL_STEPS) {
            throw HttpProblem.badRequest("invalid_steps", "a funnel has 1..10 steps (step=page:contains:/cart)");
        }
        List<FunnelStep> steps = new ArrayList<>();
        for (String value : values) {
            String[] parts = value.split(":", 3);
            if (parts.length < 3 || !(parts[0].equals("page") || parts[0].equals("event"))) {
                throw HttpProblem.badRequest("invalid_step", "a step is page:<operator>:<url> or event:<operator>:<name>: "
                        + value);
            }
            steps.add(new FunnelStep(parts[0].equals("page") ? FunnelStep.Kind.PAGE : FunnelStep.Kind.EVENT,
                    match(parts[1], parts[2], value)));
        }
        return steps;
    }

    static SessionCondition condition(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length < 3) {
            throw invalid(text, "a filter is field:operator:value");
        }
        String field = parts[0];
        String operator = parts[1];
        String value = parts[2];
        try {
            return switch (field) {
                case "visited" -> new SessionCondition.PageUrl(UrlScope.VISITED, match(operator, value, text));
                case "entry" -> new SessionCondition.PageUrl(UrlScope.ENTRY, match(operator, value, text));
                case "exit" -> new SessionCondition.PageUrl(UrlScope.EXIT, match(operator, value, text));
                case "visited_page" -> new SessionCondition.PageKey(UrlScope.VISITED, value);
                case "entry_page" -> new SessionCondition.PageKey(UrlScope.ENTRY, value);
                case "exit_page" -> new SessionCondition.PageKey(UrlScope.EXIT, value);
                case "referrer", "referrer_host", "channel", "utm_source", "utm_medium", "utm_campaign", "utm_term",
                     "utm_content", "device", "browser", "os", "country" -> new SessionCondition.Text(
                        Attribute.valueOf(field.toUpperCase(Locale.ROOT)), match(operator, value, text));
                case "visitor" -> new SessionCondition.NewVisitor(switch (value) {
                    case "new" -> true;
                    case "returning" -> false;
                    default -> throw invalid(text, "visitor:is:new or visitor:is:returning");
                });
                case "duration" -> range(Measure.DURATION_MS, operator, value, 1000, text);
                case "active" -> range(Measure.ACTIVE_MS, operator, value, 1000, text);
                case "pages" -> range(Measure.PAGES, operator, value, 1, text);
                case "clicks" -> range(Measure.CLICKS, operator, value, 1, text);
                case "scroll" -> range(Measure.SCROLL_PERMILLE, operator, value, 10, text);
                case "insight" -> new SessionCondition.Insight(InsightKind.valueOf(operator.toUpperCase(Locale.ROOT)),
                        switch (value) {
                            case "yes" -> true;
                            case "no" -> false;
                            default -> throw invalid(text, "insight:<kind>:yes or insight:<kind>:no");
                        });
                case "error" -> new SessionCondition.ErrorMessage(match(operator, value, text));
                case "event" -> new SessionCondition.CustomEvent(value, switch (operator) {
                    case "done" -> true;
                    case "not_done" -> false;
                    default -> throw invalid(text, "event:done:<name> or event:not_done:<name>");
                });
                case "tag" -> new SessionCondition.Tag(operator, value);
                case "user" -> new SessionCondition.IdentifiedUser(operator.equals("hash") ? value : sha256(value));
                case "clicked_text" -> new SessionCondition.ClickedElement(ClickTarget.TEXT, match(operator, value, text));
                case "clicked_selector" -> new SessionCondition.ClickedElement(ClickTarget.SELECTOR,
                        match(operator, value, text));
                default -> throw invalid(text, "unknown field '" + field + "'");
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(text, e.getMessage());
        }
    }

    /** {@code duration:between:30..120} in the field's unit; either bound may be left out. */
    private static SessionCondition range(Measure measure, String operator, String value, long unit, String text) {
        if (!operator.equals("between")) {
            throw invalid(text, "a number filter is <field>:between:<min>..<max>");
        }
        String[] bounds = value.split("\\.\\.", -1);
        if (bounds.length != 2) {
            throw invalid(text, "a number filter is <field>:between:<min>..<max>");
        }
        long min = bounds[0].isEmpty() ? 0 : Math.multiplyExact(Long.parseLong(bounds[0].trim()), unit);
        long max = bounds[1].isEmpty() ? Long.MAX_VALUE : Math.multiplyExact(Long.parseLong(bounds[1].trim()), unit);
        return new SessionCondition.Range(measure, min, max);
    }

    private static TextMatch match(String operator, String value, String text) {
        TextMatch.Operator op;
        try {
            op = TextMatch.Operator.valueOf(operator.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(text, "operator is one of contains, starts_with, ends_with, equals, not_equals, regex");
        }
        return new TextMatch(op, value);
    }

    /** What the tracker's {@code identify} sends for an id: its SHA-256 in hex. */
    static String sha256(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpProblem invalid(String text, String reason) {
        return HttpProblem.badRequest("invalid_filter", "filter '" + text + "': " + reason);
    }

    static Instant instant(Context ctx, String name, Instant fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        return Instant.ofEpochMilli(integerLong(value, name));
    }

    static int integer(String value, String name) {
        long n = integerLong(value, name);
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
            throw HttpProblem.badRequest("invalid_" + name, name + " is out of range");
        }
        return (int) n;
    }

    private static long integerLong(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw HttpProblem.badRequest("invalid_" + name, name + " must be a whole number");
        }
    }
}
