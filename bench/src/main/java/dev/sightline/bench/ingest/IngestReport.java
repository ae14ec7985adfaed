package dev.sightline.bench.ingest;

import java.util.Set;

/**
 * An ingest run's outcome: both measured phases, how long processing took to catch up after each,
 * the server's CPU from the target load's start until all of it was stored, its memory over the run, and which acknowledged uploads the stores lack
 * (none, when acknowledged means durable).
 */
record IngestReport(PhaseResult warmup, PhaseResult capacity, double capacityCatchUpSeconds, PhaseResult paced,
                    double pacedCatchUpSeconds, double pacedServerCpuSeconds, long peakResidentBytes, long peakHeapMiB, int acknowledged,
                    int storedRows, Set<String> missingRows, Set<String> missingChunks) {
}
