package dev.sightline.bench;

import dev.sightline.bench.report.ResultTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** {@code bench/results/latest.md}: the table of the last run with the machine and command it ran on. */
final class ResultsFile {

    private ResultsFile() {
    }

    static Path write(Path root, String arguments, ResultTable table, double seconds) throws IOException {
        Path folder = root.resolve("bench/results");
        Files.createDirectories(folder);
        Path file = folder.resolve("latest.md");
        String text = "# Sightline benchmark results\n\n"
                + "- command: `./sightline bench" + (arguments.isBlank() ? "" : " " + arguments) + "`\n"
                + "- finished: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + String.format(Locale.ROOT,
                " (%.0f s)", seconds) + "\n"
                + "- machine: " + Machine.describe() + "\n\n"
                + table.markdown();
        Files.writeString(file, text);
        return file;
    }
}
