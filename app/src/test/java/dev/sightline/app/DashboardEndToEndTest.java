package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sightline.demo.DemoSite;
import dev.sightline.traffic.GeneratedSession;
import dev.sightline.traffic.TrafficGenerator;
import dev.sightline.traffic.TrafficSender;
import dev.sightline.traffic.TrafficUploads;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in Chromium over generated traffic: set filters, save a segment, open a recording
 * from the filtered list, and open the sessions that dropped at a funnel step.
 */
@Tag("browser")
class DashboardEndToEndTest {
    @TempDir
    static Path data;
    static Sightline sightline;
    static String base;
    static List<GeneratedSession> people;

    @BeforeAll
    static void start() throws Exception {
        Instant origin = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        SetClock clock = new SetClock(origin);
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withDemo(true)
                .withSourceRate(1_000_000), clock);
        base = "http://localhost:" + sightline.start();
        List<GeneratedSession> sessions = new TrafficGenerator(7).sessions(400, origin, Duration.ofHours(20));
        List<TrafficUploads.Upload> uploads = new ArrayList<>();
        sessions.forEach(s -> uploads.addAll(TrafficUploads.of(DemoSite.SITE_KEY, s)));
        new TrafficSender(base).send(uploads, clock::set);
        clock.set(Instant.now());
        assertThat(sightline.awaitProcessed(60, TimeUnit.SECONDS)).isTrue();
        people = sessions.stream().filter(s -> !s.bot()).toList();
        new Http(base).signUpOwner("owner@example.com", Team.PASSWORD);
    }

    @AfterAll
    static void stop() {
        sightline.close();
    }

    private static Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        page.navigate(base + "/login");
        page.fill("#login-email", "owner@example.com");
        page.fill("#login-password", Team.PASSWORD);
        page.click("#login-submit");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Test
    void filtersASavedSegmentAFilteredRecordingAndAFunnelsDroppedSessions() {
        long mobile = people.stream().filter(s -> s.device().equals("MOBILE")).count();
        long mobileBuyers = people.stream().filter(s -> s.device().equals("MOBILE") && s.did("purchase")).count();
        try (BrowserContext browser = Chromium.dashboard()) {
            Page page = signedIn(browser);
            page.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/dashboard");
            page.waitForSelector("#kpi-sessions");
            assertThat(page.textContent("#kpi-sessions .kpi-value")).isEqualTo(String.format("%,d", people.size()));

            page.click("#add-filter");
            page.selectOption("#filter-field", "device");
            page.selectOption("#filter-value", "mobile");
            page.click("#apply-filter");
            page.waitForURL(url -> url.contains("f=device%3Aequals%3Amobile"));
            page.waitForFunction("n => document.querySelector('#kpi-sessions .kpi-value')?.textContent === n",
                    String.format("%,d", mobile));

            page.click("#add-filter");
            page.selectOption("#filter-field", "event");
            page.fill("#filter-value", "purchase");
            page.click("#apply-filter");
            page.waitForFunction("n => document.querySelector('#kpi-sessions .kpi-value')?.textContent === n",
                    String.format("%,d", mobileBuyers));

            page.click("#save-segment");
            page.fill("#segment-name", "Mobile buyers");
            page.click("#save-segment-confirm");
            page.waitForSelector("#segment option:has-text('Mobile buyers')", new Page.WaitForSelectorOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
            page.click("#clear-filters");
            page.waitForFunction("n => document.querySelector('#kpi-sessions .kpi-value')?.textContent === n",
                    String.format("%,d", people.size()));
            page.selectOption("#segment", new com.microsoft.playwright.options.SelectOption().setLabel("Mobile buyers"));
            page.waitForFunction("n => document.querySelector('#kpi-sessions .kpi-value')?.textContent === n",
                    String.format("%,d", mobileBuyers));

            page.click("#kpi-sessions");
            page.waitForSelector("#recordings-page .recording-row");
            assertThat(page.url()).contains("f=device%3Aequals%3Amobile").contains("f=event%3Adone%3Apurchase");
            page.waitForFunction("n => document.querySelector('#recordings-count')?.textContent.startsWith(n)",
                    String.format("%,d recording", mobileBuyers));
            String opened = page.getAttribute("#recordings-table .recording-row", "data-session-id");
            assertThat(people.stream().filter(s -> s.sessionId().equals(opened)).findFirst().orElseThrow().device())
                    .isEqualTo("MOBILE");
            page.click("#recordings-table .recording-row .row-link");
            page.waitForSelector("#player[data-session-id='" + opened + "']");

            page.navigate(base + "/p/" + DemoSite.PROJECT_ID + "/funnels");
            page.fill(".funnel-step-row:nth-child(1) .step-value", "/product/");
            page.click("#run-funnel");
            page.waitForSelector("#funnel-report");
            String reachedFirst = page.textContent("#funnel-step-1 .funnel-reached");
            assertThat(Long.parseLong(reachedFirst.replace(",", ""))).isEqualTo(people.stream()
                    .filter(s -> s.pages().stream().anyMatch(p -> p.url().contains("/product/"))).count());
            String dropped = page.textContent("#dropped-1");
            page.click("#dropped-1");
            page.waitForSelector("#dropped-note");
            page.waitForSelector("#recordings-page .recording-row");
            String count = dropped.substring(0, dropped.indexOf(' '));
            page.waitForFunction("n => document.querySelector('#recordings-count')?.textContent.startsWith(n)",
                    count + " recording");
        }
    }
}
