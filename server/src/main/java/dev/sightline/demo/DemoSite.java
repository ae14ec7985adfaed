package dev.sightline.demo;

import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.Project;
import dev.sightline.web.StaticMount;
import java.time.Clock;
import java.util.List;

/**
 * The demo: a small site served under {@code /demo/} with the tracker installed, recording into the
 * "Demo site" project, so a newcomer sees their own visit replayed a minute after starting.
 */
public final class DemoSite {
    public static final String PROJECT_ID = "demo";
    public static final String SITE_KEY = "demo-site-key";
    public static final StaticMount FILES = new StaticMount("/demo", "/sightline/demo", "no-cache");

    private DemoSite() {
    }

    /** Creates the demo project unless it exists (its settings are left alone if someone changed them). */
    public static void ensureProject(MetadataStore metadata, Clock clock) {
        if (metadata.project(PROJECT_ID).isEmpty()) {
            metadata.saveProject(new Project(PROJECT_ID, "Demo site", SITE_KEY, List.of(), MaskingMode.BALANCED,
                    false, false, Project.DEFAULT_RECORDING_RETENTION_DAYS, Project.DEFAULT_ANALYTICS_RETENTION_DAYS,
                    clock.instant()));
        }
    }
}
