package dev.sightline.bench.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which uploads a phase sends, in which order, prepared (ids filled in, gzip'd) before the clock
 * starts so the load generator only sends. Visits are numbered; each number is a new session.
 */
final class LoadPlan {

    private record Slot(long visit, int index, long startMillis) {
    }

    private LoadPlan() {
    }

    /** Whole visits, {@code batches} uploads or a little more, numbered from {@code firstVisit}. */
    static List<List<Upload>> wholeVisits(VisitFactory factory, int batches, long firstVisit) {
        int perVisit = factory.uploadsPerVisit();
        int visits = (batches + perVisit - 1) / perVisit;
        long now = System.currentTimeMillis();
        List<Slot> slots = new ArrayList<>(visits * perVisit);
        for (int v = 0; v < visits; v++) {
            for (int i = 0; i < perVisit; i++) {
                slots.add(new Slot(firstVisit + v, i, now));
            }
        }
        List<Upload> uploads = generate(factory, slots);
        List<List<Upload>> grouped = new ArrayList<>(visits);
        for (int v = 0; v < visits; v++) {
            grouped.add(uploads.subList(v * perVisit, (v + 1) * perVisit));
        }
        return grouped;
    }

    /**
     * {@code batches} uploads from {@code visitors} visitors taking turns, as a steady state: visitor
     * {@code v} is already {@code v mod n} uploads into its visit when the phase starts (so full
     * snapshots and small incremental uploads mix as they do on a live site), and starts a new visit
     * when one ends.
     */
    static List<Upload> visitorsInTurn(VisitFactory factory, int visitors, int batches, long firstVisit) {
        int perVisit = factory.uploadsPerVisit();
        long now = System.currentTimeMillis();
        long[] visit = new long[visitors];
        int[] next = new int[visitors];
        long nextVisit = firstVisit;
        for (int v = 0; v < visitors; v++) {
            visit[v] = nextVisit++;
            next[v] = v % perVisit;
        }
        List<Slot> slots = new ArrayList<>(batches);
        for (int i = 0; i < batches; i++) {
            int v = i % visitors;
            if (next[v] == perVisit) {
                visit[v] = nextVisit++;
                next[v] = 0;
            }
            slots.add(new Slot(visit[v], next[v]++, now));
        }
        return generate(factory, slots);
    }

    private static List<Upload> generate(VisitFactory factory, List<Slot> slots) {
        return IntStream.range(0, slots.size()).parallel()
                .mapToObj(i -> factory.upload(slots.get(i).visit(), slots.get(i).index(), slots.get(i).startMillis()))
                .toList();
    }
}
