package dev.sightline.ingest.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The segment files of a log directory. A segment is named by the log offset of its first byte
 * ({@code 00000000000000000000.wal}), so any offset maps to one file and a position inside it.
 */
final class Segments {
    private static final String SUFFIX = ".wal";

    private final Path directory;

    Segments(Path directory) {
        this.directory = directory;
    }

    Path path(long baseOffset) {
        return directory.resolve(String.format("%020d%s", baseOffset, SUFFIX));
    }

    /** Base offsets of the segments present, in ascending order. */
    List<Long> baseOffsets() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX) && name.length() == 20 + SUFFIX.length())
                    .map(name -> Long.parseLong(name.substring(0, 20)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** The base offset of the segment that holds {@code offset}. */
    long segmentOf(long offset, List<Long> bases) {
        long found = bases.isEmpty() ? offset : bases.get(0);
        for (long base : bases) {
            if (base <= offset) {
                found = base;
            }
        }
        return found;
    }

    void delete(long baseOffset) {
        try {
            Files.deleteIfExists(path(baseOffset));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete segment " + baseOffset, e);
        }
    }
}
