package dev.sightline.contract.heatmap;

import dev.sightline.contract.store.DeviceClass;
import java.util.Objects;

/** A heatmap background is kept per project, page key and device class: a phone layout is another page. */
public record SnapshotKey(String projectId, String pageKey, DeviceClass device) {
    public SnapshotKey {
        Objects.requireNonNull(projectId, "projectId is null");
        Objects.requireNonNull(pageKey, "pageKey is null");
        Objects.requireNonNull(device, "device is null");
    }
}
