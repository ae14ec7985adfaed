package dev.sightline.store.duckdb;

import dev.sightline.contract.heatmap.HeatmapQueriesContract;
import dev.sightline.contract.store.EventStore;
import java.nio.file.Path;

class DuckDbHeatmapQueriesTest extends HeatmapQueriesContract {

    @Override
    protected EventStore openStore(Path dataDir) {
        return new DuckDbEventStore(dataDir);
    }
}
