package dev.sightline.migration;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Per kind of data, how much the source holds and how much the target holds after a copy. */
public record Verification(List<Line> lines) {

    public record Line(String kind, long source, long target) {
        public Line {
            Objects.requireNonNull(kind, "kind is null");
        }

        public boolean matches() {
            return source == target;
        }
    }

    public Verification {
        lines = List.copyOf(lines);
    }

    /** The lines of two count maps with the same kinds, in the source's order. */
    static List<Line> of(String prefix, Map<String, Long> source, Map<String, Long> target) {
        List<Line> lines = new ArrayList<>();
        source.forEach((kind, count) -> lines.add(new Line(prefix + kind, count, target.getOrDefault(kind, -1L))));
        return lines;
    }

    public boolean allMatch() {
        return lines.stream().allMatch(Line::matches);
    }

    public long count(String kind, boolean inTarget) {
        return lines.stream().filter(l -> l.kind().equals(kind)).mapToLong(l -> inTarget ? l.target() : l.source())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no kind " + kind));
    }

    /** The table, one kind a line, and which differ. */
    public void print(PrintStream out) {
        int width = lines.stream().mapToInt(l -> l.kind().length()).max().orElse(4);
        String format = "%-" + width + "s  %15s  %15s  %s%n";
        out.printf(Locale.ROOT, format, "kind", "source", "target", "");
        for (Line line : lines) {
            out.printf(Locale.ROOT, format, line.kind(), String.format(Locale.ROOT, "%,d", line.source()),
                    String.format(Locale.ROOT, "%,d", line.target()), line.matches() ? "ok" : "DIFFERS");
        }
    }
}
