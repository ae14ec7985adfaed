package dev.sightline.bench;

import dev.sightline.bench.ingest.CaptureVisits;
import dev.sightline.bench.ingest.IngestKafkaSuite;
import dev.sightline.bench.ingest.IngestSuite;
import dev.sightline.bench.queries.QuerySuite;
import dev.sightline.bench.replay.ReplaySuite;
import dev.sightline.bench.report.ResultTable;
import dev.sightline.bench.report.Row;
import dev.sightline.bench.tracker.TrackerSuite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sightline bench [ingest|tracker|queries|replay|all] [--option value …]}: runs the chosen
 * benchmarks, prints one table (figure, target, status, peer ratio) and writes it to
 * {@code bench/results/latest.md}. {@code ./sightline bench capture} re-records the demo visit the
 * ingest load replays.
 */
public final class Bench {

    private Bench() {
    }

    static List<Suite> suites() {
        return List.of(new IngestSuite(), new IngestKafkaSuite(), new TrackerSuite(), new QuerySuite(), new ReplaySuite());
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("sightline.root", ".")).toAbsolutePath().normalize();
        List<String> chosen = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                chosen.add(args[i]);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add("all");
        }
        BenchContext context = new BenchContext(root, root.resolve("bench/target/work"), options);
        if (chosen.equals(List.of("capture"))) {
            CaptureVisits.capture(context);
            return;
        }
        List<Suite> toRun = new ArrayList<>();
        for (String name : chosen) {
            if (name.equals("all")) {
                toRun.addAll(suites());
                continue;
            }
            Suite suite = suites().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
            if (suite == null) {
                System.err.println("unknown benchmark '" + name + "': ingest, ingest-kafka, tracker, queries, replay, all or capture");
                System.exit(2);
            }
            toRun.add(suite);
        }
        long started = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        for (Suite suite : toRun) {
            context.progress("%s …", suite.name());
            rows.addAll(suite.run(context));
        }
        ResultTable table = new ResultTable(rows);
        System.out.println();
        System.out.print(table.text());
        Path written = ResultsFile.write(root, String.join(" ", args), table, (System.nanoTime() - started) / 1e9);
        System.out.println();
        System.out.println("Written to " + root.relativize(written));
        System.exit(0);
    }
}
