package dev.sightline.store.duckdb;

import dev.sightline.contract.dashboard.DashboardQueriesContract;
import dev.sightline.contract.store.EventStore;
import java.nio.file.Path;

class DuckDbDashboardQueriesTest extends DashboardQueriesContract {

    @Override
    protected EventStore openStore(Path dataDir) {
        return new DuckDbEventStore(dataDir);
    }
}
