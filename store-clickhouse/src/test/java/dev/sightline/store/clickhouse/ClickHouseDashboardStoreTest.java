package dev.sightline.store.clickhouse;

import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.dashboard.DashboardStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The dashboard store contract, unchanged, against a real clickhouse-server. */
class ClickHouseDashboardStoreTest extends DashboardStoreContract {

    private ClickHouseSettings settings;
    private ClickHouseDatabase database;

    @Override
    protected DashboardStore openStore(Path dataDir) {
        settings = ClickHouseServer.shared().settings(getClass(), dataDir);
        database = ClickHouseDatabase.open(settings);
        return new ClickHouseDashboardStore(database);
    }

    @Override
    protected void closeStore() {
        database.close();
    }

    @AfterEach
    void dropTheDatabase() {
        ClickHouseServer.shared().drop(settings);
    }
}
