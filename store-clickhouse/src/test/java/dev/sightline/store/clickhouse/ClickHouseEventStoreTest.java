package dev.sightline.store.clickhouse;

import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.EventStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The event store contract, unchanged, against a real clickhouse-server. */
class ClickHouseEventStoreTest extends EventStoreContract {

    private ClickHouseSettings settings;

    @Override
    protected EventStore openStore(Path dataDir) {
        settings = ClickHouseServer.shared().settings(getClass(), dataDir);
        return new ClickHouseEventStore(settings);
    }

    @AfterEach
    void dropTheDatabase() {
        ClickHouseServer.shared().drop(settings);
    }
}
