package dev.sightline.app;

import java.util.Locale;

/**
 * What one Sightline process does ({@code --role}). The embedded default does everything in one
 * process; a cluster runs each role as many times as its load needs, all on the shared engines:
 * collect nodes behind the load balancer for {@code /collect} and {@code /sightline.js}, web nodes
 * for everything else, processors as many as the ingest topic has partitions.
 */
public enum NodeRole {
    /** Collect, process and serve the dashboard: the one process of an embedded installation. */
    ALL,
    /** Take uploads ({@code /collect}) and serve the tracker; hand uploads to the ingest log. */
    COLLECT,
    /** Consume the ingest log into the stores; detect insights; apply retention. */
    PROCESS,
    /** The dashboard and its API. */
    WEB;

    static NodeRole parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--role is all, collect, process or web, not '" + value + "'");
        }
    }

    boolean collects() {
        return this == ALL || this == COLLECT;
    }

    boolean processes() {
        return this == ALL || this == PROCESS;
    }

    boolean servesDashboard() {
        return this == ALL || this == WEB;
    }
}
