package dev.sightline.bench.ingest;

import dev.sightline.bench.BenchContext;
import dev.sightline.bench.Suite;
import dev.sightline.bench.report.Row;
import dev.sightline.bench.report.Status;
import dev.sightline.bench.report.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ingest: simulated visitors replaying a real Chromium visit of the demo pages (fresh ids per visit)
 * against a Sightline process over loopback — capacity, latency at the target load, bytes, the
 * server's CPU and memory, and the check that every acknowledged upload was stored.
 */
public final class IngestSuite implements Suite {
    private static final String SUITE = "ingest";

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        IngestSettings settings = IngestSettings.from(context);
        IngestReport report = IngestRun.run(settings, context.folder("ingest"), line -> context.progress("ingest: %s", line));
        return rows(SUITE, settings, report);
    }

    static List<Row> rows(String suite, IngestSettings settings, IngestReport report) {
        PhaseResult capacity = report.capacity();
        PhaseResult paced = report.paced();
        String shape = String.format(Locale.ROOT, "%d connections x %d visitors", settings.connections(),
                settings.visitorsPerConnection());
        String load = String.format(Locale.ROOT, "%,d/s offered by %,d visitors", settings.rate(), settings.visitors());
        List<Row> rows = new ArrayList<>();
        rows.add(Row.of(suite, "accepted batches/s, as fast as acked (" + shape + ")", capacity.ackedPerSecond(),
                "/s", Target.atLeast(3000, ">= 3,000/s")));
        rows.add(Row.of(suite, "  wire MB/s at capacity (gzip bodies)", capacity.wireMegabytesPerSecond(), "MB/s", Target.none()));
        rows.add(Row.of(suite, "  decompressed MB/s at capacity", capacity.decodedMegabytesPerSecond(), "MB/s", Target.none()));
        rows.add(Row.of(suite, "  p50 ack latency at capacity", capacity.latencyMs(0.5), "ms", Target.none()));
        rows.add(Row.of(suite, "  server CPU at capacity", capacity.serverCores(), "cores", Target.none()));
        rows.add(Row.of(suite, "  load generator CPU at capacity (same 2 cores)", capacity.generatorCpuSeconds() / capacity.seconds(),
                "cores", Target.none()));
        rows.add(Row.of(suite, "accepted batches/s at " + load, paced.ackedPerSecond(), "/s",
                Target.atLeast(settings.rate() * 0.98, String.format(Locale.ROOT, ">= %,d/s", settings.rate()))));
        rows.add(Row.of(suite, "  p50 ack latency at " + load, paced.latencyMs(0.5), "ms", Target.none()));
        rows.add(Row.of(suite, "  p99 ack latency at " + load, paced.latencyMs(0.99), "ms", Target.below(100, "< 100 ms")));
        rows.add(Row.of(suite, "  server CPU at target load", paced.serverCores(), "cores", Target.none()));
        rows.add(Row.of(suite, "  processing caught up (all acked stored) after the target load", report.pacedCatchUpSeconds(),
                "s later", Target.none()));
        rows.add(Row.of(suite, "stored batches/s end to end (acked at target load / time until all stored)",
                paced.acked() / (paced.seconds() + report.pacedCatchUpSeconds()), "/s",
                Target.atLeast(settings.rate() * 0.98, String.format(Locale.ROOT, ">= %,d/s", settings.rate()))));
        double cpuMsPerBatch = report.pacedServerCpuSeconds() * 1000 / paced.acked();
        rows.add(Row.of(suite, "  server CPU per batch, acked and stored (all threads)", cpuMsPerBatch, "ms", Target.none()));
        rows.add(Row.of(suite, "  = stored batches/s two idle cores would sustain", 2000 / cpuMsPerBatch, "/s",
                Target.atLeast(settings.rate(), String.format(Locale.ROOT, ">= %,d/s", settings.rate()))));
        rows.add(Row.of(suite, "server peak heap (GC log, -Xmx" + ServerProcess.HEAP + ")", report.peakHeapMiB(), "MiB",
                Target.atMost(1024, "<= 1 GiB")));
        rows.add(Row.of(suite, "server peak RSS (/proc VmHWM)", report.peakResidentBytes() / 1048576.0, "MiB", Target.none()));
        int missing = report.missingRows().size() + report.missingChunks().size();
        rows.add(new Row(suite, "acked batches stored (event rows + recording chunks)",
                String.format(Locale.ROOT, "%,d of %,d (%d rows, %d chunks missing)", report.acknowledged() - report.missingRows().size(),
                        report.acknowledged(), report.missingRows().size(), report.missingChunks().size()),
                "all", missing == 0 ? Status.MEETS : Status.MISSES, ""));
        int rejected = capacity.otherStatuses().values().stream().mapToInt(Integer::intValue).sum()
                + paced.otherStatuses().values().stream().mapToInt(Integer::intValue).sum() + capacity.failures() + paced.failures();
        String byStatus = capacity.otherStatuses().isEmpty() && paced.otherStatuses().isEmpty() ? ""
                : " (statuses at capacity " + capacity.otherStatuses() + ", at target load " + paced.otherStatuses() + ")";
        rows.add(new Row(suite, "uploads not acked (status or connection failure)",
                String.format(Locale.ROOT, "%,d%s", rejected, byStatus), "", Status.INFO, ""));
        return rows;
    }
}
