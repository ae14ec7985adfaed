package dev.sightline.bench.ingest;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * What one load phase did: uploads sent, acknowledged (200) and otherwise answered, bytes of the
 * acknowledged ones on the wire and decompressed, every ack latency, the keys of what was acknowledged,
 * and the CPU the server and the load generator spent.
 */
record PhaseResult(String name, int sent, int acked, Map<Integer, Integer> otherStatuses, int failures,
                   long wireBytes, long decodedBytes, double seconds, long[] sortedLatencyNanos,
                   Set<String> ackedKeys, Set<String> ackedWithRecording, double serverCpuSeconds,
                   double generatorCpuSeconds) {

    double ackedPerSecond() {
        return acked / seconds;
    }

    double wireMegabytesPerSecond() {
        return wireBytes / 1e6 / seconds;
    }

    double decodedMegabytesPerSecond() {
        return decodedBytes / 1e6 / seconds;
    }

    /** The latency at quantile {@code q} (0..1), in milliseconds. */
    double latencyMs(double q) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sortedLatencyNanos.length - 1, Math.ceil(q * sortedLatencyNanos.length) - 1);
        return sortedLatencyNanos[Math.max(0, index)] / 1e6;
    }

    /** Cores the server kept busy on average. */
    double serverCores() {
        return serverCpuSeconds / seconds;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: %,d sent, %,d acked in %.1f s (%,.0f/s), other %s, %d failed, "
                        + "p50 %.1f ms, p99 %.1f ms, server %.2f cores, generator %.2f cores", name, sent, acked, seconds,
                ackedPerSecond(), otherStatuses, failures, latencyMs(0.5), latencyMs(0.99), serverCores(),
                generatorCpuSeconds / seconds);
    }

    static long[] sorted(long[] latencies) {
        long[] copy = latencies.clone();
        Arrays.sort(copy);
        return copy;
    }
}
