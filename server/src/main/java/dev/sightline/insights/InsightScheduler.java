package dev.sightline.insights;

import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link InsightAnalyser} on a thread of its own: a step every sweep interval, at once again
 * while steps come back full. A failing step is logged and retried at the next interval; nothing is
 * lost, since the page views stay pending in the store.
 */
public final class InsightScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InsightScheduler.class);

    private final InsightAnalyser analyser;
    private final InsightSettings.Schedule schedule;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean closed;

    public InsightScheduler(InsightAnalyser analyser, InsightSettings settings, Clock clock) {
        this.analyser = Objects.requireNonNull(analyser, "analyser is null");
        this.schedule = Objects.requireNonNull(settings, "settings is null").schedule();
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.thread = new Thread(this::run, "insight-analyser");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            boolean more = false;
            try {
                more = analyser.filledBatch(analyser.analyseReady(clock.instant()));
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.error("insight analysis failed; retrying in {}", schedule.sweepInterval(), e);
            }
            if (!more && !pause()) {
                return;
            }
        }
    }

    /** Sleeps one sweep interval; false when woken by closing. */
    private boolean pause() {
        try {
            Thread.sleep(schedule.sweepInterval().toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops after the running step; call before closing the store. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
