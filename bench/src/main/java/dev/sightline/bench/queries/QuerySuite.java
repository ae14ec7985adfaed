package dev.sightline.bench.queries;

import dev.sightline.bench.BenchContext;
import dev.sightline.bench.Suite;
import dev.sightline.bench.report.Row;
import dev.sightline.bench.report.Status;
import dev.sightline.bench.report.Target;
import dev.sightline.contract.store.EventStore;
import dev.sightline.store.clickhouse.ClickHouseServer;
import dev.sightline.store.duckdb.DuckDbEventStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Queries at two sizes of a month of traffic: 100,000 sessions with 1M clicks and 1M sessions with
 * 10M clicks ({@code --query-sessions 100000,1000000}), on the embedded DuckDB and on ClickHouse
 * ({@code --query-engines duckdb,clickhouse}): the same data set, each engine through its own
 * {@link EventStore}, each ClickHouse row beside the DuckDB row of the same query with its ratio to it.
 * Each query runs once to warm up, then {@value #RUNS} times; the row shows the median, with the event
 * store open as the server holds it. Without clickhouse-server the ClickHouse rows are skipped.
 */
public final class QuerySuite implements Suite {
    private static final String SUITE = "queries";
    private static final String DUCKDB = "duckdb";
    private static final String CLICKHOUSE = "clickhouse";
    private static final int RUNS = 5;

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        Set<String> engines = Set.of(context.option("query-engines", DUCKDB + "," + CLICKHOUSE).toLowerCase(Locale.ROOT)
                .replace(" ", "").split(","));
        List<Row> rows = new ArrayList<>();
        boolean clickhouse = engines.contains(CLICKHOUSE);
        if (clickhouse && !ClickHouseServer.installed()) {
            context.progress("queries: SKIPPING the ClickHouse rows: %s is not installed (apt-get install clickhouse-server,"
                    + " or point SIGHTLINE_CLICKHOUSE_SERVER at one)", ClickHouseServer.binary());
            rows.add(new Row(SUITE, "ClickHouse rows", "skipped: no " + ClickHouseServer.binary(), "", Status.INFO, ""));
            clickhouse = false;
        }
        try (ClickHouseQueryServer server = clickhouse ? ClickHouseQueryServer.start() : null) {
            if (server != null) {
                context.progress("queries: clickhouse-server %s started", server.version());
            }
            for (String size : context.option("query-sessions", "100000,1000000").split(",")) {
                long sessions = Long.parseLong(size.trim().replace("_", ""));
                context.progress("queries: data set of %,d sessions (kept in %s)", sessions, context.folder("queries"));
                QueryData data = QueryData.ensure(context.folder("queries"), sessions, line -> context.progress("queries: %s", line));
                String scale = String.format(Locale.ROOT, "%s clicks, %s sessions", compact(data.clicks()), compact(sessions));
                double[] duckdb = null;
                if (engines.contains(DUCKDB)) {
                    context.progress("queries: DuckDB, %s", scale);
                    try (DuckDbEventStore store = new DuckDbEventStore(data.folder())) {
                        duckdb = medians(store, data, line -> context.progress("queries: DuckDB: %s", line));
                    }
                }
                double[] inClickHouse = null;
                if (server != null) {
                    context.progress("queries: ClickHouse, %s: loading DuckDB's data set", scale);
                    inClickHouse = server.with(data, line -> context.progress("queries: ClickHouse: %s", line),
                            (store, loadSeconds) -> {
                                rows.add(Row.of(SUITE, "[ClickHouse, " + scale + "] loading the data set from DuckDB's"
                                        + " (export, insert, merge, compare)", loadSeconds, "s", Target.none()));
                                return medians(store, data, line -> context.progress("queries: ClickHouse: %s", line));
                            });
                }
                rows.addAll(beside(scale, duckdb, inClickHouse));
            }
        }
        return rows;
    }

    /** The rows of one size: each query's DuckDB row, then its ClickHouse row with the ratio to DuckDB. */
    private static List<Row> beside(String scale, double[] duckdb, double[] clickhouse) {
        List<QueryCase> cases = QueryCases.all();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            QueryCase queryCase = cases.get(i);
            if (duckdb != null) {
                rows.add(Row.of(SUITE, "[DuckDB, " + scale + "] " + queryCase.name(), duckdb[i], "ms", queryCase.target()));
            }
            if (clickhouse != null) {
                Row row = Row.of(SUITE, "[ClickHouse, " + scale + "] " + queryCase.name(), clickhouse[i], "ms",
                        queryCase.target());
                rows.add(duckdb == null ? row : row.withPeer("DuckDB", clickhouse[i], duckdb[i]));
            }
        }
        return rows;
    }

    /** The median milliseconds of every query case, in {@link QueryCases#all()} order. */
    private static double[] medians(EventStore store, QueryData data, Consumer<String> progress) throws Exception {
        List<QueryCase> cases = QueryCases.all();
        double[] medians = new double[cases.size()];
        for (int c = 0; c < cases.size(); c++) {
            QueryCase queryCase = cases.get(c);
            queryCase.call().run(store, data);
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                queryCase.call().run(store, data);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            medians[c] = millis[RUNS / 2];
            progress.accept(String.format(Locale.ROOT, "%,.1f ms %s", medians[c], queryCase.name()));
        }
        return medians;
    }

    private static String compact(long count) {
        return count >= 1_000_000 ? count / 1_000_000 + "M" : count / 1_000 + "k";
    }
}
