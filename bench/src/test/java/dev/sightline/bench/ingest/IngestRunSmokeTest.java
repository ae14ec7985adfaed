package dev.sightline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few seconds of the real ingest benchmark against a real Sightline process, so the harness cannot
 * rot: its own accounting must agree with what the server stored.
 */
class IngestRunSmokeTest {

    @TempDir
    Path work;

    @Test
    void aTinyRunCountsExactlyWhatTheServerAcknowledgedAndStored() throws Exception {
        IngestSettings tiny = new IngestSettings(40, 4, 3, 150, 100, 2, 30, 8, java.util.List.of(), java.util.List.of());
        List<String> progress = new ArrayList<>();

        IngestReport report = IngestRun.run(tiny, work, progress::add);

        for (PhaseResult phase : List.of(report.warmup(), report.capacity(), report.paced())) {
            assertThat(phase.acked()).as(phase.name()).isEqualTo(phase.sent());
            assertThat(phase.otherStatuses()).as(phase.name()).isEmpty();
            assertThat(phase.failures()).as(phase.name()).isZero();
            assertThat(phase.ackedKeys()).as(phase.name()).hasSize(phase.acked());
            assertThat(phase.sortedLatencyNanos()).as(phase.name()).hasSize(phase.acked());
            assertThat(phase.latencyMs(0.5)).isLessThanOrEqualTo(phase.latencyMs(0.99));
            assertThat(phase.decodedBytes()).as("inflated JSON outweighs its gzip").isGreaterThan(phase.wireBytes());
        }
        assertThat(report.paced().sent()).isEqualTo(tiny.pacedBatches());
        assertThat(report.capacity().sent()).isBetween(tiny.capacityBatches(), tiny.capacityBatches() + 20);
        int sent = report.warmup().sent() + report.capacity().sent() + report.paced().sent();
        assertThat(report.acknowledged()).isEqualTo(sent);
        assertThat(report.storedRows()).as("the store holds what was acknowledged and nothing else").isEqualTo(sent);
        assertThat(report.missingRows()).isEmpty();
        assertThat(report.missingChunks()).isEmpty();
        assertThat(report.peakResidentBytes()).isPositive();
        assertThat(report.capacity().serverCpuSeconds()).isPositive();
        assertThat(progress).anyMatch(line -> line.startsWith("prepared "));
    }
}
