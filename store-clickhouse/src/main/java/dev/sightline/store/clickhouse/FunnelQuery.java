package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.dashboard.FunnelStep;
import dev.sightline.contract.dashboard.SessionFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Funnels without window functions (ClickHouse 18.16 has none): per session of the filter, the times of
 * each step's occurrences as one array per step ({@code groupArrayIf} over its page views and custom
 * events), then the steps in order: step k's time is the earliest of its occurrences strictly after
 * step k-1's ({@code arrayFilter} with the previous time, {@code arrayReduce('min', …)}), and the
 * session reached it when there is one ({@code r1 … rn}).
 */
final class FunnelQuery {

    private FunnelQuery() {
    }

    /** How many of the filter's sessions reached each step. */
    static long[] reached(ClickHouseDatabase database, SessionFilter filter, List<FunnelStep> steps) {
        String sums = IntStream.rangeClosed(1, steps.size()).mapToObj(i -> "sum(r" + i + ") AS reached" + i)
                .collect(Collectors.joining(", "));
        JsonNode row = database.query("SELECT " + sums + " FROM ("
                + perSession(DashboardFilter.sessionIds(filter), filter, steps) + ")").get(0);
        long[] reached = new long[steps.size()];
        for (int i = 0; i < reached.length; i++) {
            reached[i] = row.get("reached" + (i + 1)).asLong();
        }
        return reached;
    }

    /**
     * The ids of the window's sessions, people and bots (a session's progress is its own; the caller's
     * filter tells them apart), that reached step {@code step} and not the next.
     */
    static String droppedAfter(SessionFilter window, List<FunnelStep> steps, int step) {
        String ids = "SELECT session_id FROM (" + DashboardFilter.peopleAndBots(window) + ")";
        return "SELECT session_id FROM (" + perSession(ids, window, steps) + ") WHERE r" + step
                + (step < steps.size() ? " AND NOT r" + (step + 1) : "");
    }

    /** One row per session of {@code ids} with a step's occurrence: {@code session_id, r1 … rn}. */
    private static String perSession(String ids, SessionFilter filter, List<FunnelStep> steps) {
        List<String> sources = new ArrayList<>();
        if (steps.stream().anyMatch(s -> s.kind() == FunnelStep.Kind.PAGE)) {
            sources.add("SELECT session_id, view_start AS ts, 1 AS page, view_url AS text FROM ("
                    + DashboardFilter.pageViews(filter) + ") WHERE session_id IN (" + ids + ")");
        }
        if (steps.stream().anyMatch(s -> s.kind() == FunnelStep.Kind.EVENT)) {
            sources.add("SELECT session_id, ts, 0 AS page, name AS text FROM custom_events WHERE "
                    + DashboardFilter.facts(filter) + " AND session_id IN (" + ids + ")");
        }
        List<String> arrays = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (int i = 1; i <= steps.size(); i++) {
            FunnelStep step = steps.get(i - 1);
            arrays.add("groupArrayIf(ts, page = " + (step.kind() == FunnelStep.Kind.PAGE ? 1 : 0) + " AND "
                    + DashboardFilter.match("text", step.match()) + ") AS a" + i);
            if (i == 1) {
                order.add("notEmpty(a1) AS r1, arrayReduce('min', a1) AS t1");
            } else {
                order.add("arrayFilter(x -> x > t%1$d, a%2$d) AS b%2$d, r%1$d AND notEmpty(b%2$d) AS r%2$d,"
                        .formatted(i - 1, i) + " arrayReduce('min', b%1$d) AS t%1$d".formatted(i));
            }
        }
        return "SELECT session_id, " + String.join(", ", order) + " FROM (SELECT session_id, "
                + String.join(", ", arrays) + " FROM (" + String.join("\nUNION ALL\n", sources)
                + ") GROUP BY session_id)";
    }
}
