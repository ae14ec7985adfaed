package dev.sightline.projects;

import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Projects by site key for the collect path, which asks on every upload. Answers are cached for a few
 * seconds, so settings changed in the dashboard reach collect nodes quickly without a query per upload.
 */
public final class ProjectDirectory {
    private static final long TTL_NANOS = 5_000_000_000L;

    private record Cached(Optional<Project> project, long loadedAt) {
    }

    private final MetadataStore metadata;
    private final Map<String, Cached> bySiteKey = new ConcurrentHashMap<>();

    public ProjectDirectory(MetadataStore metadata) {
        this.metadata = Objects.requireNonNull(metadata, "metadata is null");
    }

    public Optional<Project> bySiteKey(String siteKey) {
        long now = System.nanoTime();
        Cached cached = bySiteKey.get(siteKey);
        if (cached == null || now - cached.loadedAt() > TTL_NANOS) {
            if (bySiteKey.size() > 10_000) {
                bySiteKey.clear();
            }
            cached = new Cached(metadata.projectBySiteKey(siteKey), now);
            bySiteKey.put(siteKey, cached);
        }
        return cached.project();
    }

    /** Drops cached answers, e.g. after a project's settings changed on this node. */
    public void invalidate() {
        bySiteKey.clear();
    }
}
