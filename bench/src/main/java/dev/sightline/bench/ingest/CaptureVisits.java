package dev.sightline.bench.ingest;

import dev.sightline.bench.BenchContext;
import dev.sightline.bench.browser.BenchChromium;
import dev.sightline.bench.browser.BenchSite;
import dev.sightline.bench.browser.Recorder;
import dev.sightline.bench.browser.ScriptedVisit;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * {@code ./sightline bench capture}: records the scripted demo visit with the real tracker in headless
 * Chromium and keeps every upload it sent (decompressed JSON, one per line) as the ingest load's
 * material, {@link CapturedVisit#RESOURCE}. Run it again when the tracker's uploads change shape.
 */
public final class CaptureVisits {

    private CaptureVisits() {
    }

    public static void capture(BenchContext context) throws Exception {
        Path target = context.root().resolve("bench/src/main/resources").resolve(CapturedVisit.RESOURCE.substring(1));
        try (BenchSite site = new BenchSite(context.root().resolve("bench")); BenchChromium chromium = new BenchChromium()) {
            long millis = ScriptedVisit.run(chromium, site, Recorder.SIGHTLINE);
            Thread.sleep(1500);
            List<byte[]> uploads = site.capture(Recorder.SIGHTLINE).bodies();
            Files.createDirectories(target.getParent());
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
                for (byte[] upload : uploads) {
                    out.write(upload);
                    out.write('\n');
                }
            }
            context.progress("captured %d uploads of a %.0f s visit into %s", uploads.size(), millis / 1e3,
                    context.root().relativize(target));
        }
    }
}
