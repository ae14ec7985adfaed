package dev.sightline.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The results of a run as a fixed-width table for the terminal and as a Markdown table for files. */
public final class ResultTable {
    private static final List<String> HEADER = List.of("suite", "measure", "figure", "target", "status", "peer ratio");

    private final List<Row> rows;

    public ResultTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    public String text() {
        List<List<String>> cells = cells();
        int[] widths = new int[HEADER.size()];
        for (List<String> line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < cells.size(); n++) {
            List<String> line = cells.get(n);
            for (int i = 0; i < line.size(); i++) {
                out.append(i == 0 ? "" : "  ").append(pad(line.get(i), widths[i]));
            }
            out.append('\n');
            if (n == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        List<List<String>> cells = cells();
        for (int n = 0; n < cells.size(); n++) {
            out.append("| ").append(String.join(" | ", cells.get(n).stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
            if (n == 0) {
                out.append("|---|---|---:|---|---|---|\n");
            }
        }
        return out.toString();
    }

    private List<List<String>> cells() {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row row : rows) {
            cells.add(List.of(row.suite(), row.name(), row.figure(), row.target(), row.status().label(), row.peer()));
        }
        return cells;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
