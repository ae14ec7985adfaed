package dev.sightline.bench.ingest;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** One load-generator thread's own counts, merged into a {@link PhaseResult} when the phase ends. */
final class Tally {
    int sent;
    int acked;
    int failures;
    long wireBytes;
    long decodedBytes;
    final Map<Integer, Integer> otherStatuses = new HashMap<>();
    final Set<String> ackedKeys = new HashSet<>();
    final Set<String> ackedWithRecording = new HashSet<>();
    private long[] latencies = new long[1024];
    private int latencyCount;

    /** Sends one upload and counts the answer; {@code since} is when it was due (System.nanoTime). */
    void send(LoopbackConnection connection, Upload upload, long since) {
        sent++;
        int status;
        try {
            status = connection.post(upload.wire());
        } catch (java.io.IOException e) {
            failures++;
            connection.close();
            return;
        }
        if (status == 200) {
            acked++;
            wireBytes += upload.wire().length;
            decodedBytes += upload.decodedBytes();
            ackedKeys.add(upload.key());
            if (upload.hasRecording()) {
                ackedWithRecording.add(upload.key());
            }
            if (latencyCount == latencies.length) {
                latencies = java.util.Arrays.copyOf(latencies, latencyCount * 2);
            }
            latencies[latencyCount++] = System.nanoTime() - since;
        } else {
            otherStatuses.merge(status, 1, Integer::sum);
        }
    }

    static PhaseResult merge(String name, Iterable<Tally> tallies, double seconds, double serverCpu, double generatorCpu) {
        int sent = 0;
        int acked = 0;
        int failures = 0;
        long wire = 0;
        long decoded = 0;
        Map<Integer, Integer> other = new HashMap<>();
        Set<String> keys = new HashSet<>();
        Set<String> withRecording = new HashSet<>();
        int latencyTotal = 0;
        for (Tally t : tallies) {
            latencyTotal += t.latencyCount;
        }
        long[] latencies = new long[latencyTotal];
        int at = 0;
        for (Tally t : tallies) {
            sent += t.sent;
            acked += t.acked;
            failures += t.failures;
            wire += t.wireBytes;
            decoded += t.decodedBytes;
            t.otherStatuses.forEach((status, count) -> other.merge(status, count, Integer::sum));
            keys.addAll(t.ackedKeys);
            withRecording.addAll(t.ackedWithRecording);
            System.arraycopy(t.latencies, 0, latencies, at, t.latencyCount);
            at += t.latencyCount;
        }
        return new PhaseResult(name, sent, acked, other, failures, wire, decoded, seconds, PhaseResult.sorted(latencies),
                keys, withRecording, serverCpu, generatorCpu);
    }
}
