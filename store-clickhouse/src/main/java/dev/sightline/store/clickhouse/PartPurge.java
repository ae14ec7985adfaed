package dev.sightline.store.clickhouse;

/** Makes deletions physical: see {@link #run}. */
final class PartPurge {

    private PartPurge() {
    }

    static void run(ClickHouseDatabase database) {
        database.awaitMutations();
    }
}
