package dev.sightline.bench.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The same visit for every recorder: a person reading the demo's home page (pointer wandering,
 * scrolling down and back), opening pricing, switching to yearly billing, trying the broken coupon,
 * then signing up through the form — five page views, about 40 seconds. The page is closed the way
 * a tab is (pagehide runs), so each recorder's last upload leaves as it would in real life.
 */
public final class ScriptedVisit {

    private ScriptedVisit() {
    }

    /** Runs the visit in a fresh browser context; returns its length in milliseconds. */
    public static long run(BenchChromium chromium, BenchSite site, Recorder recorder) {
        long start = System.nanoTime();
        try (BrowserContext visitor = chromium.visitor()) {
            Page page = visitor.newPage();
            page.navigate(site.demoPage(recorder, "index.html"));
            read(page, 6);
            for (int i = 0; i < 6; i++) {
                page.mouse().wheel(0, 450);
                page.waitForTimeout(700);
                page.mouse().move(300 + 90 * i, 250 + 40 * (i % 3), new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
            }
            page.mouse().wheel(0, -2700);
            page.waitForTimeout(800);
            page.click("#cta-pricing");
            page.waitForURL("**/pricing.html");
            read(page, 4);
            page.click("#billing-yearly");
            page.waitForURL("**/pricing.html?billing=yearly");
            read(page, 3);
            page.locator("#coupon-code").pressSequentially("SPRING25", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(60));
            page.click("#apply-coupon");
            page.waitForTimeout(1200);
            page.click("#nav-signup");
            page.waitForURL("**/signup.html");
            read(page, 2);
            type(page, "#signup-name", "Ada Lovelace");
            type(page, "#signup-email", "ada@example.com");
            type(page, "#signup-password", "Correct-Horse-42");
            type(page, "#signup-goals", "See which pages lose people before they sign up");
            page.check("#signup-terms");
            page.waitForTimeout(800);
            page.click("#signup-submit");
            page.waitForURL("**/signup.html?done=1");
            read(page, 3);
            page.close(new Page.CloseOptions().setRunBeforeUnload(true));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A person reading: the pointer drifts across the page for about {@code seconds}. */
    private static void read(Page page, int seconds) {
        for (int i = 0; i < seconds * 2; i++) {
            page.mouse().move(200 + (i * 137) % 800, 150 + (i * 89) % 500, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
            page.waitForTimeout(450);
        }
    }

    private static void type(Page page, String selector, String text) {
        page.click(selector);
        page.locator(selector).pressSequentially(text, new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(50));
    }
}
