package dev.sightline.bench.ingest;

import dev.sightline.bench.BenchContext;
import dev.sightline.bench.Folders;
import dev.sightline.bench.Suite;
import dev.sightline.bench.report.Row;
import dev.sightline.ingest.kafka.KafkaBroker;
import java.nio.file.Path;
import java.util.List;

/**
 * The ingest suite again with the ingest log on Kafka ({@code --ingest kafka}): a single-node KRaft
 * broker started from the Kafka jars on this machine, flushing every message to disk as the embedded
 * write-ahead log does, so "acknowledged" means durable on both paths and the rows compare.
 */
public final class IngestKafkaSuite implements Suite {
    private static final String SUITE = "ingest-kafka";

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        IngestSettings embedded = IngestSettings.from(context);
        Path brokerFolder = context.folder("ingest-kafka").resolve("broker");
        Folders.deleteTree(brokerFolder);
        try (KafkaBroker kafka = KafkaBroker.start(brokerFolder)) {
            IngestSettings settings = embedded.withServerArguments(List.of("--ingest", "kafka",
                    "--kafka-bootstrap", kafka.bootstrapServers(), "--kafka-partitions", "4"));
            context.progress("ingest-kafka: broker at %s", kafka.bootstrapServers());
            IngestReport report = IngestRun.run(settings, context.folder("ingest-kafka"),
                    line -> context.progress("ingest-kafka: %s", line));
            return IngestSuite.rows(SUITE, settings, report);
        }
    }
}
