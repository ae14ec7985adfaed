package dev.sightline.migration;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The units a copy has finished, in a file beside the source: its first line names the target, each
 * further line one finished unit, appended and forced to disk before the next unit starts. A line cut
 * short by a crash has no line end and is ignored (its unit runs again; every unit's writes are
 * idempotent). A file for another target is started afresh.
 */
public final class Checkpoint implements AutoCloseable {

    private final Path file;
    private final Set<String> done;
    private final boolean startedAfresh;
    private final FileChannel channel;

    private Checkpoint(Path file, Set<String> done, boolean startedAfresh, FileChannel channel) {
        this.file = file;
        this.done = done;
        this.startedAfresh = startedAfresh;
        this.channel = channel;
    }

    /** Opens the file, or starts one when it is missing or belongs to another target. */
    public static Checkpoint open(Path file, String target) {
        requireNonNull(file, "file is null");
        requireNonNull(target, "target is null");
        String header = "target " + target.replace('\n', ' ');
        try {
            List<String> lines = Files.exists(file) ? completeLines(Files.readString(file, StandardCharsets.UTF_8)) : List.of();
            boolean same = !lines.isEmpty() && lines.get(0).equals(header);
            Set<String> done = new HashSet<>();
            if (same) {
                lines.stream().skip(1).filter(l -> l.startsWith("done ")).forEach(l -> done.add(l.substring(5)));
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // Drops a line cut short (or everything, for another target), then appends after the rest.
            long keep = 0;
            if (same) {
                byte[] content = Files.readAllBytes(file);
                for (int i = content.length - 1; i >= 0 && keep == 0; i--) {
                    keep = content[i] == '\n' ? i + 1 : 0;
                }
            }
            channel.truncate(keep);
            channel.position(keep);
            Checkpoint checkpoint = new Checkpoint(file, done, !same && !lines.isEmpty(), channel);
            if (!same) {
                checkpoint.append(header);
            }
            return checkpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the checkpoint file " + file, e);
        }
    }

    private static List<String> completeLines(String content) {
        List<String> lines = Arrays.asList(content.split("\n", -1));
        return lines.subList(0, lines.size() - 1);
    }

    public Path file() {
        return file;
    }

    /** Whether an earlier run wrote the file for another target (its progress was dropped). */
    public boolean startedAfresh() {
        return startedAfresh;
    }

    public boolean isDone(String unit) {
        return done.contains(unit);
    }

    public int doneCount() {
        return done.size();
    }

    /** Records the unit as finished, durably. */
    public void finish(String unit) {
        requireNonNull(unit, "unit is null");
        append("done " + unit);
        done.add(unit);
    }

    private void append(String line) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint file " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // every line was forced to disk when written
        }
    }
}
