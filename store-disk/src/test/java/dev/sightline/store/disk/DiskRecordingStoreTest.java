package dev.sightline.store.disk;

import dev.sightline.contract.store.RecordingStore;
import dev.sightline.contract.store.RecordingStoreContract;
import java.nio.file.Path;

class DiskRecordingStoreTest extends RecordingStoreContract {

    @Override
    protected RecordingStore openStore(Path dataDir) {
        return new DiskRecordingStore(dataDir);
    }
}
