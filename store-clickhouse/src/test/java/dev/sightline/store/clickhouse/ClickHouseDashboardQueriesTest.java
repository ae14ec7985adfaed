package dev.sightline.store.clickhouse;

import dev.sightline.contract.dashboard.DashboardQueriesContract;
import dev.sightline.contract.store.EventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The dashboard contract, unchanged, against a real clickhouse-server. */
class ClickHouseDashboardQueriesTest extends DashboardQueriesContract {

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
