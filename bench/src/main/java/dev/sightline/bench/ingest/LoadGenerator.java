package dev.sightline.bench.ingest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends prepared uploads to a running server over loopback, in one of two shapes:
 * <ul>
 *   <li>{@link #closedLoop}: as fast as the server acknowledges — each connection serves its own set
 *       of visitors in turn, one upload in flight per connection; the figure is capacity;</li>
 *   <li>{@link #openLoop}: at a fixed offered rate, each upload due at its own instant whether or not
 *       the server kept up; latency counts from when an upload was due, so a server that falls behind
 *       shows it (no coordinated omission).</li>
 * </ul>
 */
final class LoadGenerator {
    private static final Upload END = new Upload("", 0, 0, new byte[0], 0, false);

    private record Due(Upload upload, long atNanos) {
    }

    private LoadGenerator() {
    }

    static PhaseResult closedLoop(String name, ServerProcess server, List<List<Upload>> visits, int connections,
                                  int visitorsPerConnection) throws IOException, InterruptedException {
        ConcurrentLinkedQueue<List<Upload>> waiting = new ConcurrentLinkedQueue<>(visits);
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Tally tally = new Tally();
            tallies.add(tally);
            threads.add(new Thread(() -> {
                try (LoopbackConnection connection = new LoopbackConnection(server.port())) {
                    ArrayDeque<Iterator<Upload>> active = new ArrayDeque<>();
                    while (true) {
                        while (active.size() < visitorsPerConnection && !waiting.isEmpty()) {
                            List<Upload> visit = waiting.poll();
                            if (visit != null) {
                                active.add(visit.iterator());
                            }
                        }
                        Iterator<Upload> visitor = active.poll();
                        if (visitor == null) {
                            return;
                        }
                        tally.send(connection, visitor.next(), System.nanoTime());
                        if (visitor.hasNext()) {
                            active.add(visitor);
                        }
                    }
                }
            }, "load-" + c));
        }
        return run(name, server, threads, tallies, () -> { });
    }

    static PhaseResult openLoop(String name, ServerProcess server, List<Upload> inOrder, double perSecond, int workers)
            throws IOException, InterruptedException {
        BlockingQueue<Due> due = new LinkedBlockingQueue<>();
        List<Tally> tallies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Tally tally = new Tally();
            tallies.add(tally);
            threads.add(new Thread(() -> {
                try (LoopbackConnection connection = new LoopbackConnection(server.port())) {
                    for (Due next = take(due); next.upload() != END; next = take(due)) {
                        tally.send(connection, next.upload(), next.atNanos());
                    }
                }
            }, "load-" + w));
        }
        return run(name, server, threads, tallies, () -> {
            long start = System.nanoTime();
            double period = 1e9 / perSecond;
            for (int i = 0; i < inOrder.size(); i++) {
                long at = start + (long) (i * period);
                for (long wait = at - System.nanoTime(); wait > 0; wait = at - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                due.add(new Due(inOrder.get(i), at));
            }
            for (int w = 0; w < workers; w++) {
                due.add(new Due(END, 0));
            }
        });
    }

    private static PhaseResult run(String name, ServerProcess server, List<Thread> threads, List<Tally> tallies,
                                   Runnable pacer) throws IOException, InterruptedException {
        double serverCpu = server.cpuSeconds();
        double ownCpu = ProcStat.ownCpuSeconds();
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        pacer.run();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return Tally.merge(name, tallies, seconds, server.cpuSeconds() - serverCpu, ProcStat.ownCpuSeconds() - ownCpu);
    }

    private static Due take(BlockingQueue<Due> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Due(END, 0);
        }
    }
}
