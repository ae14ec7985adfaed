package dev.sightline.store.clickhouse;

import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.PrivacyStoreContract;
import java.nio.file.Path;

/** The privacy contract, unchanged, against a real clickhouse-server. */
class ClickHousePrivacyStoreTest extends PrivacyStoreContract {

    @Override
    protected EventStore openStore(Path dataDir) {
        return new ClickHouseEventStore(ClickHouseServer.shared().settings(getClass(), dataDir));
    }
}
