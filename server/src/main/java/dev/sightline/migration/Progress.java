package dev.sightline.migration;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a copy has done, on the terminal: units done of all, sessions, rows and objects copied, megabytes,
 * rate and time left. On a terminal one line is rewritten in place; otherwise (a log, a pipe) a plain
 * line every few seconds.
 */
public final class Progress {

    private static final long PLAIN_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long TTY_EVERY_NANOS = Duration.ofMillis(200).toNanos();

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private long startedNanos;
    private long lastShownNanos;
    private int totalUnits;
    private int doneUnits;
    private long totalSessions;
    private long doneSessions;
    private long sessionsThisRun;
    private long rows;
    private long objects;
    private long bytes;
    private String phase = "";
    private int shownWidth;

    public Progress(PrintStream out, boolean terminal) {
        this(out, terminal, System::nanoTime);
    }

    Progress(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.out = requireNonNull(out, "out is null");
        this.terminal = terminal;
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
    }

    /** The plan: how many units and sessions there are, and how many an earlier run finished. */
    public void start(int units, long sessions, int unitsDone, long sessionsDone) {
        totalUnits = units;
        totalSessions = sessions;
        doneUnits = unitsDone;
        doneSessions = sessionsDone;
        startedNanos = nanoTime.getAsLong();
        lastShownNanos = startedNanos - PLAIN_EVERY_NANOS;
    }

    public void phase(String name) {
        phase = name;
        show(false);
    }

    public void copied(long rowCount, long objectCount, long byteCount) {
        rows += rowCount;
        objects += objectCount;
        bytes += byteCount;
        show(false);
    }

    public void unitDone(long sessions) {
        doneUnits++;
        doneSessions += sessions;
        sessionsThisRun += sessions;
        show(false);
    }

    /** The last state, on a line of its own. */
    public void finish() {
        show(true);
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void show(boolean always) {
        long now = nanoTime.getAsLong();
        if (!always && now - lastShownNanos < (terminal ? TTY_EVERY_NANOS : PLAIN_EVERY_NANOS)) {
            return;
        }
        lastShownNanos = now;
        String line = line(now);
        if (terminal) {
            out.print("\r" + line + " ".repeat(Math.max(0, shownWidth - line.length())));
            shownWidth = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long now) {
        double seconds = Math.max(1e-3, (now - startedNanos) / 1e9);
        double megabytes = bytes / 1e6;
        String eta = "--";
        if (sessionsThisRun > 0 && doneSessions < totalSessions) {
            eta = duration((long) ((totalSessions - doneSessions) / (sessionsThisRun / seconds)));
        } else if (doneUnits >= totalUnits && totalUnits > 0) {
            eta = "0s";
        }
        return String.format(Locale.ROOT, "%s: %d/%d units, %d/%d sessions, %,d rows, %,d objects, %.1f MB"
                        + " (%.1f MB/s, %.0f rows/s), %s elapsed, about %s left",
                phase, doneUnits, totalUnits, doneSessions, totalSessions, rows, objects, megabytes,
                megabytes / seconds, rows / seconds, duration((long) seconds), eta);
    }

    private static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        return seconds >= 60 ? String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60) : seconds + "s";
    }
}
