package dev.sightline.store.s3;

import dev.sightline.contract.store.ChunkKey;
import dev.sightline.contract.store.ChunkNotFoundException;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.store.StoredChunk;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The cluster profile's {@link RecordingStore}: one object per chunk at
 * {@code <prefix><project>/<yyyy>/<mm>/<dd>/<session>/<page>/<sequence>.json.gz}, the same layout as
 * on disk. A put is durable when S3 acknowledges it. Retention deletes expired day prefixes but the
 * kept sessions' objects; erasure deletes a session's prefix.
 */
public final class S3RecordingStore implements RecordingStore {
    private static final String SUFFIX = ".json.gz";
    private static final Pattern CHUNK = Pattern.compile(".*/(\\d+)/(\\d+)\\.json\\.gz$");

    private final S3Bucket bucket;
    private final String prefix;

    public S3RecordingStore(S3Settings settings) {
        this(S3Bucket.open(settings), settings.prefix());
    }

    S3RecordingStore(S3Bucket bucket, String prefix) {
        this.bucket = Objects.requireNonNull(bucket, "bucket is null");
        this.prefix = Objects.requireNonNull(prefix, "prefix is null");
    }

    private String objectKey(ChunkKey key) {
        S3Bucket.check(key.projectId());
        S3Bucket.check(key.sessionId());
        return prefix + key.path() + SUFFIX;
    }

    private String sessionPrefix(String projectId, LocalDate day, String sessionId) {
        return prefix + new ChunkKey(S3Bucket.check(projectId), day, S3Bucket.check(sessionId), 0, 0).path().replaceAll("/0/0$", "/");
    }

    @Override
    public void put(ChunkKey key, byte[] gzippedJsonArray) {
        bucket.put(objectKey(key), gzippedJsonArray, Map.of());
    }

    @Override
    public List<StoredChunk> list(String projectId, String sessionId, Collection<LocalDate> days) {
        List<StoredChunk> chunks = new ArrayList<>();
        for (LocalDate day : new TreeSet<>(days)) {
            for (S3Object object : bucket.objectsUnder(sessionPrefix(projectId, day, sessionId), SUFFIX)) {
                Matcher matcher = CHUNK.matcher(object.key());
                if (matcher.matches()) {
                    chunks.add(new StoredChunk(new ChunkKey(projectId, day, sessionId, Integer.parseInt(matcher.group(1)),
                            Integer.parseInt(matcher.group(2))), object.size()));
                }
            }
        }
        chunks.sort(Comparator.comparingInt((StoredChunk c) -> c.key().pageNumber())
                .thenComparingInt(c -> c.key().sequence()).thenComparing(c -> c.key().day()));
        return chunks;
    }

    @Override
    public InputStream open(ChunkKey key) {
        try {
            return bucket.open(objectKey(key));
        } catch (NoSuchKeyException e) {
            throw new ChunkNotFoundException(key);
        }
    }

    @Override
    public void deleteSessions(String projectId, Collection<String> sessionIds, Collection<LocalDate> days) {
        List<String> keys = new ArrayList<>();
        for (String sessionId : sessionIds) {
            for (LocalDate day : new TreeSet<>(days)) {
                bucket.objectsUnder(sessionPrefix(projectId, day, sessionId), SUFFIX).forEach(o -> keys.add(o.key()));
            }
        }
        bucket.delete(keys);
    }

    @Override
    public long deleteDaysBefore(String projectId, LocalDate cutoff) {
        return deleteDaysBefore(projectId, cutoff, Set.of());
    }

    @Override
    public long deleteDaysBefore(String projectId, LocalDate cutoff, Set<String> keptSessionIds) {
        Objects.requireNonNull(cutoff, "cutoff is null");
        Set<String> kept = Set.copyOf(Objects.requireNonNull(keptSessionIds, "keptSessionIds is null"));
        List<String> keys = new ArrayList<>();
        String projectPrefix = prefix + S3Bucket.check(projectId) + "/";
        for (String year : bucket.childPrefixes(projectPrefix)) {
            for (String month : bucket.childPrefixes(year)) {
                for (String day : bucket.childPrefixes(month)) {
                    String[] parts = day.substring(projectPrefix.length()).split("/");
                    LocalDate date = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                    if (date.isBefore(cutoff)) {
                        bucket.objectsUnder(day, SUFFIX).stream()
                                .filter(o -> !kept.contains(sessionOf(o.key(), day)))
                                .forEach(o -> keys.add(o.key()));
                    }
                }
            }
        }
        bucket.delete(keys);
        return keys.size();
    }

    private static String sessionOf(String objectKey, String dayPrefix) {
        String rest = objectKey.substring(dayPrefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @Override
    public void close() {
        bucket.close();
    }
}
