package dev.sightline.store.s3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.store.RecordingStoreContract;
import dev.sightline.contract.store.StoreException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recording store contract, unchanged, against a real S3 API server. */
class S3RecordingStoreTest extends RecordingStoreContract {
    private static S3Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(Files.createTempDirectory("sightline-s3"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** Each test's data directory names its own bucket, so reopening sees the same objects. */
    @Override
    protected RecordingStore openStore(Path dataDir) {
        String bucket = "t" + Integer.toHexString(dataDir.toAbsolutePath().toString().hashCode());
        return new S3RecordingStore(server.settings(bucket));
    }

    @Test
    void anUnreachableEndpointIsAClearStartupError() {
        S3Settings nowhere = new S3Settings(Optional.of(URI.create("http://127.0.0.1:1")), "us-east-1", "b", "", true,
                Optional.of("k"), Optional.of("s"));
        assertThatThrownBy(() -> new S3RecordingStore(nowhere)).isInstanceOf(StoreException.class)
                .hasMessageContaining("unreachable");
    }
}
