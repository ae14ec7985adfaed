package dev.sightline.store.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 API server for tests: s3proxy serving a local folder over HTTP on a free port, spoken
 * to with the AWS SDK exactly as to AWS (path-style addressing, custom endpoint, static keys).
 */
public final class S3Server implements AutoCloseable {
    public static final String ACCESS_KEY = "sightline-test";
    public static final String SECRET_KEY = "sightline-test-secret";

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3Server(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static S3Server start(Path folder) throws Exception {
        return start(folder, 0);
    }

    /** On a chosen port: a server started again on the same folder and port is the same server to clients. */
    public static S3Server start(Path folder, int port) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", folder.toString());
        BlobStoreContext context = ContextBuilder.newBuilder("filesystem").overrides(properties)
                .build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .awsAuthentication(org.gaul.s3proxy.AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        return new S3Server(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Settings settings(String bucket) {
        return new S3Settings(Optional.of(endpoint), "us-east-1", bucket, "recordings/", true,
                Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY));
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
