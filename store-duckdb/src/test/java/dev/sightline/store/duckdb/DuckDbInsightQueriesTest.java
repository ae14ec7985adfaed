package dev.sightline.store.duckdb;

import dev.sightline.contract.insights.InsightQueriesContract;
import dev.sightline.contract.store.EventStore;
import java.nio.file.Path;

class DuckDbInsightQueriesTest extends InsightQueriesContract {

    @Override
    protected EventStore openStore(Path dataDir) {
        return new DuckDbEventStore(dataDir);
    }
}
