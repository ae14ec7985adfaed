package dev.sightline.store.duckdb;

import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.dashboard.DashboardStoreContract;
import java.nio.file.Path;

class DuckDbDashboardStoreTest extends DashboardStoreContract {

    private DuckDbMetadataStore metadata;

    @Override
    protected DashboardStore openStore(Path dataDir) {
        metadata = new DuckDbMetadataStore(dataDir);
        return metadata.dashboards();
    }

    @Override
    protected void closeStore() {
        metadata.close();
    }
}
