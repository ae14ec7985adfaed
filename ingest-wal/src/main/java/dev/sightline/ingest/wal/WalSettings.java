package dev.sightline.ingest.wal;

/**
 * Tuning of the write-ahead log.
 *
 * @param segmentBytes a segment is closed and a new one started once it grows past this
 * @param maxPendingBytes appends waiting for the disk beyond this are refused (backpressure)
 * @param maxUnhandledBytes durable records not yet handled beyond this are refused too, so a slow
 *                          processor makes collect answer 503 instead of filling the disk
 * @param maxGroupRecords at most this many records go to the handler at once
 */
public record WalSettings(long segmentBytes, long maxPendingBytes, long maxUnhandledBytes, int maxGroupRecords) {
    public static final WalSettings DEFAULTS = new WalSettings(64L << 20, 64L << 20, 2L << 30, 500);

    public WalSettings {
        if (segmentBytes < 1024 || maxPendingBytes < 1024 || maxUnhandledBytes < maxPendingBytes || maxGroupRecords < 1) {
            throw new IllegalArgumentException("unreasonable write-ahead log settings");
        }
    }
}
