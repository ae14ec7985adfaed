package dev.sightline.store.clickhouse;

import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.EventStoreContract;
import java.nio.file.Path;

/** The event store contract, unchanged, against a real clickhouse-server. */
class ClickHouseEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore openStore(Path dataDir) {
        return new ClickHouseEventStore(ClickHouseServer.shared().settings(getClass(), dataDir));
    }
}
