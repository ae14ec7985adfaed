package dev.sightline.bench.queries;

import dev.sightline.bench.Folders;
import dev.sightline.store.duckdb.DuckDbEventStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A generated month of traffic in a real {@code events.duckdb} (schema made by {@link DuckDbEventStore}
 * itself), for timing queries: {@code sessions} sessions over the 30 days before {@code end}, each
 * with 1–5 page views and about 10 clicks per session in {@code clicks}, appended in time order as
 * ingestion appends them. 60 % desktop, 35 % phone, 5 % tablet; 3 % bots; the home page is every
 * session's entry (a third of all clicks), the rest spread over 50 pages. Batch keys are not
 * generated (no query reads them). Built once per size and kept in the bench's work folder.
 *
 * @param project the project every row belongs to
 */
record QueryData(Path folder, String project, long sessions, long clicks, Instant end) {
    static final String PROJECT = "bench";
    private static final String COMPLETE = "complete-v1";
    static final String HOME = "https://shop.example/";

    Instant start() {
        return end.minus(Duration.ofDays(30));
    }

    /** The generated data set of this size, made now unless an earlier run left it complete. */
    static QueryData ensure(Path parent, long sessions, java.util.function.Consumer<String> progress)
            throws IOException, SQLException {
        Path folder = parent.resolve("sessions-" + sessions);
        Path marker = folder.resolve(COMPLETE);
        if (Files.exists(marker)) {
            return new QueryData(folder, PROJECT, sessions, sessions * 10, Instant.parse(Files.readString(marker).trim()));
        }
        Folders.deleteTree(folder);
        Files.createDirectories(folder);
        new DuckDbEventStore(folder).close();
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        QueryData data = new QueryData(folder, PROJECT, sessions, sessions * 10, end);
        long started = System.nanoTime();
        try (Connection connection = data.connect(); Statement sql = connection.createStatement()) {
            for (String statement : QueryDataSql.statements(data)) {
                sql.execute(statement);
            }
            sql.execute("CHECKPOINT");
        }
        Files.writeString(marker, end.toString());
        progress.accept(String.format("generated %,d sessions and %,d clicks in %.0f s", sessions, data.clicks(),
                (System.nanoTime() - started) / 1e9));
        return data;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:" + folder.resolve(DuckDbEventStore.FILE_NAME));
    }

    /** The id of the {@code n}th session in time order. */
    String sessionId(long n) {
        return QueryDataSql.sessionId(n);
    }

}
