package dev.sightline.store.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: measures {@code privacy().purgeDeleted()} — the rewrite of {@code events.duckdb} that
 * erasure and retention run — on a file of a given size. Arguments: sessions and clicks to generate
 * (straight into the tables). See the module README for the command and the figures.
 */
public final class PurgeBenchmark {

    private PurgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long sessions = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long clicks = args.length > 1 ? Long.parseLong(args[1]) : 50_000_000;
        Path dir = Files.createTempDirectory("sightline-purge");
        new DuckDbEventStore(dir).close();
        Path file = dir.resolve(DuckDbEventStore.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO sessions SELECT '1:p/s' || i, 'p', 's' || i, 'v' || (i % 400000),
                        TIMESTAMP '2026-03-02' + to_seconds(i), TIMESTAMP '2026-03-02' + to_seconds(i),
                        TIMESTAMP '2026-03-02' + to_seconds(i + 60), 3, 5, 0, 40000, 12, 0, 'DESKTOP', 'Chrome', '156',
                        'Linux', 'DE', false, 0, 'https://shop.example/landing?id=' || i, '', '', 'DIRECT', '', '', '',
                        '', '', 3, 'https://shop.example/exit', 0, NULL, true
                    FROM range(?) r(i)""".replace("?", Long.toString(sessions)));
            s.execute("""
                    INSERT INTO clicks SELECT 'p', 's' || (i % $s), 1, TIMESTAMP '2026-03-02' + to_seconds(i // 50),
                        'https://shop.example/page-' || (i % 500), 'DESKTOP', 1440, (i * 7) % 1440, (i * 13) % 4000,
                        '#main > div.product:nth-of-type(' || (i % 40) || ') > button', 5000, 5000, 'button', 'Add',
                        0, 120, 40
                    FROM range($c) r(i)""".replace("$s", Long.toString(sessions)).replace("$c", Long.toString(clicks)));
            s.execute("CHECKPOINT");
        }
        try (DuckDbEventStore store = new DuckDbEventStore(dir)) {
            store.deleteSessions("p", List.of("s1", "s2", "s3"));
            long size = Files.size(file);
            AtomicLong slowestRead = new AtomicLong();
            AtomicBoolean purging = new AtomicBoolean(true);
            Thread reader = new Thread(() -> {
                while (purging.get()) {
                    long t = System.nanoTime();
                    store.session("p", "s5");
                    slowestRead.accumulateAndGet(System.nanoTime() - t, Math::max);
                }
            });
            long start = System.nanoTime();
            reader.start();
            store.privacy().purgeDeleted();
            double seconds = (System.nanoTime() - start) / 1e9;
            purging.set(false);
            reader.join();
            System.out.printf("%,d sessions, %,d clicks: %.0f MB rewritten in %.1f s (%.0f MB/s), now %.0f MB;"
                    + " the slowest session read meanwhile took %.2f s%n", sessions, clicks, size / 1e6, seconds,
                    size / 1e6 / seconds, Files.size(file) / 1e6, slowestRead.get() / 1e9);
        }
    }
}
