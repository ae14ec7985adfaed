package dev.sightline.bench.ingest;

import dev.sightline.bench.BenchContext;
import java.util.List;

/**
 * The shape of an ingest run. Capacity: {@code connections} keep-alive connections, each serving
 * {@code visitorsPerConnection} visitors in turn, {@code capacityBatches} uploads as fast as they are
 * acknowledged. Target load: {@code rate} uploads per second offered for {@code seconds}, from
 * {@code visitors} visitors, over at most {@code workers} connections at once. {@code serverJvmArguments}
 * are added to the server's JVM (e.g. {@code --ingest-server-jvm "-XX:StartFlightRecording=filename=x.jfr"}),
 * {@code serverArguments} to its command line ({@code --ingest-server-args "--page-parameters id"}).
 */
record IngestSettings(int warmupBatches, int connections, int visitorsPerConnection, int capacityBatches, int rate,
                      int seconds, int visitors, int workers, List<String> serverJvmArguments,
                      List<String> serverArguments) {

    static final IngestSettings DEFAULTS = new IngestSettings(3_000, 64, 16, 30_000, 3_000, 15, 10_000, 256, List.of(),
            List.of());

    IngestSettings {
        serverJvmArguments = List.copyOf(serverJvmArguments);
        serverArguments = List.copyOf(serverArguments);
    }

    /** The defaults, each overridable on the command line ({@code --ingest-rate 4000}, …). */
    static IngestSettings from(BenchContext context) {
        return new IngestSettings(
                context.intOption("ingest-warmup", DEFAULTS.warmupBatches()),
                context.intOption("ingest-connections", DEFAULTS.connections()),
                context.intOption("ingest-visitors-per-connection", DEFAULTS.visitorsPerConnection()),
                context.intOption("ingest-capacity-batches", DEFAULTS.capacityBatches()),
                context.intOption("ingest-rate", DEFAULTS.rate()),
                context.intOption("ingest-seconds", DEFAULTS.seconds()),
                context.intOption("ingest-visitors", DEFAULTS.visitors()),
                context.intOption("ingest-workers", DEFAULTS.workers()),
                words(context.option("ingest-server-jvm", "")),
                words(context.option("ingest-server-args", "")));
    }

    /** The same run against a server started with more flags (e.g. {@code --ingest kafka …}). */
    IngestSettings withServerArguments(List<String> more) {
        List<String> all = new java.util.ArrayList<>(serverArguments);
        all.addAll(more);
        return new IngestSettings(warmupBatches, connections, visitorsPerConnection, capacityBatches, rate, seconds,
                visitors, workers, serverJvmArguments, all);
    }

    private static List<String> words(String text) {
        return List.of(text.split(" ")).stream().filter(a -> !a.isBlank()).toList();
    }

    int pacedBatches() {
        return rate * seconds;
    }
}
