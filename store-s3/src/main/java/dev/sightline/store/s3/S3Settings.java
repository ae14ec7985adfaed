package dev.sightline.store.s3;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where recordings live in object storage.
 *
 * @param endpoint a custom endpoint for S3-compatible servers (MinIO, Ceph, s3proxy); empty for AWS
 * @param region the bucket's region (any value for most S3-compatible servers)
 * @param bucket created at start-up when missing
 * @param prefix prepended to every key, e.g. {@code recordings/}; may be empty
 * @param pathStyle address the bucket as {@code endpoint/bucket/key} (most self-hosted servers need this)
 * @param accessKey with {@code secretKey}: static credentials; when empty the usual AWS chain is used
 *                  (environment, system properties, profile files, instance/container roles)
 */
public record S3Settings(Optional<URI> endpoint, String region, String bucket, String prefix, boolean pathStyle,
                         Optional<String> accessKey, Optional<String> secretKey) {
    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint is null");
        Objects.requireNonNull(region, "region is null");
        Objects.requireNonNull(bucket, "bucket is null");
        Objects.requireNonNull(prefix, "prefix is null");
        Objects.requireNonNull(accessKey, "accessKey is null");
        Objects.requireNonNull(secretKey, "secretKey is null");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
    }
}
