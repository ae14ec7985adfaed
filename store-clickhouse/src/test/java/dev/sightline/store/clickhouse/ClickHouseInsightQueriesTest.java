package dev.sightline.store.clickhouse;

import dev.sightline.contract.insights.InsightQueriesContract;
import dev.sightline.contract.store.EventStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** The insights contract, unchanged, against a real clickhouse-server. */
class ClickHouseInsightQueriesTest extends InsightQueriesContract {

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
