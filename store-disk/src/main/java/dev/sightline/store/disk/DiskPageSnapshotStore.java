package dev.sightline.store.disk;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.heatmap.SnapshotNotFoundException;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded {@link PageSnapshotStore}: {@code <dataDir>/snapshots/project/device/}, beside (never
 * inside) the recordings. A snapshot is two files named by the SHA-256 of its page key: the events,
 * {@code <hash>.<takenAt millis>.json.gz}, and its description, {@code <hash>.properties}, which names
 * the events file. A put writes the events first and the description last (each durably and
 * atomically) and then removes the previous events file, so a reader always finds a matching pair.
 *
 * <p>Threads: reads run concurrently; puts and deletes run one at a time, waiting for reads.
 */
public final class DiskPageSnapshotStore implements PageSnapshotStore {

    /** The folder under the data directory. */
    public static final String FOLDER = "snapshots";

    private static final String DESCRIPTION = ".properties";
    private static final String EVENTS = ".json.gz";
    private static final Comparator<PageSnapshot> ORDER = Comparator
            .comparing((PageSnapshot s) -> s.key().pageKey()).thenComparing(s -> s.key().device());

    private final Path root;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean closed;

    public DiskPageSnapshotStore(Path dataDir) {
        requireNonNull(dataDir, "dataDir is null");
        this.root = dataDir.resolve(FOLDER).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StoreException("cannot create " + root, e);
        }
    }

    @Override
    public void put(PageSnapshot snapshot, byte[] gzippedJsonArray) {
        requireNonNull(snapshot, "snapshot is null");
        requireNonNull(gzippedJsonArray, "gzippedJsonArray is null");
        Path folder = folder(snapshot.key().projectId(), snapshot.key().device());
        String name = name(snapshot.key().pageKey());
        String eventsFile = name + "." + snapshot.takenAt().toEpochMilli() + EVENTS;
        locked(lock.writeLock(), () -> {
            Optional<Stored> previous = read(folder.resolve(name + DESCRIPTION));
            DurableFiles.createFolders(root, folder);
            DurableFiles.write(folder.resolve(eventsFile), gzippedJsonArray);
            DurableFiles.write(folder.resolve(name + DESCRIPTION), describe(snapshot, eventsFile));
            if (previous.isPresent() && !previous.get().eventsFile().equals(eventsFile)) {
                Files.deleteIfExists(folder.resolve(previous.get().eventsFile()));
                DurableFiles.syncFolder(folder);
            }
            return null;
        }, "cannot store the snapshot of " + snapshot.key().pageKey());
    }

    @Override
    public Optional<PageSnapshot> find(SnapshotKey key) {
        Path description = description(key);
        return locked(lock.readLock(), () -> read(description).map(Stored::snapshot), "cannot read a snapshot");
    }

    @Override
    public InputStream open(SnapshotKey key) {
        Path description = description(key);
        return locked(lock.readLock(), () -> {
            Stored stored = read(description).orElseThrow(() -> new SnapshotNotFoundException(key));
            try {
                return Files.newInputStream(description.resolveSibling(stored.eventsFile()));
            } catch (NoSuchFileException e) {
                throw new SnapshotNotFoundException(key);
            }
        }, "cannot open the snapshot of " + key.pageKey());
    }

    @Override
    public List<PageSnapshot> list(String projectId) {
        Path project = project(projectId);
        return locked(lock.readLock(), () -> {
            List<PageSnapshot> snapshots = new ArrayList<>();
            for (Stored stored : all(project)) {
                snapshots.add(stored.snapshot());
            }
            snapshots.sort(ORDER);
            return List.copyOf(snapshots);
        }, "cannot list the snapshots of project " + projectId);
    }

    @Override
    public long deleteTakenBefore(String projectId, Instant cutoff) {
        requireNonNull(cutoff, "cutoff is null");
        Path project = project(projectId);
        return locked(lock.writeLock(), () -> delete(project, s -> s.takenAt().isBefore(cutoff)),
                "cannot delete old snapshots of project " + projectId);
    }

    @Override
    public void deleteSessions(String projectId, Collection<String> sessionIds) {
        Set<String> sessions = Set.copyOf(requireNonNull(sessionIds, "sessionIds is null"));
        Path project = project(projectId);
        locked(lock.writeLock(), () -> delete(project, s -> sessions.contains(s.sessionId())),
                "cannot delete snapshots of sessions of project " + projectId);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- layout ----

    /** A description as stored, with the events file it names and the file it was read from. */
    private record Stored(PageSnapshot snapshot, String eventsFile, Path description) {
    }

    private Path project(String projectId) {
        return root.resolve(ChunkPaths.checkId("projectId", projectId));
    }

    private Path folder(String projectId, DeviceClass device) {
        return project(projectId).resolve(device.name().toLowerCase(Locale.ROOT));
    }

    private Path description(SnapshotKey key) {
        requireNonNull(key, "key is null");
        return folder(key.projectId(), key.device()).resolve(name(key.pageKey()) + DESCRIPTION);
    }

    /** Page keys hold any characters; their hash is a safe, fixed-length file name. */
    private static String name(String pageKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pageKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] describe(PageSnapshot snapshot, String eventsFile) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("projectId", snapshot.key().projectId());
        properties.setProperty("pageKey", snapshot.key().pageKey());
        properties.setProperty("device", snapshot.key().device().name());
        properties.setProperty("sessionId", snapshot.sessionId());
        properties.setProperty("pageNumber", Integer.toString(snapshot.pageNumber()));
        properties.setProperty("takenAt", snapshot.takenAt().toString());
        properties.setProperty("viewportWidth", Integer.toString(snapshot.viewportWidth()));
        properties.setProperty("viewportHeight", Integer.toString(snapshot.viewportHeight()));
        properties.setProperty("pinned", Boolean.toString(snapshot.pinned()));
        properties.setProperty("events", eventsFile);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        properties.store(bytes, null);
        return bytes.toByteArray();
    }

    private static Optional<Stored> read(Path description) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(description);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(bytes));
        PageSnapshot snapshot = new PageSnapshot(
                new SnapshotKey(p.getProperty("projectId"), p.getProperty("pageKey"), DeviceClass.valueOf(p.getProperty("device"))),
                p.getProperty("sessionId"), Integer.parseInt(p.getProperty("pageNumber")),
                Instant.parse(p.getProperty("takenAt")), Integer.parseInt(p.getProperty("viewportWidth")),
                Integer.parseInt(p.getProperty("viewportHeight")), Boolean.parseBoolean(p.getProperty("pinned")));
        return Optional.of(new Stored(snapshot, p.getProperty("events"), description));
    }

    private static List<Stored> all(Path project) throws IOException {
        List<Stored> stored = new ArrayList<>();
        if (!Files.isDirectory(project)) {
            return stored;
        }
        try (var devices = Files.newDirectoryStream(project, Files::isDirectory)) {
            for (Path device : devices) {
                try (var descriptions = Files.newDirectoryStream(device, "*" + DESCRIPTION)) {
                    for (Path description : descriptions) {
                        read(description).ifPresent(stored::add);
                    }
                }
            }
        }
        return stored;
    }

    private static long delete(Path project, java.util.function.Predicate<PageSnapshot> doomed) throws IOException {
        long deleted = 0;
        for (Stored stored : all(project)) {
            if (doomed.test(stored.snapshot())) {
                Files.deleteIfExists(stored.description());
                Files.deleteIfExists(stored.description().resolveSibling(stored.eventsFile()));
                DurableFiles.syncFolder(stored.description().getParent());
                deleted++;
            }
        }
        return deleted;
    }

    @FunctionalInterface
    private interface FileWork<T> {
        T run() throws IOException;
    }

    private <T> T locked(Lock held, FileWork<T> work, String failure) {
        held.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the snapshot store is closed");
            }
            return work.run();
        } catch (IOException e) {
            throw new StoreException(failure, e);
        } finally {
            held.unlock();
        }
    }
}
