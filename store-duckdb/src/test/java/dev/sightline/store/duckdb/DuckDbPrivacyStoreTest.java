package dev.sightline.store.duckdb;

import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.PrivacyStoreContract;
import java.nio.file.Path;

class DuckDbPrivacyStoreTest extends PrivacyStoreContract {

    @Override
    protected EventStore openStore(Path dataDir) {
        return new DuckDbEventStore(dataDir);
    }
}
