package dev.sightline.store.duckdb;

import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.EventStoreContract;
import java.nio.file.Path;

class DuckDbEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore openStore(Path dataDir) {
        return new DuckDbEventStore(dataDir);
    }
}
