package dev.sightline.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.heatmap.PageSnapshotStoreContract;
import dev.sightline.contract.store.DeviceClass;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page snapshot store contract, unchanged, against a real S3 API server. */
class S3PageSnapshotStoreTest extends PageSnapshotStoreContract {
    private static S3Server server;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start(Files.createTempDirectory("sightline-s3-snapshots"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** Each test's data directory names its own bucket, so reopening sees the same objects. */
    @Override
    protected PageSnapshotStore openStore(Path dataDir) {
        String bucket = "s" + Integer.toHexString(dataDir.toAbsolutePath().toString().hashCode());
        return new S3PageSnapshotStore(server.settings(bucket));
    }

    @Test
    void aPageKeyTooLongForAnObjectKeyIsStillFoundAndListed() {
        String longPage = "shop.example/" + "very-long-segment/".repeat(60);
        PageSnapshot snapshot = snapshot(PROJECT, longPage, DeviceClass.MOBILE, "s-long", TAKEN);
        try (PageSnapshotStore store = openStore(dataDir.resolve("long"))) {
            store.put(snapshot, gzip("[3]"));

            assertThat(store.find(snapshot.key())).contains(snapshot);
            assertThat(store.list(PROJECT)).containsExactly(snapshot);
        }
    }
}
