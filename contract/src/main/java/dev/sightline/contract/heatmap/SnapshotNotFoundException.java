package dev.sightline.contract.heatmap;

/** Asked for the events of a page snapshot that is not (or no longer) stored. */
public class SnapshotNotFoundException extends RuntimeException {
    public SnapshotNotFoundException(SnapshotKey key) {
        super("no page snapshot of " + key.pageKey() + " on " + key.device() + " in project " + key.projectId());
    }
}
