package dev.sightline.contract.dashboard;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sightline.contract.dashboard.SessionCondition.Attribute;
import dev.sightline.contract.dashboard.SessionCondition.UrlScope;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import dev.sightline.contract.store.Acquisition;
import dev.sightline.contract.store.Channel;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.SessionSummary;
import dev.sightline.contract.store.TestBatches;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link EventStore#dashboard()} must do, on small hand-counted data: the edges the
 * ten-thousand-session truth test of the app does not reach (breakdowns, the frustration sort, funnel
 * order and ties, page keys, bots, empty windows and daily buckets).
 */
public abstract class DashboardQueriesContract {

    protected static final String PROJECT = "project-a";
    private static final Instant FROM = T0.minus(Duration.ofHours(1));
    private static final Instant TO = T0.plus(Duration.ofHours(23));
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
    private static final String SITE = "https://shop.example";

    @TempDir
    protected Path dataDir;

    private EventStore store;

    /** Opens the event store over the directory. */
    protected abstract EventStore openStore(Path dataDir);

    @BeforeEach
    void openTheStore() {
        store = openStore(dataDir);
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            store.close();
        }
    }

    private DashboardQueries dashboard() {
        return store.dashboard();
    }

    private static SessionFilter window() {
        return SessionFilter.of(PROJECT, FROM, TO);
    }

    /** A page view of a session: {@code SITE + path}, its key without the scheme, started {@code minute} minutes after T0. */
    private static TestBatches.Builder page(String session, int page, String path, int minute) {
        return batch(PROJECT, session).page(page).url(SITE + path).pageKey("shop.example" + path)
                .pageStartedAt(T0.plusSeconds(60L * minute)).lastSeenAt(T0.plusSeconds(60L * minute + 30));
    }

    private List<String> ids(SessionFilter filter) {
        return dashboard().sessions(filter, SessionSort.START_TIME, 100, 0).sessions().stream()
                .map(SessionSummary::sessionId).sorted().toList();
    }

    // ---- breakdowns ----

    @Test
    void aBreakdownGroupsTheSessionsByUpToThreeDimensionsWithTheirFiguresMostSessionsFirst() {
        store.write(List.of(
                page("s1", 1, "/home", 0).visitor("v1").device(DeviceClass.MOBILE).browser("Safari", "18")
                        .activeMs(1_000).build(),
                page("s1", 2, "/product", 1).visitor("v1").device(DeviceClass.MOBILE).browser("Safari", "18")
                        .activeMs(3_000).build(),
                page("s2", 1, "/product", 10).visitor("v1").device(DeviceClass.MOBILE).browser("Safari", "18")
                        .activeMs(2_000).build(),
                page("s3", 1, "/home", 20).visitor("v2").build()));

        List<BreakdownRow> byDevice = dashboard().breakdown(window(), List.of(Dimension.DEVICE, Dimension.BROWSER), 10);

        // s1 lasts from minute 0 to minute 1 and 30 s, s2 30 s.
        assertThat(byDevice).hasSize(2);
        assertRow(byDevice.get(0), List.of("MOBILE", "Safari"), 2, 1, 3, (90_000 + 30_000) / 2.0, (4_000 + 2_000) / 2.0);
        assertRow(byDevice.get(1), List.of("DESKTOP", "Chrome"), 1, 1, 1, 30_000, 0);

        // A session counts under every page key it visited; ties are ordered by value.
        List<BreakdownRow> byUrl = dashboard().breakdown(window(), List.of(Dimension.URL), 10);
        assertThat(byUrl).extracting(BreakdownRow::values)
                .containsExactly(List.of("shop.example/home"), List.of("shop.example/product"));
        assertRow(byUrl.get(0), List.of("shop.example/home"), 2, 2, 3, (90_000 + 30_000) / 2.0, 4_000 / 2.0);
        assertRow(byUrl.get(1), List.of("shop.example/product"), 2, 1, 3, (90_000 + 30_000) / 2.0, 6_000 / 2.0);

        List<BreakdownRow> three = dashboard().breakdown(window().with(new SessionCondition.Text(Attribute.DEVICE,
                TextMatch.equalTo("mobile"))), List.of(Dimension.URL, Dimension.OS, Dimension.COUNTRY), 1);
        assertThat(three).hasSize(1);
        assertRow(three.get(0), List.of("shop.example/product", "Linux", "DE"), 2, 1, 3, (90_000 + 30_000) / 2.0,
                6_000 / 2.0);
    }

    private static void assertRow(BreakdownRow row, List<String> values, long sessions, long visitors, long pageViews,
                                  double avgDurationMs, double avgActiveMs) {
        assertThat(row.values()).isEqualTo(values);
        assertThat(row.sessions()).as("sessions of " + values).isEqualTo(sessions);
        assertThat(row.visitors()).as("visitors of " + values).isEqualTo(visitors);
        assertThat(row.pageViews()).as("page views of " + values).isEqualTo(pageViews);
        assertThat(row.avgDurationMs()).as("duration of " + values).isCloseTo(avgDurationMs, within(1e-6));
        assertThat(row.avgActiveMs()).as("active time of " + values).isCloseTo(avgActiveMs, within(1e-6));
    }

    // ---- funnels ----

    private static final List<FunnelStep> CHECKOUT = List.of(
            new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.CONTAINS, "/product")),
            new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.ENDS_WITH, "/CART")),
            new FunnelStep(FunnelStep.Kind.EVENT, TextMatch.equalTo("purchase")));

    @Test
    void aFunnelStepCountsOnlyWhenDoneStrictlyAfterThePreviousStep() {
        store.write(List.of(
                page("all", 1, "/product/1", 0).build(),
                page("all", 2, "/cart", 1).customEvent(5_000, "purchase").build(),
                page("cart-first", 1, "/cart", 0).build(),
                page("cart-first", 2, "/product/1", 1).build(),
                page("bought-early", 1, "/product/1", 0).customEvent(1_000, "purchase").build(),
                page("bought-early", 2, "/cart", 1).build(),
                page("same-moment", 1, "/product/2", 0).build(),
                page("same-moment", 2, "/cart", 1).customEvent(0, "purchase").build(),
                page("back-and-forth", 1, "/cart", 0).build(),
                page("back-and-forth", 2, "/product/3", 1).build(),
                page("back-and-forth", 3, "/cart", 2).build(),
                page("back-and-forth", 4, "/product/4", 3).customEvent(2_000, "purchase").build(),
                page("nothing", 1, "/home", 0).customEvent(1_000, "purchase").build()));

        FunnelReport report = dashboard().funnel(window(), CHECKOUT);

        assertThat(report.steps()).extracting(FunnelReport.Step::reached).containsExactly(5L, 4L, 2L);
        assertThat(report.steps()).extracting(FunnelReport.Step::dropped).containsExactly(1L, 2L, 0L);
        assertThat(ids(window().with(new SessionCondition.DroppedAfter(CHECKOUT, 1)))).containsExactly("cart-first");
        assertThat(ids(window().with(new SessionCondition.DroppedAfter(CHECKOUT, 2))))
                .containsExactly("bought-early", "same-moment");
        assertThat(ids(window().with(new SessionCondition.DroppedAfter(CHECKOUT, 3))))
                .containsExactly("all", "back-and-forth");
    }

    @Test
    void aFunnelCountsOnlyTheFiltersSessionsAndAStepMayRepeatAnEarlierOne() {
        store.write(List.of(
                page("twice", 1, "/product/1", 0).device(DeviceClass.MOBILE).build(),
                page("twice", 2, "/product/2", 1).device(DeviceClass.MOBILE).build(),
                page("once", 1, "/product/1", 0).device(DeviceClass.MOBILE).build(),
                page("desktop", 1, "/product/1", 0).build(),
                page("desktop", 2, "/product/2", 1).build()));
        FunnelStep product = CHECKOUT.get(0);
        SessionFilter mobile = window().with(new SessionCondition.Text(Attribute.DEVICE, TextMatch.equalTo("MOBILE")));

        FunnelReport report = dashboard().funnel(mobile, List.of(product, product));

        assertThat(report.steps()).extracting(FunnelReport.Step::reached).containsExactly(2L, 1L);
        assertThat(report.steps()).extracting(FunnelReport.Step::dropped).containsExactly(1L, 0L);
        assertThat(ids(mobile.with(new SessionCondition.DroppedAfter(List.of(product, product), 1))))
                .containsExactly("once");
    }

    // ---- conditions ----

    @Test
    void pageConditionsLookAtAnyTheFirstOrTheLastPageByUrlOrKey() {
        store.write(List.of(
                page("a", 1, "/home", 0).build(), page("a", 2, "/product/1?ref=Mail", 1).build(),
                page("a", 3, "/cart", 2).build(),
                page("b", 1, "/product/1", 0).build(), page("b", 2, "/home", 1).build(),
                page("c", 1, "/cart", 0).build()));

        assertThat(ids(window().with(new SessionCondition.PageKey(UrlScope.VISITED, "shop.example/home"))))
                .containsExactly("a", "b");
        assertThat(ids(window().with(new SessionCondition.PageKey(UrlScope.ENTRY, "shop.example/cart"))))
                .containsExactly("c");
        assertThat(ids(window().with(new SessionCondition.PageKey(UrlScope.EXIT, "shop.example/cart"))))
                .containsExactly("a", "c");
        assertThat(ids(window().with(new SessionCondition.PageUrl(UrlScope.EXIT,
                new TextMatch(TextMatch.Operator.NOT_EQUALS, SITE + "/CART"))))).containsExactly("b");
        assertThat(ids(window().with(new SessionCondition.PageUrl(UrlScope.ENTRY,
                new TextMatch(TextMatch.Operator.NOT_EQUALS, SITE + "/home"))))).containsExactly("b", "c");
        assertThat(ids(window().with(new SessionCondition.PageUrl(UrlScope.VISITED,
                new TextMatch(TextMatch.Operator.NOT_EQUALS, SITE + "/HOME"))))).containsExactly("c");
        // A regular expression decides case itself.
        assertThat(ids(window().with(new SessionCondition.PageUrl(UrlScope.VISITED,
                new TextMatch(TextMatch.Operator.REGEX, "ref=mail$"))))).isEmpty();
        assertThat(ids(window().with(new SessionCondition.PageUrl(UrlScope.VISITED,
                new TextMatch(TextMatch.Operator.REGEX, "(?i)ref=mail$"))))).containsExactly("a");
    }

    @Test
    void sessionTextsAndMeasuresAreComparedAsTheFilterSays() {
        store.write(List.of(
                page("ad", 1, "/home", 0).acquisition(new Acquisition(SITE + "/home?utm_term=shoes",
                        "https://www.google.com/search", "www.google.com", Channel.PAID, "google", "cpc",
                        "spring", "shoes", "banner-A")).country("FR").activeMs(12_000).maxScrollPermille(400)
                        .click(100, "#buy", "Buy now").build(),
                page("ad", 2, "/product", 1).maxScrollPermille(900).build(),
                page("plain", 1, "/home", 0).activeMs(3_000).maxScrollPermille(200).build()));

        assertThat(ids(window().with(new SessionCondition.Text(Attribute.UTM_TERM, TextMatch.equalTo("SHOES")))))
                .containsExactly("ad");
        assertThat(ids(window().with(new SessionCondition.Text(Attribute.UTM_CONTENT,
                new TextMatch(TextMatch.Operator.STARTS_WITH, "banner"))))).containsExactly("ad");
        assertThat(ids(window().with(new SessionCondition.Text(Attribute.REFERRER_HOST,
                new TextMatch(TextMatch.Operator.ENDS_WITH, "google.com"))))).containsExactly("ad");
        assertThat(ids(window().with(new SessionCondition.Text(Attribute.COUNTRY,
                new TextMatch(TextMatch.Operator.NOT_EQUALS, "fr"))))).containsExactly("plain");
        assertThat(ids(window().with(new SessionCondition.Range(SessionCondition.Measure.ACTIVE_MS, 3_000, 11_999))))
                .containsExactly("plain");
        assertThat(ids(window().with(new SessionCondition.Range(SessionCondition.Measure.SCROLL_PERMILLE, 900, 1000))))
                .containsExactly("ad");
        assertThat(ids(window().with(new SessionCondition.Range(SessionCondition.Measure.PAGES, 2, 2))))
                .containsExactly("ad");
        assertThat(ids(window().with(new SessionCondition.ClickedElement(SessionCondition.ClickTarget.TEXT,
                new TextMatch(TextMatch.Operator.CONTAINS, "BUY"))))).containsExactly("ad");
        assertThat(dashboard().figures(window().with(new SessionCondition.Text(Attribute.CHANNEL,
                TextMatch.equalTo("paid")))).sessions()).isEqualTo(1);
    }

    // ---- insights and the frustration sort ----

    @Test
    void theFrustrationSortPutsMoreSignsOfFrustrationFirstAndLeavesAbandonedFormsOut() {
        store.write(List.of(page("s-rage", 1, "/a", 0).build(), page("s-dead", 1, "/a", 1).build(),
                page("s-form", 1, "/a", 2).build(), page("s-none", 1, "/a", 3).build()));
        analyse(Map.of(
                "s-rage", List.of(InsightKind.RAGE_CLICK, InsightKind.RAGE_CLICK, InsightKind.RAGE_CLICK),
                "s-dead", List.of(InsightKind.DEAD_CLICK, InsightKind.JS_ERROR),
                "s-form", List.of(InsightKind.FORM_ABANDON, InsightKind.FORM_ABANDON, InsightKind.FORM_ABANDON,
                        InsightKind.FORM_ABANDON)));

        List<String> expected = List.of("s-rage", "s-dead", "s-form", "s-none");
        assertThat(dashboard().sessions(window(), SessionSort.FRUSTRATION, 10, 0).sessions())
                .extracting(SessionSummary::sessionId).containsExactlyElementsOf(expected);
        assertThat(store.sessions(new SessionQuery(PROJECT, FROM, TO, false, SessionSort.FRUSTRATION, 10, 0))
                .sessions()).extracting(SessionSummary::sessionId).containsExactlyElementsOf(expected);
        assertThat(dashboard().sessions(window(), SessionSort.FRUSTRATION, 2, 1).sessions())
                .extracting(SessionSummary::sessionId).containsExactly("s-dead", "s-form");

        Map<InsightKind, Long> rates = dashboard().figures(window()).insightSessions();
        assertThat(rates).containsEntry(InsightKind.RAGE_CLICK, 1L).containsEntry(InsightKind.DEAD_CLICK, 1L)
                .containsEntry(InsightKind.JS_ERROR, 1L).containsEntry(InsightKind.FORM_ABANDON, 1L)
                .containsEntry(InsightKind.QUICK_BACK, 0L).hasSize(InsightKind.values().length);
        assertThat(ids(window().with(new SessionCondition.Insight(InsightKind.FORM_ABANDON, false))))
                .containsExactly("s-dead", "s-none", "s-rage");
    }

    /** Analyses every pending page view, with these insight kinds for the sessions named. */
    private void analyse(Map<String, List<InsightKind>> kinds) {
        for (PendingPageView pending : store.insights().pending(FAR_FUTURE, FAR_FUTURE, 1000)) {
            PageActivity activity = store.insights().activity(List.of(pending), Duration.ofDays(30)).get(0);
            List<InsightEvent> events = new ArrayList<>();
            List<InsightKind> sessionKinds = kinds.getOrDefault(pending.sessionId(), List.of());
            for (int i = 0; i < sessionKinds.size(); i++) {
                InsightKind kind = sessionKinds.get(i);
                events.add(new InsightEvent(kind, pending.pageNumber(), activity.page().startedAt().plusMillis(100L * i),
                        "#el" + i, activity.page().pageKey(), 1, kind.name(), 10, 20, 5000, 5000));
            }
            store.insights().save(List.of(new PageInsights(activity.pending(), activity.page().startedAt(),
                    activity.page().pageKey(), activity.deviceClass(), activity.bot(), 0, events, List.of())));
        }
    }

    // ---- figures ----

    @Test
    void botsAreOnlyCountedAndTheirConditionsApplyToThatCount() {
        store.write(List.of(page("person", 1, "/home", 0).build(),
                page("crawler", 1, "/home", 1).bot(true).build(),
                page("crawler-2", 1, "/cart", 2).bot(true).build()));

        DashboardFigures figures = dashboard().figures(window());
        assertThat(figures.sessions()).isEqualTo(1);
        assertThat(figures.botSessions()).isEqualTo(2);
        assertThat(dashboard().figures(window().with(new SessionCondition.PageKey(UrlScope.VISITED,
                "shop.example/cart"))).botSessions()).isEqualTo(1);
        assertThat(ids(window().botsOnly())).containsExactly("crawler", "crawler-2");
        assertThat(dashboard().figures(window().botsOnly()).topPages())
                .containsExactly(new Count("shop.example/cart", 1), new Count("shop.example/home", 1));
    }

    @Test
    void aWeekHasADailyPointPerDayAndAnEmptySelectionHasZeroFigures() {
        store.write(List.of(page("s1", 1, "/home", 0).build(), page("s2", 1, "/home", 60 * 24 * 2).visitor("v2").build(),
                page("s3", 1, "/home", 60 * 24 * 2 + 5).build()));
        Instant monday = T0.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        SessionFilter week = SessionFilter.of(PROJECT, monday, monday.plus(Duration.ofDays(7)));

        DashboardFigures figures = dashboard().figures(week);

        assertThat(figures.bucket()).isEqualTo(DashboardFigures.Bucket.DAY);
        assertThat(figures.series()).hasSize(7);
        assertThat(figures.series()).extracting(DashboardFigures.Point::sessions)
                .containsExactly(1L, 0L, 2L, 0L, 0L, 0L, 0L);
        assertThat(figures.series().get(2)).isEqualTo(new DashboardFigures.Point(monday.plus(Duration.ofDays(2)), 2, 2));
        assertThat(figures.newSessions()).isEqualTo(2);
        assertThat(figures.returningSessions()).isEqualTo(1);

        DashboardFigures none = dashboard().figures(week.with(new SessionCondition.CustomEvent("never", true)));
        assertThat(none.sessions()).isZero();
        assertThat(none.visitors()).isZero();
        assertThat(none.pageViews()).isZero();
        assertThat(none.avgDurationMs()).isZero();
        assertThat(none.avgScrollPermille()).isZero();
        assertThat(none.topPages()).isEmpty();
        assertThat(none.browsers()).isEmpty();
        assertThat(none.series()).hasSize(7).allMatch(point -> point.sessions() == 0 && point.visitors() == 0);
        assertThat(dashboard().sessions(week.with(new SessionCondition.CustomEvent("never", true)),
                SessionSort.DURATION, 10, 0).total()).isZero();
    }

    @Test
    void listsHoldTheTwentyMostFrequentValuesTiesInValueOrder() {
        List<dev.sightline.contract.store.BatchRows> batches = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            batches.add(page("s" + i, 1, "/p", i).browser(String.format("B%02d", i), "1").build());
        }
        batches.add(page("extra", 1, "/p", 30).browser("B21", "1").build());
        store.write(batches);

        List<Count> browsers = dashboard().figures(window()).browsers();

        assertThat(browsers).hasSize(DashboardFigures.TOP);
        assertThat(browsers.get(0)).isEqualTo(new Count("B21", 2));
        assertThat(browsers.subList(1, DashboardFigures.TOP)).extracting(Count::value)
                .containsExactly("B00", "B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09", "B10", "B11",
                        "B12", "B13", "B14", "B15", "B16", "B17", "B18");
    }
}
