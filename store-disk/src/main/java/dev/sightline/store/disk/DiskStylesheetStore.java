package dev.sightline.store.disk;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.store.StoreException;
import dev.sightline.contract.stylesheets.StylesheetHashes;
import dev.sightline.contract.stylesheets.StylesheetStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedded {@link StylesheetStore}: {@code <dataDir>/stylesheets/<project>/<hash>.css}, the
 * stylesheet's bytes as they are. A file is written once, durably and atomically (a reader sees it
 * whole or not at all); writing a hash that is there already does nothing, so two writers of the
 * same stylesheet cannot disagree.
 */
public final class DiskStylesheetStore implements StylesheetStore {

    /** The folder under the data directory. */
    public static final String FOLDER = "stylesheets";

    private static final String SUFFIX = ".css";

    private final Path root;

    public DiskStylesheetStore(Path dataDir) {
        requireNonNull(dataDir, "dataDir is null");
        this.root = dataDir.resolve(FOLDER).toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StoreException("cannot create " + root, e);
        }
    }

    @Override
    public void putIfAbsent(String projectId, String hash, byte[] css) {
        requireNonNull(css, "css is null");
        if (!StylesheetHashes.isHash(hash) || !StylesheetHashes.of(css).equals(hash)) {
            throw new IllegalArgumentException("the stylesheet's SHA-256 is not " + hash);
        }
        Path folder = root.resolve(ChunkPaths.checkId("projectId", projectId));
        Path file = folder.resolve(hash + SUFFIX);
        if (Files.exists(file)) {
            return;
        }
        try {
            DurableFiles.createFolders(root, folder);
            DurableFiles.write(file, css);
        } catch (IOException e) {
            throw new StoreException("cannot store stylesheet " + hash + " of project " + projectId, e);
        }
    }

    @Override
    public Optional<byte[]> find(String projectId, String hash) {
        if (!StylesheetHashes.isHash(hash)) {
            return Optional.empty();
        }
        Path file = root.resolve(ChunkPaths.checkId("projectId", projectId)).resolve(hash + SUFFIX);
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read stylesheet " + hash + " of project " + projectId, e);
        }
    }

    @Override
    public List<String> hashes(String projectId) {
        Path folder = root.resolve(ChunkPaths.checkId("projectId", projectId));
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(SUFFIX))
                    .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                    .filter(StylesheetHashes::isHash)
                    .toList();
        } catch (IOException e) {
            throw new StoreException("cannot list the stylesheets of project " + projectId, e);
        }
    }

    @Override
    public void close() {
        // nothing held open between calls
    }
}
