package dev.sightline.bench.tracker;

import dev.sightline.bench.BenchContext;
import dev.sightline.bench.Suite;
import dev.sightline.bench.browser.BenchChromium;
import dev.sightline.bench.browser.BenchSite;
import dev.sightline.bench.browser.Peers;
import dev.sightline.bench.browser.Recorder;
import dev.sightline.bench.browser.ScriptedVisit;
import dev.sightline.bench.browser.UploadCapture;
import dev.sightline.bench.report.Row;
import dev.sightline.bench.report.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What the tracker costs the pages it runs on, beside Clarity's tracker and rrweb's recorder alone,
 * all measured in this run on this machine: script size (gzip -9), main-thread time added per
 * interaction and per 1,000 DOM mutations on a heavy page (each recorder's run minus a run without
 * any, median of {@code --tracker-runs}, default 3), and bytes uploaded per minute of the same
 * scripted visit.
 */
public final class TrackerSuite implements Suite {
    private static final String SUITE = "tracker";
    private static final List<Recorder> MEASURED = List.of(Recorder.SIGHTLINE, Recorder.RRWEB, Recorder.CLARITY);

    @Override
    public String name() {
        return SUITE;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        Path module = context.root().resolve("bench");
        List<Row> rows = new ArrayList<>(sizes(module));
        int runs = context.intOption("tracker-runs", 3);
        try (BenchSite site = new BenchSite(module); BenchChromium chromium = new BenchChromium()) {
            Map<Recorder, List<HeavyPageRun>> added = new EnumMap<>(Recorder.class);
            for (int run = 0; run < runs; run++) {
                context.progress("tracker: heavy page, run %d of %d", run + 1, runs);
                HeavyPageRun baseline = HeavyPageRun.measure(chromium, site, Recorder.NONE);
                for (Recorder recorder : MEASURED) {
                    HeavyPageRun measured = HeavyPageRun.measure(chromium, site, recorder);
                    added.computeIfAbsent(recorder, r -> new ArrayList<>()).add(new HeavyPageRun(
                            measured.load() - baseline.load(), measured.clicks() - baseline.clicks(),
                            measured.mutations() - baseline.mutations()));
                }
            }
            rows.add(mainThreadRow(added, "main-thread script added per interaction (heavy page)",
                    run -> run.clicks() / HeavyPageRun.CLICKS, Target.atMost(1.0, "<= 1 ms")));
            rows.add(mainThreadRow(added, "main-thread script added per 1,000 DOM mutations (heavy page)",
                    run -> run.mutations() / HeavyPageRun.MUTATION_ROUNDS, Target.none()));
            rows.add(mainThreadRow(added, "main-thread script added loading the heavy page (20k nodes)",
                    run -> run.load(), Target.none()));

            Map<Recorder, double[]> perMinute = new EnumMap<>(Recorder.class);
            for (Recorder recorder : MEASURED) {
                context.progress("tracker: scripted visit recorded by %s", recorder.label());
                UploadCapture capture = site.capture(recorder);
                capture.clear();
                long millis = ScriptedVisit.run(chromium, site, recorder);
                Thread.sleep(1500); // beacons sent from pagehide arrive after the tab has closed
                double minutes = millis / 60_000.0;
                perMinute.put(recorder, new double[] {capture.wireBytes() / 1024.0 / minutes,
                        capture.decodedBytes() / 1024.0 / minutes, capture.uploads(), millis / 1000.0});
            }
            double clarityWire = perMinute.get(Recorder.CLARITY)[0];
            double[] ours = perMinute.get(Recorder.SIGHTLINE);
            rows.add(peers(Row.of(SUITE, String.format(Locale.ROOT, "uploaded per minute of the scripted visit, wire (%d uploads in %.0f s)",
                            (int) ours[2], ours[3]), ours[0], "KB/min",
                    Target.atMost(clarityWire, String.format(Locale.ROOT, "<= Clarity (%.1f KB/min here)", clarityWire))),
                    perMinute, 0));
            rows.add(peers(Row.of(SUITE, "uploaded per minute of the scripted visit, decompressed", ours[1], "KB/min",
                    Target.none()), perMinute, 1));
        }
        return rows;
    }

    private static List<Row> sizes(Path module) throws Exception {
        // gzip keeps the file name in its header: the bundle is measured under its own name.
        Path folder = Files.createTempDirectory("sightline-size");
        Path bundle = folder.resolve("sightline.js");
        try {
            Files.write(bundle, Peers.sightlineBundle());
            long ours = GzipSize.of(bundle);
            long clarity = GzipSize.of(Peers.clarityTracker(module));
            long rrweb = GzipSize.of(Peers.rrwebRecorder(module));
            return List.of(Row.of(SUITE, "sightline.js size, gzip -9 (DOM recorder included)", ours, "B",
                            Target.below(clarity, String.format(Locale.ROOT, "< Clarity (%,d B here)", clarity)))
                    .withPeer(Recorder.CLARITY.label(), ours, clarity)
                    .withPeer(Recorder.RRWEB.label(), ours, rrweb));
        } finally {
            Files.deleteIfExists(bundle);
            Files.deleteIfExists(folder);
        }
    }

    /**
     * Script time, not all main-thread tasks: the page's own style, layout and paint after 10,000 DOM
     * changes swing by half between identical runs here, which buries what a recorder adds; the
     * JavaScript time of a run without a recorder varies by a few milliseconds.
     */
    private static Row mainThreadRow(Map<Recorder, List<HeavyPageRun>> added, String name,
                                     ToDoubleFunction<HeavyPageRun> value, Target target) {
        double ours = median(added.get(Recorder.SIGHTLINE), value);
        Row row = Row.of(SUITE, name, ours, "ms", target);
        for (Recorder peer : List.of(Recorder.RRWEB, Recorder.CLARITY)) {
            row = row.withPeer(peer.label(), ours, median(added.get(peer), value));
        }
        return row;
    }

    private static Row peers(Row row, Map<Recorder, double[]> perMinute, int index) {
        double ours = perMinute.get(Recorder.SIGHTLINE)[index];
        for (Recorder peer : List.of(Recorder.CLARITY, Recorder.RRWEB)) {
            row = row.withPeer(peer.label(), ours, perMinute.get(peer)[index]);
        }
        return row;
    }

    private static double median(List<HeavyPageRun> runs, ToDoubleFunction<HeavyPageRun> value) {
        double[] values = runs.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
