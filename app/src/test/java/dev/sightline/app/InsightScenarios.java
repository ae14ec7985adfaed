package dev.sightline.app;

import static dev.sightline.contract.insights.InsightKind.DEAD_CLICK;
import static dev.sightline.contract.insights.InsightKind.ERROR_CLICK;
import static dev.sightline.contract.insights.InsightKind.EXCESSIVE_SCROLL;
import static dev.sightline.contract.insights.InsightKind.FORM_ABANDON;
import static dev.sightline.contract.insights.InsightKind.JS_ERROR;
import static dev.sightline.contract.insights.InsightKind.QUICK_BACK;
import static dev.sightline.contract.insights.InsightKind.RAGE_CLICK;

import java.util.List;

/**
 * The labelled scenario suite: for every signal, visits that must produce it and near misses that
 * must not. Each scenario lists every insight its visit must produce; any other is a false positive.
 * Elements clicked are all in the first screen, so no click needs the browser to scroll first.
 */
final class InsightScenarios {

    /** Reversals of the visits that make the norm of {@code docs.html} (see {@link #normSeedScrolls()}). */
    static final int NORM_REVERSALS = 4;

    private InsightScenarios() {
    }

    static List<Scenario> all(String site) {
        return List.of(
                // ---- rage clicks ----
                Scenario.desktop(site, "rage: 3 rapid clicks on a button that does nothing")
                        .expect(RAGE_CLICK, "#apply-coupon").expect(DEAD_CLICK, "#apply-coupon")
                        .open("shop.html").pause(300).click("#apply-coupon", 3).pause(800),
                Scenario.desktop(site, "rage: 5 rapid clicks on a working add-to-cart button")
                        .expect(RAGE_CLICK, "#add-to-cart")
                        .open("shop.html").pause(300).click("#add-to-cart", 5).pause(800),
                Scenario.phone(site, "rage: 3 quick taps on the product photo on a phone")
                        .expect(RAGE_CLICK, "#hero").expect(DEAD_CLICK, "#hero")
                        .open("shop.html").pause(300).tap("#hero", 3).pause(800),
                Scenario.desktop(site, "rage: 4 rapid clicks on one spot of the care-plan card")
                        .expect(RAGE_CLICK, "#plan-card")
                        .open("shop.html").pause(300).click("#plan-card", 4).pause(800),
                Scenario.desktop(site, "near miss: 2 clicks instead of 3 on the dead button")
                        .expect(DEAD_CLICK, "#apply-coupon")
                        .open("shop.html").pause(300).click("#apply-coupon", 2).pause(800),
                Scenario.desktop(site, "near miss: 3 clicks on the dead button, 700 ms apart")
                        .expect(DEAD_CLICK, "#apply-coupon")
                        .open("shop.html").pause(300).click("#apply-coupon").pause(700).click("#apply-coupon")
                        .pause(700).click("#apply-coupon").pause(800),
                Scenario.desktop(site, "near miss: 3 rapid clicks across the S, M and L buttons")
                        .open("shop.html").pause(300).click("#size-s").click("#size-m").click("#size-l").pause(800),
                Scenario.desktop(site, "near miss: 3 rapid clicks far apart on the care-plan card")
                        .open("shop.html").pause(300).clickAt("#plan-card", 0.05, 0.2).clickAt("#plan-card", 0.5, 0.5)
                        .clickAt("#plan-card", 0.95, 0.8).pause(800),

                // ---- dead clicks ----
                Scenario.desktop(site, "dead: a click on the product photo").expect(DEAD_CLICK, "#hero")
                        .open("shop.html").pause(300).click("#hero").pause(800),
                Scenario.desktop(site, "dead: a link that goes nowhere").expect(DEAD_CLICK, "#fake-link")
                        .open("shop.html").pause(300).click("#fake-link").pause(3000),
                Scenario.desktop(site, "dead: a gift-wrap box that only looks like a checkbox").expect(DEAD_CLICK, "#gift-wrap")
                        .open("shop.html").pause(300).click("#gift-wrap").pause(800),
                Scenario.desktop(site, "near miss: a click that opens a menu")
                        .open("shop.html").pause(300).click("#menu-toggle").pause(800),
                Scenario.desktop(site, "near miss: a link to another page")
                        .open("shop.html").pause(300).follow("#details-link", "details.html", true).pause(800),
                Scenario.desktop(site, "near miss: a button that only sends a request")
                        .open("shop.html").pause(300).click("#save-wishlist").pause(800),
                Scenario.desktop(site, "near miss: a label that focuses its field")
                        .open("shop.html").pause(300).click("#qty-label").pause(800),
                Scenario.desktop(site, "near miss: an in-page link that scrolls to the reviews")
                        .open("shop.html").pause(300).click("#to-reviews").pause(800),
                Scenario.desktop(site, "near miss: a click into a text field")
                        .open("shop.html").pause(300).click("#newsletter-email").pause(800),
                Scenario.desktop(site, "near miss: selecting text in the description")
                        .open("shop.html").pause(300).then(page -> {
                            var box = page.locator("#description").boundingBox();
                            page.mouse().move(box.x + 2, box.y + box.height / 2);
                            page.mouse().down();
                            page.mouse().move(box.x + box.width * 0.6, box.y + box.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
                            page.mouse().up();
                        }).pause(800),

                // ---- error clicks ----
                Scenario.desktop(site, "error click: the coupon check throws at once")
                        .expect(ERROR_CLICK, "#coupon-error").expect(JS_ERROR)
                        .open("shop.html").pause(300).click("#coupon-error").pause(800),
                Scenario.desktop(site, "error click: the stock check rejects after its request")
                        .expect(ERROR_CLICK, "#async-error").expect(JS_ERROR)
                        .open("shop.html").pause(300).click("#async-error").pause(1000),
                Scenario.desktop(site, "error click: order tracking throws half a second later")
                        .expect(ERROR_CLICK, "#late-error").expect(JS_ERROR)
                        .open("shop.html").pause(300).click("#late-error").pause(1200),
                Scenario.desktop(site, "near miss: an export that crashes three seconds after the click").expect(JS_ERROR)
                        .open("shop.html").pause(300).click("#slow-job").pause(3800),
                Scenario.desktop(site, "near miss: a working button, no error")
                        .open("shop.html").pause(300).click("#add-to-cart").pause(800),

                // ---- JavaScript errors ----
                Scenario.desktop(site, "js error: a widget throws after load").expect(JS_ERROR)
                        .open("errors.html?case=throw").pause(1200),
                Scenario.desktop(site, "js error: an unhandled promise rejection").expect(JS_ERROR)
                        .open("errors.html?case=reject").pause(1200),
                Scenario.phone(site, "js error: two different errors on a phone").expect(JS_ERROR)
                        .open("errors.html?case=both").pause(1200),
                Scenario.desktop(site, "near miss: console.error only")
                        .open("errors.html?case=console").pause(1200),
                Scenario.desktop(site, "near miss: an error caught by the page")
                        .open("errors.html?case=caught").pause(1200),
                Scenario.desktop(site, "near miss: an image that fails to load")
                        .open("errors.html?case=image").pause(1200),

                // ---- quick backs ----
                Scenario.desktop(site, "quick back: the size guide, then the back button after a second")
                        .expect(QUICK_BACK)
                        .open("shop.html").pause(300).follow("#details-link", "details.html", true).pause(1000).back().pause(800),
                Scenario.desktop(site, "quick back: the size guide, then its link back after two seconds")
                        .expect(QUICK_BACK)
                        .open("shop.html").pause(300).follow("#details-link", "details.html", true).pause(2000)
                        .follow("#back-to-shop", "shop.html", true).pause(800),
                Scenario.desktop(site, "quick back: out to another site and back after two seconds")
                        .expect(QUICK_BACK, "#docs-link")
                        .open("shop.html").pause(300).follow("#docs-link", "external.html", false).pause(2000).back().pause(800),
                Scenario.desktop(site, "near miss: back from the size guide after nine seconds (slow return)")
                        .open("shop.html").pause(300).follow("#details-link", "details.html", true).pause(9000).back().pause(800),
                Scenario.desktop(site, "near miss: on from the size guide to checkout")
                        .open("shop.html").pause(300).follow("#details-link", "details.html", true).pause(1000)
                        .follow("#to-checkout", "checkout.html", true).pause(800),
                Scenario.desktop(site, "near miss: back from another site after nine seconds")
                        .open("shop.html").pause(300).follow("#docs-link", "external.html", false).pause(9000).back().pause(800),
                Scenario.desktop(site, "near miss: reloading the page")
                        .open("shop.html").pause(1000).then(page -> {
                            page.reload();
                            Scenario.awaitTracker(page);
                        }).pause(800),

                // ---- excessive scrolling ----
                Scenario.desktop(site, "excessive scroll: up and down the article ten times").expect(EXCESSIVE_SCROLL)
                        .open("article.html").pause(300).wheel(1500, -1200, 1500, -1200, 1500, -1200, 1500, -1200, 1500, -1200, 1500),
                Scenario.phone(site, "excessive scroll: flicking up and down the article on a phone").expect(EXCESSIVE_SCROLL)
                        .open("article.html").pause(300).scrollBy(1200, -1000, 1200, -1000, 1200, -1000, 1200, -1000, 1200),
                Scenario.desktop(site, "excessive scroll: 16 reversals where visitors usually make 4").expect(EXCESSIVE_SCROLL)
                        .open("docs.html").pause(300)
                        .wheel(1500, -1200, 1500, -1200, 1500, -1200, 1500, -1200, 1500, -1200, 1500, -1200, 1500, -1200,
                                1500, -1200, 1500),
                Scenario.desktop(site, "near miss: reading the article down with one look back")
                        .open("article.html").pause(300).wheel(600, 600, 600, 600, -400, 600, 600, 600),
                Scenario.desktop(site, "near miss: 9 reversals where visitors usually make 4 (over the floor, under the norm)")
                        .open("docs.html").pause(300).wheel(1500, -1200, 1500, -1200, 1500, -1200, 1500, -1200, 1500, -1200),
                Scenario.desktop(site, "near miss: small back-and-forth corrections while reading")
                        .open("article.html").pause(300).wheel(600, -100, 100, -100, 100, -100, 100, -100, 100, -100, 100),

                // ---- form abandonment ----
                Scenario.desktop(site, "form abandonment: name and half an email, then off to the shop")
                        .expect(FORM_ABANDON, "#email")
                        .open("signup.html").pause(300).type("#name", "Ada Lovelace").pause(300).type("#email", "ada@")
                        .pause(300).follow("#home-link", "shop.html", true).pause(800),
                Scenario.desktop(site, "form abandonment: a name typed, then the tab closed").expect(FORM_ABANDON, "#name")
                        .open("signup.html").pause(300).type("#name", "Grace Hopper").pause(1000),
                Scenario.phone(site, "form abandonment: name and club on a phone, then away").expect(FORM_ABANDON, "#company")
                        .open("signup.html").pause(300).type("#name", "Tenzing").pause(300).type("#company", "Himalayan Club")
                        .pause(300).follow("#home-link", "shop.html", true).pause(800),
                Scenario.desktop(site, "near miss: the whole form filled in (the email corrected) and submitted")
                        .open("signup.html").pause(300).type("#name", "Annie Smith Peck").pause(200)
                        .type("#email", "annie@example").pause(200).type("#company", "Alpine Club").pause(200)
                        .then(page -> {
                            page.click("#email");
                            page.keyboard().press("End");
                            page.keyboard().type(".com");
                        }).pause(200)
                        .then(page -> page.selectOption("#plan", "summit")).pause(200).click("#terms").pause(200)
                        .follow("#create-account", "thanks.html", true).pause(800),
                Scenario.desktop(site, "near miss: looking at the form without touching it")
                        .open("signup.html").pause(300).wheel(300).pause(500),
                Scenario.desktop(site, "near miss: typing in the search box, which is not in a form")
                        .open("signup.html").pause(300).type("#site-search", "gaiters").pause(1000));
    }

    /** Scroll positions of one earlier visit to {@code docs.html}: {@value #NORM_REVERSALS} reversals. */
    static int[] normSeedScrolls() {
        return new int[] {2000, 1000, 2600, 1400, 3200};
    }
}
