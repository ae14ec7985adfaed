package dev.sightline.store.s3;

import dev.sightline.contract.store.StoreException;
import dev.sightline.contract.stylesheets.StylesheetHashes;
import dev.sightline.contract.stylesheets.StylesheetStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Stylesheets in object storage, apart from recordings and snapshots:
 * {@code <prefix>stylesheets/<project>/<hash>.css}, the stylesheet's bytes as they are. A put looks
 * first and writes only a hash the project does not have; two writers racing write the same bytes.
 */
public final class S3StylesheetStore implements StylesheetStore {
    private static final String SUFFIX = ".css";

    private final S3Bucket bucket;
    private final String prefix;

    public S3StylesheetStore(S3Settings settings) {
        this(S3Bucket.open(settings), settings.prefix());
    }

    S3StylesheetStore(S3Bucket bucket, String prefix) {
        this.bucket = Objects.requireNonNull(bucket, "bucket is null");
        this.prefix = Objects.requireNonNull(prefix, "prefix is null");
    }

    @Override
    public void putIfAbsent(String projectId, String hash, byte[] css) {
        Objects.requireNonNull(css, "css is null");
        if (!StylesheetHashes.isHash(hash) || !StylesheetHashes.of(css).equals(hash)) {
            throw new IllegalArgumentException("the stylesheet's SHA-256 is not " + hash);
        }
        String key = key(projectId, hash);
        if (bucket.metadata(key).isEmpty()) {
            bucket.putPlain(key, css, "text/css; charset=utf-8");
        }
    }

    @Override
    public Optional<byte[]> find(String projectId, String hash) {
        if (!StylesheetHashes.isHash(hash)) {
            return Optional.empty();
        }
        String key = key(projectId, hash);
        try (InputStream in = bucket.open(key)) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + key, e);
        }
    }

    @Override
    public List<String> hashes(String projectId) {
        String folder = prefix + "stylesheets/" + S3Bucket.check(projectId) + "/";
        return bucket.objectsUnder(folder, SUFFIX).stream()
                .map(object -> object.key().substring(folder.length(), object.key().length() - SUFFIX.length()))
                .filter(StylesheetHashes::isHash)
                .toList();
    }

    @Override
    public void close() {
        bucket.close();
    }

    private String key(String projectId, String hash) {
        return prefix + "stylesheets/" + S3Bucket.check(projectId) + "/" + hash + SUFFIX;
    }
}
