package dev.sightline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What every suite gets: the repository it measures, a scratch folder that survives between runs
 * (generated data sets are kept there), the {@code --name value} options of the command line, and a
 * progress line printer (standard error, so the table on standard output stays clean).
 */
public record BenchContext(Path root, Path work, Map<String, String> options) {

    public BenchContext {
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(work, "work is null");
        options = Map.copyOf(Objects.requireNonNull(options, "options is null"));
    }

    public Path folder(String name) {
        Path folder = work.resolve(name);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    public int intOption(String name, int fallback) {
        String value = options.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public void progress(String format, Object... arguments) {
        System.err.printf("[bench] " + format + "%n", arguments);
    }
}
