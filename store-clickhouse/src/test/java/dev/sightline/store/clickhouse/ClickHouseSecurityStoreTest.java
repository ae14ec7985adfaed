package dev.sightline.store.clickhouse;

import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.SecurityStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The security store contract, unchanged, against a real clickhouse-server. */
class ClickHouseSecurityStoreTest extends SecurityStoreContract {

    private ClickHouseSettings settings;

    @Override
    protected MetadataStore openStore(Path dataDir) {
        settings = ClickHouseServer.shared().settings(getClass(), dataDir);
        return new ClickHouseMetadataStore(settings);
    }

    @AfterEach
    void dropTheDatabase() {
        ClickHouseServer.shared().drop(settings);
    }
}
