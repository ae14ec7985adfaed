package dev.sightline.store.clickhouse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A metadata table whose rows are replaced and deleted by appending: {@code ReplacingMergeTree(version)}
 * sorted by the entity's key, with a {@code deleted} flag. A save appends the whole row under a version
 * higher than every version in the table; a deletion appends the key alone, flagged. Reads keep each
 * key's highest version and drop it when it is a deletion ({@link #latest}), whether or not ClickHouse
 * has merged the older rows away yet — never {@code FINAL} with a condition on a column outside the key.
 *
 * <p>Versions follow the writing node's clock in microseconds and are always above the table's highest
 * version, so a later write wins even from a node whose clock is behind. Callers serialise their writes.
 */
record MetadataTable(String name, List<String> keys) {

    MetadataTable {
        keys = List.copyOf(keys);
    }

    String create(String columns) {
        return "CREATE TABLE IF NOT EXISTS " + name + " (\n" + columns.indent(4).stripTrailing() + ",\n    version UInt64,\n"
                + "    deleted UInt8)\nENGINE = ReplacingMergeTree(version)\nORDER BY (" + String.join(", ", keys)
                + ")\n" + ClickHouseSchema.PART_SETTINGS;
    }

    /** The live rows of the table that satisfy the condition (on any column). */
    String latest(String columns, String condition) {
        return latest(columns, "1", condition);
    }

    /**
     * The live rows that satisfy both conditions; {@code keyCondition} may name key columns only (it narrows
     * the versions read), {@code condition} any column.
     */
    String latest(String columns, String keyCondition, String condition) {
        String keyList = String.join(", ", keys);
        return "SELECT " + columns + " FROM " + name + " WHERE (" + keyList + ", version) IN (SELECT " + keyList
                + ", max(version) FROM " + name + " WHERE " + keyCondition + " GROUP BY " + keyList + ")"
                + " AND deleted = 0 AND (" + keyCondition + ") AND (" + condition + ")";
    }

    /** What ends a {@link #latest} statement after its ORDER BY, if any: one row per key, even if a row was sent twice. */
    String onePerKey() {
        return " LIMIT 1 BY " + String.join(", ", keys);
    }

    /** Appends whole rows (without version and deleted), replacing the rows with their keys. */
    void put(ClickHouseDatabase database, Versions versions, List<ObjectNode> rows) {
        append(database, versions, rows, false, 0);
    }

    /** As {@link #put(ClickHouseDatabase, Versions, List)}, under a version above {@code above} too. */
    void putAbove(ClickHouseDatabase database, Versions versions, List<ObjectNode> rows, long above) {
        append(database, versions, rows, false, above);
    }

    /**
     * Deletes the live rows that satisfy both conditions (as in {@link #latest(String, String, String)}) by
     * appending a deletion of each key; answers how many there were. Unknown keys leave no row behind.
     */
    int delete(ClickHouseDatabase database, Versions versions, String keyCondition, String condition) {
        List<ObjectNode> found = database.query(latest(String.join(", ", keys), keyCondition, condition) + onePerKey())
                .stream().map(ObjectNode.class::cast).toList();
        append(database, versions, found, true, 0);
        return found.size();
    }

    /**
     * Removes every row of the keys whose latest row is a deletion (with a mutation, waited for), so that
     * deleted entities leave the disk instead of staying as flagged rows. A key saved again meanwhile keeps
     * its new row: the mutation covers only the parts that existed when it started.
     */
    void clearDeleted(ClickHouseDatabase database) {
        String keyList = String.join(", ", keys);
        String deletedKeys = "SELECT " + keyList + " FROM " + name + " GROUP BY " + keyList
                + " HAVING argMax(deleted, version) = 1";
        if (database.query("SELECT count() AS keys FROM (" + deletedKeys + ")").get(0).get("keys").asLong() > 0) {
            database.execute("ALTER TABLE " + name + " DELETE WHERE (" + keyList + ") IN (" + deletedKeys + ")");
            database.awaitMutations(name);
        }
    }

    private void append(ClickHouseDatabase database, Versions versions, List<ObjectNode> rows, boolean deleted,
                        long above) {
        if (rows.isEmpty()) {
            return;
        }
        long version = Math.max(nextVersion(database, versions), above + 1);
        for (ObjectNode row : rows) {
            row.put("version", version).put("deleted", deleted ? 1 : 0);
        }
        database.insert(name, rows);
    }

    private long nextVersion(ClickHouseDatabase database, Versions versions) {
        long highest = database.query("SELECT max(version) AS highest FROM " + name).get(0).get("highest").asLong();
        return Math.max(versions.next(), highest + 1);
    }
}
