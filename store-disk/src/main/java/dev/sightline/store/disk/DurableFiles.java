package dev.sightline.store.disk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * File operations that are on disk when they return: data and directory entries are fsync'd.
 * A file is written to a temporary name in its own folder, forced, and renamed over the target, so a
 * reader sees the old file or the new one, never a part.
 */
final class DurableFiles {

    static final String TEMP_PREFIX = ".";
    static final String TEMP_SUFFIX = ".tmp";

    private static final SecureRandom TEMP_NAMES = new SecureRandom();
    private static final Set<StandardOpenOption> TEMP_OPTIONS = Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private DurableFiles() {
    }

    /** Creates the folder and any missing parents below {@code base}, making each new entry durable. */
    static void createFolders(Path base, Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.getParent();
        if (!folder.equals(base) && parent != null) {
            createFolders(base, parent);
        }
        try {
            Files.createDirectory(folder);
            syncFolder(parent);
        } catch (FileAlreadyExistsException raced) {
            // Another writer made it first; it syncs its parent.
        }
    }

    /** Replaces {@code target} with {@code bytes}, atomically and durably; its folder must exist. */
    static void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.getParent();
        Path temp = Files.createTempFile(folder, TEMP_PREFIX, TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncFolder(folder);
    }

    /**
     * Creates every missing folder below {@code base} that the given ones need, then makes the new
     * entries durable with one fsync per parent folder, the fsyncs running at once on {@code syncs}.
     */
    static void createFolders(Path base, Collection<Path> folders, ExecutorService syncs) throws IOException {
        Set<Path> parentsToSync = new LinkedHashSet<>();
        for (Path folder : folders) {
            List<Path> missing = new ArrayList<>();
            for (Path f = folder; f != null && !f.equals(base) && f.startsWith(base) && !Files.isDirectory(f); f = f.getParent()) {
                missing.add(0, f);
            }
            for (Path f : missing) {
                try {
                    Files.createDirectory(f);
                    parentsToSync.add(f.getParent());
                } catch (FileAlreadyExistsException raced) {
                    // Another writer made it first; it syncs its parent.
                }
            }
        }
        inParallel(parentsToSync, DurableFiles::syncFolder, syncs);
    }

    /**
     * Replaces each target with its bytes, atomically and durably, as {@link #write} does for one —
     * but the files are written and forced at once on {@code syncs}, each opened only once (creating,
     * reopening and closing temporary files cost more CPU than their fsyncs), then renamed, and each
     * folder is synced once: the disk's flushes are shared instead of paid per file. The folders must
     * exist. Durable when it returns; a failure leaves each target either old or new.
     */
    static void writeAll(Map<Path, byte[]> targets, ExecutorService syncs) throws IOException {
        Map<Path, Path> temps = new LinkedHashMap<>();
        for (Path target : targets.keySet()) {
            temps.put(target, target.resolveSibling(TEMP_PREFIX + target.getFileName() + "."
                    + Long.toUnsignedString(TEMP_NAMES.nextLong(), 36) + TEMP_SUFFIX));
        }
        try {
            inParallel(temps.keySet(), target -> writeForced(temps.get(target), targets.get(target)), syncs);
            Set<Path> folders = new LinkedHashSet<>();
            for (Map.Entry<Path, Path> renamed : new ArrayList<>(temps.entrySet())) {
                Files.move(renamed.getValue(), renamed.getKey(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                temps.remove(renamed.getKey());
                folders.add(renamed.getKey().getParent());
            }
            inParallel(folders, DurableFiles::syncFolder, syncs);
        } catch (IOException | RuntimeException e) {
            for (Path temp : temps.values()) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** Creates {@code temp} (owner-only, as {@link Files#createTempFile} would), writes and forces it. */
    private static void writeForced(Path temp, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, TEMP_OPTIONS, OWNER_ONLY)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private interface PathWork {
        void run(Path path) throws IOException;
    }

    private static void inParallel(Collection<Path> paths, PathWork work, ExecutorService syncs) throws IOException {
        List<Future<?>> running = new ArrayList<>(paths.size());
        for (Path path : paths) {
            running.add(syncs.submit(() -> {
                work.run(path);
                return null;
            }));
        }
        IOException failure = null;
        for (Future<?> done : running) {
            try {
                done.get();
            } catch (ExecutionException e) {
                IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while syncing");
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Deletes a folder with everything in it, if it exists; returns how many files went that match the suffix. */
    static long deleteTree(Path folder, String countedSuffix) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        long[] counted = {0};
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (file.getFileName().toString().endsWith(countedSuffix)
                        && !file.getFileName().toString().startsWith(TEMP_PREFIX)) {
                    counted[0]++;
                }
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        syncFolder(folder.getParent());
        return counted[0];
    }

    /** Removes {@code folder} and then each parent up to (not including) {@code stop} while they are empty. */
    static void removeEmptyFolders(Path folder, Path stop) throws IOException {
        Path current = folder;
        while (current != null && !current.equals(stop) && current.startsWith(stop)) {
            try {
                Files.delete(current);
                syncFolder(current.getParent());
            } catch (DirectoryNotEmptyException notEmpty) {
                return;
            } catch (NoSuchFileException gone) {
                // Never there or already removed: its parent may still be empty.
            }
            current = current.getParent();
        }
    }

    /** fsync of a folder, which makes the entries created, renamed or removed in it durable. */
    static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
