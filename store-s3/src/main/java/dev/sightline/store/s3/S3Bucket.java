package dev.sightline.store.s3;

import dev.sightline.contract.store.StoreException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One bucket of an S3-compatible server, as the stores of this module use it: created when missing,
 * objects listed under a prefix, deleted a thousand a request (one by one on servers without
 * multi-object delete). Every failure becomes a {@link StoreException} naming what was attempted.
 */
final class S3Bucket implements AutoCloseable {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    private final S3Client s3;
    private final String name;
    private volatile boolean multiDelete = true;

    S3Bucket(S3Client s3, String name) {
        this.s3 = Objects.requireNonNull(s3, "s3 is null");
        this.name = Objects.requireNonNull(name, "name is null");
        ensureExists();
    }

    static S3Bucket open(S3Settings settings) {
        return new S3Bucket(client(settings), settings.bucket());
    }

    static S3Client client(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                // Checksums only where S3 requires them: many S3-compatible servers reject the SDK's
                // newer streaming checksum trailers, and objects here are small single-part uploads.
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

    /** An id that becomes one segment of a key; anything that could change the layout is refused. */
    static String check(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("ids are made of [A-Za-z0-9_-]: " + id);
        }
        return id;
    }

    private void ensureExists() {
        try {
            s3.headBucket(b -> b.bucket(name));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(name));
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
                s3.createBucket(b -> b.bucket(name));
                return;
            }
            throw new StoreException("object storage bucket " + name + " is unreachable: " + e.getMessage(), e);
        }
    }

    void put(String key, byte[] gzippedJson, Map<String, String> metadata) {
        try {
            s3.putObject(p -> p.bucket(name).key(key).contentType("application/json").contentEncoding("gzip")
                    .metadata(metadata), RequestBody.fromBytes(gzippedJson));
        } catch (SdkException e) {
            throw new StoreException("cannot store " + key, e);
        }
    }

    /** Stores an object that is not gzip'd JSON, with its own content type. */
    void putPlain(String key, byte[] bytes, String contentType) {
        try {
            s3.putObject(p -> p.bucket(name).key(key).contentType(contentType), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new StoreException("cannot store " + key, e);
        }
    }

    /** The object's bytes; throws {@link NoSuchKeyException} when there is none. */
    InputStream open(String key) {
        try {
            return s3.getObject(g -> g.bucket(name).key(key));
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (SdkException e) {
            throw new StoreException("cannot read " + key, e);
        }
    }

    /** The object's own metadata, empty when there is no such object. */
    Optional<Map<String, String>> metadata(String key) {
        try {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(name).key(key));
            return Optional.of(head.metadata());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StoreException("cannot read " + key, e);
        }
    }

    /** The objects under a prefix whose keys end with the suffix (some servers also list folder markers). */
    List<S3Object> objectsUnder(String keyPrefix, String suffix) {
        List<S3Object> objects = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(name).prefix(keyPrefix).build())) {
                page.contents().stream().filter(o -> o.key().endsWith(suffix)).forEach(objects::add);
            }
        } catch (SdkException e) {
            throw new StoreException("cannot list " + keyPrefix, e);
        }
        return objects;
    }

    /** The "folders" right under a prefix. */
    List<String> childPrefixes(String keyPrefix) {
        List<String> children = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                    .bucket(name).prefix(keyPrefix).delimiter("/").build())) {
                page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(children::add);
            }
        } catch (SdkException e) {
            throw new StoreException("cannot list " + keyPrefix, e);
        }
        return children;
    }

    /** Multi-object deletes, a thousand keys a request; one by one on servers that lack them. */
    void delete(List<String> keys) {
        for (int from = 0; from < keys.size(); from += 1000) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + 1000));
            try {
                if (multiDelete) {
                    List<ObjectIdentifier> ids = batch.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
                    s3.deleteObjects(d -> d.bucket(name).delete(Delete.builder().objects(ids).quiet(true).build()));
                    continue;
                }
            } catch (S3Exception e) {
                if (e.statusCode() != 501) {
                    throw new StoreException("cannot delete objects of bucket " + name, e);
                }
                multiDelete = false;
            } catch (SdkException e) {
                throw new StoreException("cannot delete objects of bucket " + name, e);
            }
            for (String key : batch) {
                try {
                    s3.deleteObject(d -> d.bucket(name).key(key));
                } catch (SdkException e) {
                    throw new StoreException("cannot delete " + key, e);
                }
            }
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
