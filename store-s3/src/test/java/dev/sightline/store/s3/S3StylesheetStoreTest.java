package dev.sightline.store.s3;

import dev.sightline.contract.stylesheets.StylesheetStore;
import dev.sightline.contract.stylesheets.StylesheetStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The stylesheet store contract, unchanged, against a real S3 API server. */
class S3StylesheetStoreTest extends StylesheetStoreContract {
    private static S3Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(Files.createTempDirectory("sightline-s3-stylesheets"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** Each test's data directory names its own bucket, so reopening sees the same objects. */
    @Override
    protected StylesheetStore openStore(Path dataDir) {
        String bucket = "c" + Integer.toHexString(dataDir.toAbsolutePath().toString().hashCode());
        return new S3StylesheetStore(server.settings(bucket));
    }
}
