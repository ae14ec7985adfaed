package dev.sightline.ingest;

/**
 * The uploads this node accepted recently, to answer a re-sent one with 409 at once. Keys are kept as
 * 64-bit hashes in two generations of open-addressing tables: when the young one fills up, the old
 * one is dropped. Memory stays fixed; a re-send older than both generations is still caught by the
 * stores, which write every batch key at most once.
 */
public final class RecentBatchKeys {
    private final int generationSize;
    private long[] young;
    private long[] old;
    private int youngCount;

    public RecentBatchKeys(int generationSize) {
        if (generationSize < 16) {
            throw new IllegalArgumentException("generationSize too small: " + generationSize);
        }
        this.generationSize = generationSize;
        this.young = new long[tableSize(generationSize)];
        this.old = new long[tableSize(generationSize)];
    }

    private static int tableSize(int entries) {
        return Integer.highestOneBit(entries * 2 - 1) << 1;
    }

    /** Records the key; false when it was already there. */
    public synchronized boolean add(String projectId, String sessionId, int page, int sequence) {
        long hash = hash(projectId, sessionId, page, sequence);
        if (contains(old, hash) || contains(young, hash)) {
            return false;
        }
        if (youngCount >= generationSize) {
            old = young;
            young = new long[old.length];
            youngCount = 0;
        }
        insert(young, hash);
        youngCount++;
        return true;
    }

    /** Forgets a key whose upload could not be accepted after all, so its retry is not refused. */
    public synchronized void remove(String projectId, String sessionId, int page, int sequence) {
        long hash = hash(projectId, sessionId, page, sequence);
        removeFrom(young, hash);
        removeFrom(old, hash);
    }

    private static long hash(String projectId, String sessionId, int page, int sequence) {
        long h = 0xcbf29ce484222325L;
        for (String part : new String[] {projectId, sessionId}) {
            for (int i = 0; i < part.length(); i++) {
                h = (h ^ part.charAt(i)) * 0x100000001b3L;
            }
            h = (h ^ 0xff) * 0x100000001b3L;
        }
        h = (h ^ page) * 0x100000001b3L;
        h = (h ^ sequence) * 0x100000001b3L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    private static boolean contains(long[] table, long hash) {
        int mask = table.length - 1;
        for (int i = (int) hash & mask; table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == hash) {
                return true;
            }
        }
        return false;
    }

    private static void insert(long[] table, long hash) {
        int mask = table.length - 1;
        int i = (int) hash & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = hash;
    }

    private static void removeFrom(long[] table, long hash) {
        int mask = table.length - 1;
        int i = (int) hash & mask;
        while (table[i] != 0 && table[i] != hash) {
            i = (i + 1) & mask;
        }
        if (table[i] == 0) {
            return;
        }
        table[i] = 0;
        // Re-insert the rest of the cluster so later lookups do not stop at the hole.
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            long moved = table[j];
            table[j] = 0;
            insert(table, moved);
        }
    }
}
