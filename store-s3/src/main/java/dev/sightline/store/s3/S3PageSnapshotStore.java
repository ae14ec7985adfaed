package dev.sightline.store.s3;

import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.heatmap.SnapshotNotFoundException;
import dev.sightline.contract.store.DeviceClass;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Heatmap backgrounds in object storage, apart from the recordings:
 * {@code <prefix>snapshots/<project>/<page>/<DEVICE>/<takenAt>.<session>.<page number>.<width>.<height>.<a|p>.json.gz}.
 * Everything a snapshot's description holds is in its key, so listing a project's snapshots is one
 * listing, not a request per snapshot. The page key is its base64url text; a page key too long for an
 * object key is named by its SHA-256 and kept whole in the object's metadata. A put writes the new
 * object, then removes the one it replaces (should a put stop between the two, the newer one is read).
 */
public final class S3PageSnapshotStore implements PageSnapshotStore {
    private static final String SUFFIX = ".json.gz";
    private static final int MAX_ENCODED_PAGE_KEY = 600;
    private static final String HASHED = "h-";
    private static final String PAGE_KEY_METADATA = "page-key";

    private final S3Bucket bucket;
    private final String prefix;

    public S3PageSnapshotStore(S3Settings settings) {
        this(S3Bucket.open(settings), settings.prefix());
    }

    S3PageSnapshotStore(S3Bucket bucket, String prefix) {
        this.bucket = Objects.requireNonNull(bucket, "bucket is null");
        this.prefix = Objects.requireNonNull(prefix, "prefix is null");
    }

    /** One stored object: its key and the snapshot its key describes. */
    private record Stored(String objectKey, PageSnapshot snapshot) {
    }

    @Override
    public void put(PageSnapshot snapshot, byte[] gzippedJsonArray) {
        S3Bucket.check(snapshot.sessionId());
        String folder = folder(snapshot.key());
        String objectKey = folder + S3Bucket.check(Long.toString(nanos(snapshot.takenAt()))) + "." + snapshot.sessionId()
                + "." + snapshot.pageNumber() + "." + snapshot.viewportWidth() + "." + snapshot.viewportHeight()
                + (snapshot.pinned() ? ".p" : ".a") + SUFFIX;
        Map<String, String> metadata = pageSegment(snapshot.key().pageKey()).startsWith(HASHED)
                ? Map.of(PAGE_KEY_METADATA, URLEncoder.encode(snapshot.key().pageKey(), StandardCharsets.UTF_8)) : Map.of();
        bucket.put(objectKey, gzippedJsonArray, metadata);
        List<String> replaced = bucket.objectsUnder(folder, SUFFIX).stream().map(S3Object::key)
                .filter(key -> !key.equals(objectKey)).toList();
        bucket.delete(replaced);
    }

    @Override
    public Optional<PageSnapshot> find(SnapshotKey key) {
        return stored(key).map(Stored::snapshot);
    }

    @Override
    public InputStream open(SnapshotKey key) {
        Stored stored = stored(key).orElseThrow(() -> new SnapshotNotFoundException(key));
        try {
            return bucket.open(stored.objectKey());
        } catch (NoSuchKeyException e) {
            throw new SnapshotNotFoundException(key);
        }
    }

    @Override
    public List<PageSnapshot> list(String projectId) {
        return all(projectId).stream().map(Stored::snapshot)
                .sorted(Comparator.comparing((PageSnapshot s) -> s.key().pageKey()).thenComparing(s -> s.key().device()))
                .toList();
    }

    @Override
    public long deleteTakenBefore(String projectId, Instant cutoff) {
        List<String> doomed = all(projectId).stream().filter(s -> s.snapshot().takenAt().isBefore(cutoff))
                .map(Stored::objectKey).toList();
        bucket.delete(doomed);
        return doomed.size();
    }

    @Override
    public void deleteSessions(String projectId, Collection<String> sessionIds) {
        Set<String> sessions = Set.copyOf(sessionIds);
        bucket.delete(all(projectId).stream().filter(s -> sessions.contains(s.snapshot().sessionId()))
                .map(Stored::objectKey).toList());
    }

    @Override
    public void close() {
        bucket.close();
    }

    private Optional<Stored> stored(SnapshotKey key) {
        String folder = folder(key);
        return bucket.objectsUnder(folder, SUFFIX).stream()
                .map(o -> parse(o.key(), key.projectId(), key.pageKey()))
                .flatMap(Optional::stream)
                .max(Comparator.comparing((Stored s) -> s.snapshot().takenAt()).thenComparing(Stored::objectKey));
    }

    /** The newest object of each page and device of the project. */
    private List<Stored> all(String projectId) {
        String projectPrefix = projectPrefix(projectId);
        Map<String, Stored> newest = new LinkedHashMap<>();
        Map<String, String> hashedPageKeys = new LinkedHashMap<>();
        for (S3Object object : bucket.objectsUnder(projectPrefix, SUFFIX)) {
            String[] parts = object.key().substring(projectPrefix.length()).split("/");
            if (parts.length != 3) {
                continue;
            }
            String pageKey = parts[0].startsWith(HASHED)
                    ? hashedPageKeys.computeIfAbsent(parts[0], h -> pageKeyOf(object.key())) : decode(parts[0]);
            if (pageKey == null) {
                continue;
            }
            parse(object.key(), projectId, pageKey).ifPresent(stored -> newest.merge(parts[0] + "/" + parts[1], stored,
                    (a, b) -> a.snapshot().takenAt().isAfter(b.snapshot().takenAt()) ? a : b));
        }
        return new ArrayList<>(newest.values());
    }

    private String pageKeyOf(String objectKey) {
        return bucket.metadata(objectKey).map(m -> m.get(PAGE_KEY_METADATA))
                .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8)).orElse(null);
    }

    /** The snapshot an object's key describes; empty for a key this store did not write. */
    private static Optional<Stored> parse(String objectKey, String projectId, String pageKey) {
        String[] path = objectKey.split("/");
        if (path.length < 2 || !objectKey.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        String name = path[path.length - 1];
        String[] fields = name.substring(0, name.length() - SUFFIX.length()).split("\\.");
        try {
            DeviceClass device = DeviceClass.valueOf(path[path.length - 2]);
            long nanos = Long.parseLong(fields[0]);
            Instant takenAt = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
            return Optional.of(new Stored(objectKey, new PageSnapshot(new SnapshotKey(projectId, pageKey, device), fields[1],
                    Integer.parseInt(fields[2]), takenAt, Integer.parseInt(fields[3]), Integer.parseInt(fields[4]),
                    fields[5].equals("p"))));
        } catch (RuntimeException notOurs) {
            return Optional.empty();
        }
    }

    private String projectPrefix(String projectId) {
        return prefix + "snapshots/" + S3Bucket.check(projectId) + "/";
    }

    private String folder(SnapshotKey key) {
        return projectPrefix(key.projectId()) + pageSegment(key.pageKey()) + "/" + key.device().name() + "/";
    }

    private static String pageSegment(String pageKey) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(pageKey.getBytes(StandardCharsets.UTF_8));
        return encoded.length() <= MAX_ENCODED_PAGE_KEY ? "b" + encoded : HASHED + sha256(pageKey);
    }

    private static String decode(String segment) {
        try {
            return segment.startsWith("b") ? new String(Base64.getUrlDecoder().decode(segment.substring(1)), StandardCharsets.UTF_8) : null;
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
