package dev.sightline.store.clickhouse;

import dev.sightline.contract.store.StoreException;
import java.util.concurrent.TimeUnit;

/**
 * Makes deletions physical. A finished mutation has written new parts without the deleted rows; the
 * parts it replaced stay on disk, inactive, until ClickHouse's cleanup removes them (after
 * {@link ClickHouseSchema#PART_SETTINGS}'s lifetime, on its next round, a few seconds). The purge waits
 * until the database has no inactive part left.
 */
final class PartPurge {

    private static final long WAIT_MS = TimeUnit.MINUTES.toMillis(5);

    private PartPurge() {
    }

    static void run(ClickHouseDatabase database) {
        database.awaitMutations();
        String inactive = "SELECT count() AS parts FROM system.parts WHERE database = " + Sql.quote(database.name())
                + " AND active = 0";
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (database.query(inactive).get(0).get("parts").asLong() > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new StoreException("ClickHouse kept replaced parts of " + database.name() + " for more than "
                        + WAIT_MS + " ms", null);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while purging " + database.name(), e);
            }
        }
    }
}
