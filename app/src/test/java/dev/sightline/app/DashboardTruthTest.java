package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.demo.DemoSite;
import dev.sightline.insights.InsightSettings;
import dev.sightline.traffic.GeneratedPage;
import dev.sightline.traffic.GeneratedSession;
import dev.sightline.traffic.TrafficGenerator;
import dev.sightline.traffic.TrafficSender;
import dev.sightline.traffic.TrafficUploads;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand generated visits go through {@code POST /collect}; every dashboard figure, every
 * recordings filter's count and every funnel step must equal what the generator knows it sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTruthTest {
    static final int SESSIONS = 10_000;
    static final Instant ORIGIN = Instant.parse("2026-03-02T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(1);
    static final String PROJECT = "/api/projects/" + DemoSite.PROJECT_ID;

    @TempDir
    static Path data;
    static Sightline sightline;
    static Http http;
    static List<GeneratedSession> all;
    /** What the dashboard counts: the people's sessions. */
    static List<GeneratedSession> people;
    static Set<String> firstSessions;

    @BeforeAll
    void sendTheTraffic() throws Exception {
        sendTheTraffic(storage());
    }

    /** Where the events are stored: in the embedded DuckDB here, elsewhere in subclasses. */
    SightlineConfig storage() {
        return SightlineConfig.defaults().withDataDir(data);
    }

    /** Sends the traffic through a Sightline whose storage {@code storage} configures. */
    static void sendTheTraffic(SightlineConfig storage) throws Exception {
        SetClock clock = new SetClock(ORIGIN);
        sightline = new Sightline(storage.withPort(0).withDemo(true)
                .withSourceRate(1_000_000).withInsights(InsightSettings.from(Map.of("insight-sweep-ms", "100"))), clock);
        String base = "http://localhost:" + sightline.start();
        all = new TrafficGenerator(42).sessions(SESSIONS, ORIGIN, SPAN);
        List<TrafficUploads.Upload> uploads = new ArrayList<>();
        for (GeneratedSession session : all) {
            uploads.addAll(TrafficUploads.of(DemoSite.SITE_KEY, session));
        }
        long started = System.nanoTime();
        new TrafficSender(base).send(uploads, clock::set);
        long sent = System.nanoTime();
        assertThat(sightline.awaitProcessed(5, TimeUnit.MINUTES)).isTrue();
        long stored = System.nanoTime();
        clock.set(ORIGIN.plus(SPAN).plus(Duration.ofHours(1)));
        awaitAnalysed();
        System.out.printf("dashboard truth: %d sessions, %d uploads sent in %d ms, all stored after %d ms, analysed after %d ms%n",
                all.size(), uploads.size(), (sent - started) / 1_000_000, (stored - started) / 1_000_000,
                (System.nanoTime() - started) / 1_000_000);
        people = all.stream().filter(s -> !s.bot()).toList();
        Map<String, GeneratedSession> first = new HashMap<>();
        for (GeneratedSession s : all) {
            first.merge(s.visitorId(), s, (a, b) -> Comparator.comparing(GeneratedSession::startedAt)
                    .thenComparing(GeneratedSession::sessionId).compare(a, b) <= 0 ? a : b);
        }
        firstSessions = first.values().stream().map(GeneratedSession::sessionId).collect(Collectors.toSet());
        http = new Http(base).signUpOwner("owner@example.com", "dashboard truth password");
    }

    /** Waits until insight analysis has seen every page view. */
    static void awaitAnalysed() throws InterruptedException {
        Instant farFuture = Instant.parse("2100-01-01T00:00:00Z");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!sightline.events().insights().pending(farFuture, farFuture, 1).isEmpty()) {
            assertThat(System.nanoTime()).as("page views still wait for analysis").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @AfterAll
    void stop() {
        sightline.close();
    }

    static String window() {
        return "from=" + ORIGIN.toEpochMilli() + "&to=" + ORIGIN.plus(SPAN).toEpochMilli();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static JsonNode figures(String filters) {
        return ok(http.get(PROJECT + "/dashboard?" + window() + filters)).get("figures");
    }

    static long recordings(String filters) {
        return ok(http.get(PROJECT + "/recordings?limit=1&" + window() + filters)).get("total").asLong();
    }

    static Map<String, Long> counts(JsonNode list) {
        Map<String, Long> counts = new TreeMap<>();
        list.forEach(row -> counts.put(row.get("value").asText(), row.get("sessions").asLong()));
        return counts;
    }

    static Map<String, Long> truth(Function<GeneratedSession, String> value) {
        return people.stream().map(value).filter(v -> v != null && !v.isEmpty())
                .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
    }

    static Map<String, Long> truthOfPages(Function<GeneratedSession, List<GeneratedPage>> pages,
                                          Function<GeneratedPage, String> value) {
        Map<String, Long> counts = new TreeMap<>();
        for (GeneratedSession s : people) {
            pages.apply(s).stream().map(value).distinct().forEach(v -> counts.merge(v, 1L, Long::sum));
        }
        return counts;
    }

    @Test
    void theHeadlineFiguresEqualWhatWasSent() {
        JsonNode f = figures("");

        assertThat(f.get("sessions").asLong()).isEqualTo(people.size());
        assertThat(f.get("visitors").asLong()).isEqualTo(people.stream().map(GeneratedSession::visitorId).distinct().count());
        long newSessions = people.stream().filter(s -> firstSessions.contains(s.sessionId())).count();
        assertThat(f.get("newSessions").asLong()).isEqualTo(newSessions);
        assertThat(f.get("returningSessions").asLong()).isEqualTo(people.size() - newSessions);
        assertThat(f.get("pageViews").asLong()).isEqualTo(people.stream().mapToLong(s -> s.pages().size()).sum());
        assertThat(f.get("avgScrollPermille").asDouble()).isCloseTo(people.stream().flatMap(s -> s.pages().stream())
                .mapToInt(GeneratedPage::scrollPermille).average().orElseThrow(), within(1e-6));
        assertThat(f.get("avgActiveMs").asDouble()).isCloseTo(people.stream().mapToLong(GeneratedSession::activeMs)
                .average().orElseThrow(), within(1e-6));
        assertThat(f.get("avgDurationMs").asDouble()).isCloseTo(people.stream().mapToLong(GeneratedSession::durationMs)
                .average().orElseThrow(), within(1e-6));
        assertThat(f.get("botSessions").asLong()).isEqualTo(all.size() - people.size()).isPositive();
    }

    @Test
    void everyBreakdownEqualsWhatWasSentAndEachLinksToThatManyRecordings() {
        JsonNode f = figures("");
        Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
        expected.put("channels", truth(GeneratedSession::channel));
        expected.put("referrers", truth(GeneratedSession::referrerHost));
        expected.put("utmSources", truth(GeneratedSession::utmSource));
        expected.put("utmMediums", truth(GeneratedSession::utmMedium));
        expected.put("utmCampaigns", truth(GeneratedSession::utmCampaign));
        expected.put("devices", truth(GeneratedSession::device));
        expected.put("browsers", truth(GeneratedSession::browser));
        expected.put("operatingSystems", truth(GeneratedSession::os));
        expected.put("topPages", truthOfPages(GeneratedSession::pages, GeneratedPage::pageKey));
        Map<String, Long> pageViews = people.stream().flatMap(s -> s.pages().stream())
                .collect(Collectors.groupingBy(GeneratedPage::pageKey, TreeMap::new, Collectors.counting()));
        expected.put("entryPages", truthOfPages(s -> List.of(s.entry()), GeneratedPage::pageKey));
        expected.put("exitPages", truthOfPages(s -> List.of(s.exit()), GeneratedPage::pageKey));
        Map<String, Long> events = new TreeMap<>();
        people.forEach(s -> s.pages().stream().flatMap(p -> p.customEvents().stream()).distinct()
                .forEach(e -> events.merge(e, 1L, Long::sum)));
        expected.put("customEvents", events);
        Map<String, String> links = Map.of("channels", "channel:equals:", "referrers", "referrer_host:equals:",
                "utmSources", "utm_source:equals:", "utmMediums", "utm_medium:equals:", "utmCampaigns",
                "utm_campaign:equals:", "devices", "device:equals:", "browsers", "browser:equals:",
                "operatingSystems", "os:equals:", "topPages", "visited_page:equals:", "entryPages", "entry_page:equals:");
        Map<String, String> more = Map.of("exitPages", "exit_page:equals:", "customEvents", "event:done:");

        // Top pages count page views; the recordings behind a page are the sessions that viewed it.
        assertThat(counts(f.get("topPages"))).isEqualTo(pageViews);
        expected.forEach((list, truth) -> {
            if (!list.equals("topPages")) {
                assertThat(counts(f.get(list))).as(list).isEqualTo(truth);
            }
            String link = Objects.requireNonNullElse(links.get(list), more.get(list));
            truth.forEach((value, sessions) -> assertThat(recordings("&f=" + encode(link + value)))
                    .as(list + " " + value).isEqualTo(sessions));
        });
        // Without a GeoIP database every country is unknown, "--".
        assertThat(counts(f.get("countries"))).isEqualTo(Map.of("--", (long) people.size()));
        assertThat(recordings("&f=" + encode("country:equals:--"))).isEqualTo(people.size());
    }

    @Test
    void theTimeSeriesHasAnHourlyPointForEveryHourOfTheWindow() {
        JsonNode f = figures("");
        Map<Instant, List<GeneratedSession>> byHour = people.stream()
                .collect(Collectors.groupingBy(s -> s.startedAt().truncatedTo(ChronoUnit.HOURS)));

        assertThat(f.get("bucket").asText()).isEqualTo("HOUR");
        assertThat(f.get("series")).hasSize(24);
        for (JsonNode point : f.get("series")) {
            List<GeneratedSession> hour = byHour.getOrDefault(Instant.ofEpochMilli(point.get("start").asLong()), List.of());
            assertThat(point.get("sessions").asLong()).isEqualTo(hour.size());
            assertThat(point.get("visitors").asLong()).isEqualTo(hour.stream().map(GeneratedSession::visitorId).distinct().count());
        }
    }

    @Test
    void everyFilterCountsTheSessionsItDescribes() {
        Map<String, Predicate<GeneratedSession>> filters = new LinkedHashMap<>();
        filters.put("visited:contains:/product/", s -> s.pages().stream().anyMatch(p -> p.url().contains("/product/")));
        filters.put("visited:not_equals:" + TrafficGenerator.SITE + "/cart",
                s -> s.pages().stream().noneMatch(p -> p.url().equals(TrafficGenerator.SITE + "/cart")));
        filters.put("entry:starts_with:" + TrafficGenerator.SITE + "/blog", s -> s.entry().url().startsWith(TrafficGenerator.SITE + "/blog"));
        filters.put("exit:ends_with:/checkout", s -> s.exit().url().endsWith("/checkout"));
        filters.put("exit:equals:" + TrafficGenerator.SITE + "/about", s -> s.exit().url().equals(TrafficGenerator.SITE + "/about"));
        filters.put("entry:regex:utm_campaign=(spring|weekly)", s -> s.entry().url().matches(".*utm_campaign=(spring|weekly).*"));
        filters.put("referrer:contains:google", s -> s.referrer().contains("google"));
        filters.put("channel:equals:ai_tools", s -> s.channel().equals("AI_TOOLS"));
        filters.put("channel:not_equals:direct", s -> !s.channel().equals("DIRECT"));
        filters.put("utm_source:equals:newsletter", s -> s.utmSource().equals("newsletter"));
        filters.put("device:equals:mobile", s -> s.device().equals("MOBILE"));
        filters.put("browser:equals:safari", s -> s.browser().equals("Safari"));
        filters.put("os:starts_with:windows", s -> s.os().startsWith("Windows"));
        filters.put("visitor:is:new", s -> firstSessions.contains(s.sessionId()));
        filters.put("visitor:is:returning", s -> !firstSessions.contains(s.sessionId()));
        filters.put("duration:between:60..300", s -> s.durationMs() >= 60_000 && s.durationMs() <= 300_000);
        filters.put("active:between:10..", s -> s.activeMs() >= 10_000);
        filters.put("pages:between:3..4", s -> s.pages().size() >= 3 && s.pages().size() <= 4);
        filters.put("clicks:between:..2", s -> s.clicks() <= 2);
        filters.put("scroll:between:75..", s -> s.scrollPermille() >= 750);
        filters.put("error:contains:gtag", s -> s.pages().stream().anyMatch(p -> p.errors().stream().anyMatch(e -> e.contains("gtag"))));
        filters.put("event:done:purchase", s -> s.did("purchase"));
        filters.put("event:not_done:signup", s -> !s.did("signup"));
        filters.put("tag:plan:pro", s -> "pro".equals(s.tagValue()));
        filters.put("clicked_text:equals:add to cart", s -> s.pages().stream().anyMatch(p -> p.clicks().stream().anyMatch(c -> c.text().equals("Add to cart"))));
        filters.put("clicked_selector:starts_with:#", s -> s.pages().stream().anyMatch(p -> p.clicks().stream().anyMatch(c -> c.selector().startsWith("#"))));
        GeneratedSession identified = people.stream().filter(s -> s.userId() != null).findFirst().orElseThrow();
        filters.put("user:equals:" + identified.userId(), s -> identified.userId().equals(s.userId()));

        filters.forEach((filter, truth) -> {
            long expected = people.stream().filter(truth).count();
            assertThat(expected).as(filter + " selects some but not all").isPositive().isLessThan(people.size());
            assertThat(recordings("&f=" + encode(filter))).as(filter).isEqualTo(expected);
        });
        long combined = people.stream().filter(filters.get("device:equals:mobile"))
                .filter(filters.get("visited:contains:/product/")).filter(filters.get("event:done:purchase")).count();
        String both = "&f=" + encode("device:equals:mobile") + "&f=" + encode("visited:contains:/product/")
                + "&f=" + encode("event:done:purchase");
        assertThat(recordings(both)).isEqualTo(combined);
        assertThat(figures(both).get("sessions").asLong()).isEqualTo(combined);
        assertThat(recordings("&bots=only")).isEqualTo(all.size() - people.size());
    }

    @Test
    void insightRatesCountTheSessionsWithErrorsAndEachLinksToThatManyRecordings() {
        JsonNode insights = figures("").get("insightSessions");

        assertThat(insights.get("JS_ERROR").asLong()).isEqualTo(people.stream()
                .filter(s -> s.pages().stream().anyMatch(p -> !p.errors().isEmpty())).count()).isPositive();
        for (InsightKind kind : InsightKind.values()) {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            assertThat(recordings("&f=" + encode("insight:" + name + ":yes"))).as(name)
                    .isEqualTo(insights.path(kind.name()).asLong());
            assertThat(recordings("&f=" + encode("insight:" + name + ":no"))).as(name)
                    .isEqualTo(people.size() - insights.path(kind.name()).asLong());
        }
    }

    static final List<String> STEPS = List.of("page:contains:/product/", "page:ends_with:/cart", "event:equals:purchase");

    /** How many steps of the funnel the session did, each strictly after the one before. */
    static int reached(GeneratedSession s) {
        Instant after = Instant.MIN;
        int reached = 0;
        List<Predicate<GeneratedPage>> pageSteps = List.of(p -> p.url().contains("/product/"), p -> p.url().endsWith("/cart"));
        for (int step = 0; step < 3; step++) {
            Instant next = null;
            for (GeneratedPage page : s.pages()) {
                Instant at = step < 2 ? page.startedAt() : page.startedAt().plusMillis(page.customEventAt());
                boolean matches = step < 2 ? pageSteps.get(step).test(page) : page.customEvents().contains("purchase");
                if (matches && at.isAfter(after) && (next == null || at.isBefore(next))) {
                    next = at;
                }
            }
            if (next == null) {
                return reached;
            }
            after = next;
            reached++;
        }
        return reached;
    }

    @Test
    void everyFunnelStepAndItsDroppedSessionsEqualWhatWasSent() {
        String steps = STEPS.stream().map(s -> "&step=" + encode(s)).collect(Collectors.joining());
        JsonNode report = ok(http.get(PROJECT + "/funnel?" + window() + steps)).get("steps");

        assertThat(report).hasSize(3);
        for (int step = 1; step <= 3; step++) {
            int k = step;
            long reached = people.stream().filter(s -> reached(s) >= k).count();
            long dropped = step == 3 ? 0 : people.stream().filter(s -> reached(s) == k).count();
            assertThat(report.get(step - 1).get("reached").asLong()).as("step " + step).isEqualTo(reached).isPositive();
            assertThat(report.get(step - 1).get("dropped").asLong()).as("dropped after " + step).isEqualTo(dropped);
            assertThat(recordings(steps + "&dropped=" + step)).as("dropped list " + step)
                    .isEqualTo(people.stream().filter(s -> reached(s) == k).count());
        }
    }
}
