package dev.sightline.app;

import dev.sightline.store.clickhouse.ClickHouseServer;
import dev.sightline.store.clickhouse.ClickHouseSettings;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link DashboardTruthTest}, every test of it, with the events stored in ClickHouse: the same traffic,
 * the same figures, filters and funnel steps, from a real clickhouse-server.
 */
class ClickHouseDashboardTruthTest extends DashboardTruthTest {
    private ClickHouseSettings clickhouse;

    @Override
    SightlineConfig storage() {
        clickhouse = ClickHouseServer.shared().settings(ClickHouseDashboardTruthTest.class, data);
        return super.storage().withBackends(new Backends(Optional.empty(), Optional.empty(), Optional.of(clickhouse)));
    }

    /** Annotated again: JUnit runs an overriding method only when it carries the annotation itself. */
    @AfterAll
    @Override
    void stop() {
        try {
            super.stop();
        } finally {
            ClickHouseServer.shared().drop(clickhouse);
        }
    }
}
