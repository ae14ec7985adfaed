package dev.sightline.app;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import dev.sightline.contract.insights.InsightKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One labelled visit of the scenario site: what a visitor does, step by step, and the insights the
 * visit must produce — exactly those, each on the named element where one is named. Steps are short
 * browser actions; the pause before a step is a minimum (the runner interleaves several visits).
 */
final class Scenario {

    /**
     * A browser action, run after at least {@code pauseMs} since the previous one finished and once
     * the visit has sent at least {@code uploadsBefore} uploads to Sightline.
     */
    record Step(long pauseMs, int uploadsBefore, Consumer<Page> action) {
    }

    final String name;
    final boolean phone;
    private final String site;
    /** Expected kinds; the value is the element it must be on, or "" for anywhere. */
    final Map<InsightKind, String> expected = new EnumMap<>(InsightKind.class);
    final List<Step> steps = new ArrayList<>();
    private long pause;

    private Scenario(String site, String name, boolean phone) {
        this.site = site;
        this.name = name;
        this.phone = phone;
    }

    /** A visit on a desktop browser (1280×800) of the site at {@code site}. */
    static Scenario desktop(String site, String name) {
        return new Scenario(site, name, false);
    }

    /** A visit on a phone (390×844, touch). */
    static Scenario phone(String site, String name) {
        return new Scenario(site, name, true);
    }

    Scenario expect(InsightKind kind) {
        return expect(kind, "");
    }

    Scenario expect(InsightKind kind, String selector) {
        expected.put(kind, selector);
        return this;
    }

    /** Opens a page of the scenario site and waits until the tracker runs on it and has sent its first upload. */
    Scenario open(String path) {
        then(page -> {
            page.navigate(site + path);
            awaitTracker(page);
        });
        // Until the tracker's first upload went out by fetch, leaving the page would send the session's
        // first upload as an unload beacon, which headless Chromium sends with its own "HeadlessChrome"
        // user agent instead of the visitor's — and the session would look like a bot.
        steps.add(new Step(0, 1, page -> { }));
        return this;
    }

    /** How long the visitor stays after the last step before leaving for another site. */
    long endPause() {
        return pause;
    }

    Scenario pause(long ms) {
        pause += ms;
        return this;
    }

    Scenario then(Consumer<Page> action) {
        steps.add(new Step(pause, 0, action));
        pause = 0;
        return this;
    }

    /** Clicks the middle of an element with the mouse, {@code times} times as fast as the browser takes them. */
    Scenario click(String selector, int times) {
        return then(page -> {
            double[] at = centre(page, selector);
            for (int i = 0; i < times; i++) {
                page.mouse().click(at[0], at[1]);
            }
        });
    }

    Scenario click(String selector) {
        return click(selector, 1);
    }

    /** Clicks at fractions of an element's box. */
    Scenario clickAt(String selector, double fx, double fy) {
        return then(page -> {
            BoundingBox box = page.locator(selector).boundingBox();
            page.mouse().click(box.x + box.width * fx, box.y + box.height * fy);
        });
    }

    /** Taps the middle of an element, {@code times} times in a row. */
    Scenario tap(String selector, int times) {
        return then(page -> {
            double[] at = centre(page, selector);
            for (int i = 0; i < times; i++) {
                page.touchscreen().tap(at[0], at[1]);
            }
        });
    }

    /** Clicks a link (or taps it on a phone) and waits for the page it leads to; {@code tracked}: a Sightline page. */
    Scenario follow(String selector, String urlPart, boolean tracked) {
        return then(page -> {
            double[] at = centre(page, selector);
            if (phone) {
                page.touchscreen().tap(at[0], at[1]);
            } else {
                page.mouse().click(at[0], at[1]);
            }
            page.waitForURL(url -> url.contains(urlPart));
            if (tracked) {
                awaitTracker(page);
            }
        });
    }

    Scenario back() {
        return then(page -> {
            page.goBack();
            awaitTracker(page);
        });
    }

    /** Focuses a field by clicking (tapping) it and types. */
    Scenario type(String selector, String text) {
        return then(page -> {
            if (phone) {
                page.tap(selector);
            } else {
                page.click(selector);
            }
            page.keyboard().type(text);
        });
    }

    /** Wheel-scrolls the page by each amount in turn, giving the tracker time to sample each stop. */
    Scenario wheel(int... deltas) {
        for (int delta : deltas) {
            then(page -> {
                page.mouse().move(640, 400);
                page.mouse().wheel(0, delta);
            }).pause(450);
        }
        return this;
    }

    /** Scrolls the window by each amount in turn (how a phone's flicks reach the page). */
    Scenario scrollBy(int... deltas) {
        for (int delta : deltas) {
            then(page -> page.evaluate("dy => window.scrollBy(0, dy)", delta)).pause(450);
        }
        return this;
    }

    private static double[] centre(Page page, String selector) {
        BoundingBox box = page.locator(selector).boundingBox();
        if (box == null) {
            throw new IllegalStateException(selector + " is not visible");
        }
        return new double[] {box.x + box.width / 2, box.y + box.height / 2};
    }

    static void awaitTracker(Page page) {
        page.waitForFunction("() => window.sightline && window.sightline.live === 1");
    }

    @Override
    public String toString() {
        return name;
    }
}
