package dev.sightline.bench.queries;

import dev.sightline.bench.Folders;
import dev.sightline.store.clickhouse.ClickHouseEventStore;
import dev.sightline.store.clickhouse.ClickHouseSettings;
import dev.sightline.store.clickhouse.SessionRollups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A {@link QueryData} month copied from its {@code events.duckdb} into a ClickHouse database made by
 * {@link ClickHouseEventStore} itself, so both engines answer over the same sessions, page views and
 * clicks: DuckDB writes the rows in store-clickhouse's shape ({@link ClickHouseCopySql}) to CSV files,
 * one per DuckDB thread, which are inserted two at a time (ClickHouse 18.16 parses one request on one
 * core); then each table is merged to one part per partition, as background merges leave a month that
 * is no longer written, the session and page-view summaries are computed by the statements the store's
 * writer runs after each write ({@link SessionRollups}), and the counts of both engines are compared
 * (sessions, page views and clicks as the summaries give them).
 */
final class ClickHouseQueryData {
    private static final int PARALLEL_INSERTS = 2;
    private static final List<String> SUMMARY_TABLES = List.of("session_summaries", "page_view_summaries");

    private ClickHouseQueryData() {
    }

    /** Loads {@code data} into the (new) database of {@code settings}; fails when the engines disagree after. */
    static void load(ClickHouseSettings settings, QueryData data, Path exportFolder, Consumer<String> progress)
            throws IOException, SQLException, InterruptedException {
        new ClickHouseEventStore(settings).close();
        ClickHouseHttp clickhouse = new ClickHouseHttp(settings);
        Files.createDirectories(exportFolder);
        try (Connection duckdb = data.connect(); Statement sql = duckdb.createStatement()) {
            for (ClickHouseCopySql table : ClickHouseCopySql.tables()) {
                Path folder = exportFolder.resolve(table.table());
                Folders.deleteTree(folder);
                long started = System.nanoTime();
                sql.execute("COPY (" + table.select() + ") TO '" + folder
                        + "' (FORMAT CSV, HEADER false, PER_THREAD_OUTPUT true)");
                List<Path> files = csvFiles(folder);
                progress.accept(String.format("%s: exported from DuckDB in %.0f s (%,d MB in %d files), inserting …",
                        table.table(), seconds(started), megabytes(files), files.size()));
                started = System.nanoTime();
                insert(clickhouse, table, files);
                Folders.deleteTree(folder);
                progress.accept(String.format("%s: inserted in %.0f s", table.table(), seconds(started)));
            }
            for (ClickHouseCopySql table : ClickHouseCopySql.tables()) {
                long started = System.nanoTime();
                clickhouse.execute("OPTIMIZE TABLE " + table.table() + " FINAL");
                progress.accept(String.format("%s: merged in %.0f s", table.table(), seconds(started)));
            }
            long summarised = System.nanoTime();
            for (String statement : SessionRollups.statements(data.project(), "1")) {
                clickhouse.execute(statement);
            }
            for (String table : SUMMARY_TABLES) {
                clickhouse.execute("OPTIMIZE TABLE " + table + " FINAL");
            }
            progress.accept(String.format("session and page-view summaries: computed and merged in %.0f s",
                    seconds(summarised)));
            String inDuckDb = counts(sql);
            String inClickHouse = counts(clickhouse);
            if (!inDuckDb.equals(inClickHouse)) {
                throw new IllegalStateException("ClickHouse does not hold the data set DuckDB holds:\n  DuckDB:     "
                        + inDuckDb + "\n  ClickHouse: " + inClickHouse);
            }
            progress.accept("same rows in both engines: " + inClickHouse);
        }
    }

    private static void insert(ClickHouseHttp clickhouse, ClickHouseCopySql table, List<Path> files)
            throws InterruptedException {
        ExecutorService inserts = Executors.newFixedThreadPool(PARALLEL_INSERTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Path file : files) {
                done.add(inserts.submit(() -> clickhouse.insertCsv(table.table(), table.columns().keySet(), file)));
            }
            for (Future<?> insert : done) {
                try {
                    insert.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("inserting " + table.table() + " failed", e.getCause());
                }
            }
        } finally {
            inserts.shutdownNow();
        }
    }

    /** Sessions, page views, visitor sessions, clicks (on the batches and as rows) and clicks per device. */
    private static String counts(Statement duckdb) throws SQLException {
        StringBuilder counts = new StringBuilder();
        try (ResultSet row = duckdb.executeQuery("""
                SELECT (SELECT count(*) FROM sessions), (SELECT count(*) FROM page_views),
                       (SELECT count(*) FROM sessions), (SELECT sum(clicks) FROM sessions), (SELECT count(*) FROM clicks)""")) {
            row.next();
            counts.append(describe(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5)));
        }
        try (ResultSet rows = duckdb.executeQuery(
                "SELECT device_class::VARCHAR AS device, count(*) FROM clicks GROUP BY device ORDER BY device")) {
            while (rows.next()) {
                counts.append(String.format(", %s %,d", rows.getString(1), rows.getLong(2)));
            }
        }
        return counts.toString();
    }

    private static String counts(ClickHouseHttp clickhouse) {
        String[] totals = clickhouse.execute("""
                SELECT (SELECT count() FROM session_summaries FINAL), (SELECT count() FROM page_view_summaries FINAL),
                       (SELECT count() FROM visitor_sessions FINAL), (SELECT sum(click_count) FROM session_summaries FINAL),
                       (SELECT count() FROM clicks FINAL)""").trim().split("\t");
        StringBuilder counts = new StringBuilder(describe(Long.parseLong(totals[0]), Long.parseLong(totals[1]),
                Long.parseLong(totals[2]), Long.parseLong(totals[3]), Long.parseLong(totals[4])));
        for (String line : clickhouse.execute("""
                SELECT toString(device_class) AS device, count() FROM clicks FINAL GROUP BY device ORDER BY device""")
                .trim().split("\n")) {
            String[] fields = line.split("\t");
            counts.append(String.format(", %s %,d", fields[0], Long.parseLong(fields[1])));
        }
        return counts.toString();
    }

    private static String describe(long sessions, long pageViews, long visitorSessions, long sessionClicks, long clicks) {
        return String.format("%,d sessions, %,d page views, %,d visitor sessions, %,d clicks counted on sessions, "
                + "%,d clicks", sessions, pageViews, visitorSessions, sessionClicks, clicks);
    }

    private static List<Path> csvFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static long megabytes(List<Path> files) throws IOException {
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        return bytes / 1_000_000;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
