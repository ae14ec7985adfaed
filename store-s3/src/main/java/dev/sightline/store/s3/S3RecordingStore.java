package dev.sightline.store.s3;

import dev.sightline.contract.store.ChunkKey;
import dev.sightline.contract.store.ChunkNotFoundException;
import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.store.StoreException;
import dev.sightline.contract.store.StoredChunk;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The cluster profile's {@link RecordingStore}: one object per chunk at
 * {@code <prefix><project>/<yyyy>/<mm>/<dd>/<session>/<page>/<sequence>.json.gz}, the same layout as
 * on disk. A put is durable when S3 acknowledges it. Retention deletes whole day prefixes (or leave it
 * to a bucket lifecycle rule on those prefixes); erasure deletes a session's prefix.
 */
public final class S3RecordingStore implements RecordingStore {
    private static final String SUFFIX = ".json.gz";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern CHUNK = Pattern.compile(".*/(\\d+)/(\\d+)\\.json\\.gz$");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private volatile boolean multiDelete = true;

    public S3RecordingStore(S3Settings settings) {
        this(client(settings), settings.bucket(), settings.prefix());
    }

    S3RecordingStore(S3Client s3, String bucket, String prefix) {
        this.s3 = Objects.requireNonNull(s3, "s3 is null");
        this.bucket = Objects.requireNonNull(bucket, "bucket is null");
        this.prefix = Objects.requireNonNull(prefix, "prefix is null");
        ensureBucket();
    }

    static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: many S3-compatible servers reject the SDK's
                // newer streaming checksum trailers, and chunks are small single-part uploads.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        if (settings.accessKey().isPresent() && settings.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }

    private void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
                s3.createBucket(b -> b.bucket(bucket));
                return;
            }
            throw new StoreException("object storage bucket " + bucket + " is unreachable: " + e.getMessage(), e);
        }
    }

    private String objectKey(ChunkKey key) {
        check(key.projectId());
        check(key.sessionId());
        return prefix + key.path() + SUFFIX;
    }

    private String sessionPrefix(String projectId, LocalDate day, String sessionId) {
        return prefix + new ChunkKey(check(projectId), day, check(sessionId), 0, 0).path().replaceAll("/0/0$", "/");
    }

    private static String check(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("ids are made of [A-Za-z0-9_-]: " + id);
        }
        return id;
    }

    @Override
    public void put(ChunkKey key, byte[] gzippedJsonArray) {
        String objectKey = objectKey(key);
        try {
            s3.putObject(p -> p.bucket(bucket).key(objectKey).contentType("application/json").contentEncoding("gzip"),
                    RequestBody.fromBytes(gzippedJsonArray));
        } catch (SdkException e) {
            throw new StoreException("cannot store recording chunk " + objectKey, e);
        }
    }

    @Override
    public List<StoredChunk> list(String projectId, String sessionId, Collection<LocalDate> days) {
        List<StoredChunk> chunks = new ArrayList<>();
        for (LocalDate day : new TreeSet<>(days)) {
            for (S3Object object : objectsUnder(sessionPrefix(projectId, day, sessionId))) {
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
            return s3.getObject(g -> g.bucket(bucket).key(objectKey(key)));
        } catch (NoSuchKeyException e) {
            throw new ChunkNotFoundException(key);
        } catch (SdkException e) {
            throw new StoreException("cannot read recording chunk " + key.path(), e);
        }
    }

    @Override
    public void deleteSessions(String projectId, Collection<String> sessionIds, Collection<LocalDate> days) {
        List<String> keys = new ArrayList<>();
        for (String sessionId : sessionIds) {
            for (LocalDate day : new TreeSet<>(days)) {
                objectsUnder(sessionPrefix(projectId, day, sessionId)).forEach(o -> keys.add(o.key()));
            }
        }
        delete(keys);
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
        String projectPrefix = prefix + check(projectId) + "/";
        for (String year : childPrefixes(projectPrefix)) {
            for (String month : childPrefixes(year)) {
                for (String day : childPrefixes(month)) {
                    String[] parts = day.substring(projectPrefix.length()).split("/");
                    LocalDate date = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                    if (date.isBefore(cutoff)) {
                        objectsUnder(day).stream()
                                .filter(o -> !kept.contains(sessionOf(o.key(), day)))
                                .forEach(o -> keys.add(o.key()));
                    }
                }
            }
        }
        delete(keys);
        return keys.size();
    }

    private static String sessionOf(String objectKey, String dayPrefix) {
        String rest = objectKey.substring(dayPrefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The chunk objects under a prefix (some S3-compatible servers also list folder markers: skipped). */
    private List<S3Object> objectsUnder(String keyPrefix) {
        List<S3Object> objects = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(keyPrefix).build())) {
                page.contents().stream().filter(o -> o.key().endsWith(SUFFIX)).forEach(objects::add);
            }
        } catch (SdkException e) {
            throw new StoreException("cannot list " + keyPrefix, e);
        }
        return objects;
    }

    private List<String> childPrefixes(String keyPrefix) {
        List<String> children = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(keyPrefix).delimiter("/").build())) {
                page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(children::add);
            }
        } catch (SdkException e) {
            throw new StoreException("cannot list " + keyPrefix, e);
        }
        return children;
    }

    /** Multi-object deletes, a thousand keys a request; one by one on servers that lack them. */
    private void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + 1000));
            try {
                if (multiDelete) {
                    List<ObjectIdentifier> ids = batch.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
                    s3.deleteObjects(d -> d.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true).build()));
                    continue;
                }
            } catch (S3Exception e) {
                if (e.statusCode() != 501) {
                    throw new StoreException("cannot delete recording chunks", e);
                }
                multiDelete = false;
            } catch (SdkException e) {
                throw new StoreException("cannot delete recording chunks", e);
            }
            for (String key : batch) {
                try {
                    s3.deleteObject(d -> d.bucket(bucket).key(key));
                } catch (SdkException e) {
                    throw new StoreException("cannot delete recording chunk " + key, e);
                }
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
