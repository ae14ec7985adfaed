package dev.sightline.bench.queries;

import dev.sightline.bench.BenchContext;
import dev.sightline.bench.Suite;
import dev.sightline.bench.report.Row;
import dev.sightline.store.duckdb.DuckDbEventStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Queries at two sizes of a month of traffic: 100,000 sessions with 1M clicks and 1M sessions with
 * 10M clicks ({@code --query-sessions 100000,1000000}). Each query runs once to warm up, then
 * {@value #RUNS} times; the row shows the median, with the event store open as the server holds it.
 */
public final class QuerySuite implements Suite {
    private static final String SUITE = "queries";
    private static final int RUNS = 5;

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String size : context.option("query-sessions", "100000,1000000").split(",")) {
            long sessions = Long.parseLong(size.trim().replace("_", ""));
            context.progress("queries: data set of %,d sessions (kept in %s)", sessions, context.folder("queries"));
            QueryData data = QueryData.ensure(context.folder("queries"), sessions, line -> context.progress("queries: %s", line));
            String scale = String.format(Locale.ROOT, "[%s clicks, %s sessions] ", compact(data.clicks()), compact(sessions));
            try (DuckDbEventStore store = new DuckDbEventStore(data.folder())) {
                for (QueryCase queryCase : QueryCases.all()) {
                    rows.add(time(scale, queryCase, () -> queryCase.call().run(store, data)));
                }
            }
        }
        return rows;
    }

    private interface Timed {
        Object run() throws Exception;
    }

    private static Row time(String scale, QueryCase queryCase, Timed timed) throws Exception {
        timed.run();
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            timed.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return Row.of(SUITE, scale + queryCase.name(), millis[RUNS / 2], "ms", queryCase.target());
    }

    private static String compact(long count) {
        return count >= 1_000_000 ? count / 1_000_000 + "M" : count / 1_000 + "k";
    }
}
