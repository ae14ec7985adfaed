package dev.sightline.bench.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the measured scripts are: Sightline's tracker as this build produced it, and the peers the
 * bench module installs from the npm registry (bench/package.json: clarity-js 0.8.70, @rrweb/record 2.1.6).
 */
public final class Peers {

    private Peers() {
    }

    public static byte[] sightlineBundle() {
        return BenchSite.resource("/sightline/tracker/sightline.js");
    }

    public static Path clarityTracker(Path benchModule) {
        return installed(benchModule.resolve("node_modules/clarity-js/build/clarity.min.js"));
    }

    public static Path rrwebRecorder(Path benchModule) {
        return installed(benchModule.resolve("node_modules/@rrweb/record/dist/record.umd.min.cjs"));
    }

    private static Path installed(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build first (./sightline build runs npm install in bench/)");
        }
        return file;
    }
}
