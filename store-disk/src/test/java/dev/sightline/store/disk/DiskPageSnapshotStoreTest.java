package dev.sightline.store.disk;

import dev.sightline.contract.heatmap.PageSnapshotStore;
import dev.sightline.contract.heatmap.PageSnapshotStoreContract;
import java.nio.file.Path;

class DiskPageSnapshotStoreTest extends PageSnapshotStoreContract {

    @Override
    protected PageSnapshotStore openStore(Path dataDir) {
        return new DiskPageSnapshotStore(dataDir);
    }
}
