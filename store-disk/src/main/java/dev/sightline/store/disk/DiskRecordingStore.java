package dev.sightline.store.disk;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.store.ChunkKey;
import dev.sightline.contract.store.ChunkNotFoundException;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.store.StoreException;
import dev.sightline.contract.store.StoredChunk;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded {@link RecordingStore}: one file per chunk under {@code <dataDir>/recordings/}, at
 * {@code project/yyyy/mm/dd/session/page/sequence.json.gz} ({@link ChunkKey#path()}). Puts are durable
 * and atomic (temporary file, fsync, rename, fsync of the folder). Deletes remove whole session or day
 * folders and then the folders they leave empty.
 *
 * <p>Threads: puts, lists and opens run concurrently; a delete waits for them and they for it, so
 * no put lands in a folder a delete is removing. An opened stream stays readable even if its chunk
 * is deleted meanwhile.
 */
public final class DiskRecordingStore implements RecordingStore {

    /** The folder under the data directory. */
    public static final String FOLDER = "recordings";

    private static final int SYNC_THREADS = 16;

    private static final Comparator<StoredChunk> PLAY_ORDER = Comparator
            .comparingInt((StoredChunk chunk) -> chunk.key().pageNumber())
            .thenComparingInt(chunk -> chunk.key().sequence())
            .thenComparing(chunk -> chunk.key().day());

    private final ChunkPaths paths;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /**
     * fsyncs issued together: the file system commits concurrent flushes in one journal transaction,
     * so 16 at once store about three times as many chunks per second as one after another (measured
     * on ext4 here; see bench/).
     */
    private final ExecutorService syncs = Executors.newFixedThreadPool(SYNC_THREADS, runnable -> {
        Thread thread = new Thread(runnable, "recording-sync");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public DiskRecordingStore(Path dataDir) {
        requireNonNull(dataDir, "dataDir is null");
        this.paths = new ChunkPaths(dataDir.resolve(FOLDER));
        try {
            Files.createDirectories(paths.root());
        } catch (IOException e) {
            throw new StoreException("cannot create " + paths.root(), e);
        }
    }

    @Override
    public void put(ChunkKey key, byte[] gzippedJsonArray) {
        requireNonNull(gzippedJsonArray, "gzippedJsonArray is null");
        Path file = paths.chunk(key);
        shared(() -> {
            DurableFiles.createFolders(paths.root(), file.getParent());
            DurableFiles.write(file, gzippedJsonArray);
            return null;
        }, "cannot store chunk " + key.path());
    }

    /** Writes them all, then forces them together: one round of parallel fsyncs instead of two per chunk. */
    @Override
    public void putAll(Map<ChunkKey, byte[]> gzippedJsonArrays) {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        gzippedJsonArrays.forEach((key, bytes) -> files.put(paths.chunk(key), requireNonNull(bytes, "chunk bytes are null")));
        if (files.isEmpty()) {
            return;
        }
        shared(() -> {
            DurableFiles.createFolders(paths.root(), files.keySet().stream().map(Path::getParent).distinct().toList(), syncs);
            DurableFiles.writeAll(files, syncs);
            return null;
        }, "cannot store " + files.size() + " chunks");
    }

    @Override
    public List<StoredChunk> list(String projectId, String sessionId, Collection<LocalDate> days) {
        requireNonNull(days, "days is null");
        List<Path> sessionFolders = new ArrayList<>();
        List<LocalDate> sessionDays = new ArrayList<>();
        for (LocalDate day : new LinkedHashSet<>(days)) {
            sessionFolders.add(paths.session(projectId, day, sessionId));
            sessionDays.add(day);
        }
        return shared(() -> {
            List<StoredChunk> chunks = new ArrayList<>();
            for (int i = 0; i < sessionFolders.size(); i++) {
                addChunks(chunks, sessionFolders.get(i), projectId, sessionDays.get(i), sessionId);
            }
            chunks.sort(PLAY_ORDER);
            return List.copyOf(chunks);
        }, "cannot list the chunks of session " + sessionId);
    }

    @Override
    public InputStream open(ChunkKey key) {
        Path file = paths.chunk(key);
        return shared(() -> {
            try {
                return Files.newInputStream(file);
            } catch (NoSuchFileException e) {
                throw new ChunkNotFoundException(key);
            }
        }, "cannot open chunk " + key.path());
    }

    @Override
    public void deleteSessions(String projectId, Collection<String> sessionIds, Collection<LocalDate> days) {
        requireNonNull(sessionIds, "sessionIds is null");
        requireNonNull(days, "days is null");
        List<Path> sessionFolders = new ArrayList<>();
        for (LocalDate day : new LinkedHashSet<>(days)) {
            for (String sessionId : sessionIds) {
                sessionFolders.add(paths.session(projectId, day, sessionId));
            }
        }
        Path projectFolder = paths.project(projectId);
        exclusive(() -> {
            for (Path folder : sessionFolders) {
                DurableFiles.deleteTree(folder, ChunkPaths.SUFFIX);
                DurableFiles.removeEmptyFolders(folder.getParent(), projectFolder);
            }
            return null;
        }, "cannot delete sessions of project " + projectId);
    }

    @Override
    public long deleteDaysBefore(String projectId, LocalDate cutoff) {
        return deleteDaysBefore(projectId, cutoff, Set.of());
    }

    /** {@inheritDoc} A day holding a kept session loses its other session folders and stays. */
    @Override
    public long deleteDaysBefore(String projectId, LocalDate cutoff, Set<String> keptSessionIds) {
        requireNonNull(cutoff, "cutoff is null");
        Set<String> kept = Set.copyOf(requireNonNull(keptSessionIds, "keptSessionIds is null"));
        Path projectFolder = paths.project(projectId);
        return exclusive(() -> {
            long deleted = 0;
            for (DayFolders.Day day : DayFolders.of(projectFolder)) {
                if (!day.date().isBefore(cutoff)) {
                    continue;
                }
                if (kept.isEmpty()) {
                    deleted += DurableFiles.deleteTree(day.folder(), ChunkPaths.SUFFIX);
                } else {
                    deleted += deleteSessionsBut(day.folder(), kept);
                }
                DurableFiles.removeEmptyFolders(day.folder(), projectFolder);
            }
            return deleted;
        }, "cannot delete old days of project " + projectId);
    }

    private static long deleteSessionsBut(Path dayFolder, Set<String> kept) throws IOException {
        List<Path> doomed = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(dayFolder)) {
            for (Path entry : entries) {
                if (!kept.contains(entry.getFileName().toString())) {
                    doomed.add(entry);
                }
            }
        }
        long deleted = 0;
        for (Path folder : doomed) {
            deleted += DurableFiles.deleteTree(folder, ChunkPaths.SUFFIX);
        }
        return deleted;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        syncs.shutdown();
    }

    private static void addChunks(List<StoredChunk> chunks, Path sessionFolder, String projectId, LocalDate day,
                                  String sessionId) throws IOException {
        if (!Files.isDirectory(sessionFolder)) {
            return;
        }
        try (var pages = Files.newDirectoryStream(sessionFolder)) {
            for (Path pageFolder : pages) {
                var page = ChunkPaths.numberOf(pageFolder.getFileName().toString());
                if (page.isEmpty() || !Files.isDirectory(pageFolder)) {
                    continue;
                }
                try (var files = Files.newDirectoryStream(pageFolder, "*" + ChunkPaths.SUFFIX)) {
                    for (Path file : files) {
                        String name = file.getFileName().toString();
                        var sequence = ChunkPaths.numberOf(name.substring(0, name.length() - ChunkPaths.SUFFIX.length()));
                        if (sequence.isPresent()) {
                            chunks.add(new StoredChunk(new ChunkKey(projectId, day, sessionId, page.getAsInt(),
                                    sequence.getAsInt()), Files.size(file)));
                        }
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface FileWork<T> {
        T run() throws IOException;
    }

    private <T> T shared(FileWork<T> work, String failure) {
        return locked(lock.readLock(), work, failure);
    }

    private <T> T exclusive(FileWork<T> work, String failure) {
        return locked(lock.writeLock(), work, failure);
    }

    private <T> T locked(java.util.concurrent.locks.Lock held, FileWork<T> work, String failure) {
        held.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the recording store is closed");
            }
            return work.run();
        } catch (IOException e) {
            throw new StoreException(failure, e);
        } finally {
            held.unlock();
        }
    }
}
