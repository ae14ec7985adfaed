package dev.sightline.bench.tracker;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sightline.bench.browser.BenchChromium;
import dev.sightline.bench.browser.BenchSite;
import dev.sightline.bench.browser.Recorder;

/**
 * One recorder on the heavy page (a 1,000 × 10 data grid, about 20,000 nodes): main-thread script time spent
 * loading it, over {@link #CLICKS} clicks that select a row, and over {@link #MUTATION_ROUNDS} rounds of
 * 1,000 DOM changes. Each phase ends with the same quiet period for every recorder, so work a recorder
 * defers (batching, serialising, uploading) is counted where it belongs.
 */
record HeavyPageRun(double load, double clicks, double mutations) {
    static final int CLICKS = 30;
    static final int MUTATION_ROUNDS = 10;
    private static final int SETTLE_MS = 1500;

    static HeavyPageRun measure(BenchChromium chromium, BenchSite site, Recorder recorder) {
        try (BrowserContext visitor = chromium.visitor()) {
            Page page = visitor.newPage();
            MainThreadTime time = new MainThreadTime(page);
            double start = time.scriptMs();
            page.navigate(site.heavyPage(recorder));
            page.waitForTimeout(2500);
            double loaded = time.scriptMs();
            for (int i = 0; i < CLICKS; i++) {
                page.mouse().move(100 + (i * 53) % 900, 60 + (i * 97) % 700);
                page.mouse().click(100 + (i * 53) % 900, 60 + (i * 97) % 700);
                page.waitForTimeout(100);
            }
            page.waitForTimeout(SETTLE_MS);
            double clicked = time.scriptMs();
            for (int i = 0; i < MUTATION_ROUNDS; i++) {
                page.evaluate("benchMutate(1000)");
                page.waitForTimeout(100);
            }
            page.waitForTimeout(SETTLE_MS);
            double mutated = time.scriptMs();
            return new HeavyPageRun(loaded - start, clicked - loaded, mutated - clicked);
        }
    }
}
