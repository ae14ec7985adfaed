package dev.sightline.store.disk;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.store.ChunkKey;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Where chunks live under the store's root: {@code ChunkKey.path() + ".json.gz"}, that is
 * {@code project/yyyy/mm/dd/session/page/sequence.json.gz}. Every id is checked before it becomes part
 * of a path — only letters, digits, {@code _} and {@code -} — so no key can point outside the root.
 */
final class ChunkPaths {

    static final String SUFFIX = ".json.gz";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,9}");

    private final Path root;

    ChunkPaths(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path project(String projectId) {
        return inside(root.resolve(checkId("projectId", projectId)));
    }

    Path day(String projectId, LocalDate day) {
        requireNonNull(day, "day is null");
        if (day.getYear() < 0 || day.getYear() > 9999) {
            throw new IllegalArgumentException("day out of range: " + day);
        }
        return inside(project(projectId).resolve(String.format("%04d/%02d/%02d", day.getYear(), day.getMonthValue(),
                day.getDayOfMonth())));
    }

    Path session(String projectId, LocalDate day, String sessionId) {
        return inside(day(projectId, day).resolve(checkId("sessionId", sessionId)));
    }

    Path chunk(ChunkKey key) {
        requireNonNull(key, "key is null");
        checkNumber("pageNumber", key.pageNumber());
        checkNumber("sequence", key.sequence());
        Path file = root.resolve(key.path() + SUFFIX);
        // Same place as the checked parts give, or a part was not what it seemed.
        Path expected = session(key.projectId(), key.day(), key.sessionId())
                .resolve(Integer.toString(key.pageNumber())).resolve(key.sequence() + SUFFIX);
        if (!file.normalize().equals(expected)) {
            throw new IllegalArgumentException("chunk key does not map to its own folder: " + key);
        }
        return expected;
    }

    /** The number a page folder or chunk file name stands for, if it is one this store wrote. */
    static OptionalInt numberOf(String name) {
        return NUMBER.matcher(name).matches() ? OptionalInt.of(Integer.parseInt(name)) : OptionalInt.empty();
    }

    static String checkId(String what, String id) {
        requireNonNull(id, what + " is null");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " may hold only letters, digits, '_' and '-': \"" + id + "\"");
        }
        return id;
    }

    private static void checkNumber(String what, int number) {
        if (number < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + number);
        }
    }

    private Path inside(Path path) {
        Path normal = path.normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new IllegalArgumentException("path leaves the recordings folder: " + path);
        }
        return normal;
    }
}
