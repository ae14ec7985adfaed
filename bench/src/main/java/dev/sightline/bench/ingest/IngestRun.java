package dev.sightline.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.bench.Folders;
import dev.sightline.demo.DemoSite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One ingest measurement against a fresh Sightline process: prepare the uploads (the captured demo
 * visit replayed under fresh ids), warm the server up, measure capacity, then the target load, let
 * processing catch up after each, stop the server, and check that every acknowledged upload is in
 * the event store and — when it carried recording events — on disk as a recording chunk.
 */
final class IngestRun {
    private static final Duration CATCH_UP = Duration.ofMinutes(5);

    private IngestRun() {
    }

    static IngestReport run(IngestSettings settings, Path work, Consumer<String> progress) throws Exception {
        VisitFactory factory = new VisitFactory(CapturedVisit.load(new ObjectMapper()));
        long prepared = System.nanoTime();
        List<List<Upload>> warmup = LoadPlan.wholeVisits(factory, settings.warmupBatches(), 0);
        List<List<Upload>> capacityVisits = LoadPlan.wholeVisits(factory, settings.capacityBatches(), 1_000_000);
        List<Upload> paced = LoadPlan.visitorsInTurn(factory, settings.visitors(), settings.pacedBatches(), 2_000_000);
        progress.accept(String.format("prepared %,d uploads in %.1f s", warmup.stream().mapToInt(List::size).sum()
                + capacityVisits.stream().mapToInt(List::size).sum() + paced.size(), (System.nanoTime() - prepared) / 1e9));

        Path data = work.resolve("data");
        Folders.deleteTree(data);
        Files.createDirectories(data);
        Set<String> acked = new HashSet<>();
        Set<String> ackedWithRecording = new HashSet<>();
        ServerProcess server = ServerProcess.start(data, work.resolve("server.log"), settings.serverJvmArguments(),
                settings.serverArguments());
        try {
            PhaseResult warm = LoadGenerator.closedLoop("warm-up", server, warmup, settings.connections(),
                    settings.visitorsPerConnection());
            collect(warm, acked, ackedWithRecording);
            catchUp(server, acked.size());
            progress.accept(warm.toString());

            PhaseResult capacity = LoadGenerator.closedLoop("capacity", server, capacityVisits, settings.connections(),
                    settings.visitorsPerConnection());
            collect(capacity, acked, ackedWithRecording);
            double capacityCatchUp = catchUp(server, acked.size());
            progress.accept(capacity + String.format(", processing caught up %.1f s later", capacityCatchUp));

            double cpuBeforeTarget = server.cpuSeconds();
            PhaseResult target = LoadGenerator.openLoop("target load", server, paced, settings.rate(), settings.workers());
            collect(target, acked, ackedWithRecording);
            double targetCatchUp = catchUp(server, acked.size());
            double targetCpu = server.cpuSeconds() - cpuBeforeTarget;
            progress.accept(target + String.format(", processing caught up %.1f s later", targetCatchUp));

            long rss = server.peakResidentBytes();
            long heap = server.peakHeapMiB();
            server.stop();
            StoredBatches stored = StoredBatches.read(data, DemoSite.PROJECT_ID);
            Set<String> missingRows = new HashSet<>(acked);
            missingRows.removeAll(stored.batchKeys());
            Set<String> missingChunks = new HashSet<>(ackedWithRecording);
            missingChunks.removeAll(stored.chunkKeys());
            return new IngestReport(warm, capacity, capacityCatchUp, target, targetCatchUp, targetCpu, rss, heap, acked.size(),
                    stored.batchKeys().size(), missingRows, missingChunks);
        } finally {
            server.stop();
        }
    }

    private static void collect(PhaseResult phase, Set<String> acked, Set<String> ackedWithRecording) {
        acked.addAll(phase.ackedKeys());
        ackedWithRecording.addAll(phase.ackedWithRecording());
    }

    /** Waits for processing to store everything acknowledged so far; returns how long that took. */
    private static double catchUp(ServerProcess server, int acknowledged) throws Exception {
        long start = System.nanoTime();
        if (!server.awaitProcessed(acknowledged, CATCH_UP)) {
            throw new IllegalStateException("processing did not catch up with " + acknowledged
                    + " acknowledged uploads within " + CATCH_UP);
        }
        return (System.nanoTime() - start) / 1e9;
    }

}
