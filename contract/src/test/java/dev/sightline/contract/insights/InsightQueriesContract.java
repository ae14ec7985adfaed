package dev.sightline.contract.insights;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.SessionSummary;
import dev.sightline.contract.store.TimelineMarker;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.FieldInteraction;
import dev.sightline.contract.wire.FormSubmit;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.ScriptError;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.contract.wire.Visibility;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link EventStore}'s {@link InsightQueries} must do: queue page views for analysis as
 * their uploads are written, hand out their stored streams, keep results idempotent per page view,
 * and report rates, errors and forms. A back end extends this class and says how to open itself.
 */
public abstract class InsightQueriesContract {

    protected static final String PROJECT = "project-a";
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
    private static final Duration NORM_WINDOW = Duration.ofDays(30);

    @TempDir
    protected Path dataDir;

    private EventStore store;

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

    private InsightQueries insights() {
        return store.insights();
    }

    private List<PendingPageView> allPending() {
        return insights().pending(FAR_FUTURE, FAR_FUTURE, 1000);
    }

    private PageActivity activityOf(String sessionId, int page) {
        PendingPageView pending = allPending().stream()
                .filter(p -> p.sessionId().equals(sessionId) && p.pageNumber() == page).findFirst()
                .orElseThrow(() -> new AssertionError("page " + page + " of " + sessionId + " is not pending"));
        return insights().activity(List.of(pending), NORM_WINDOW).get(0);
    }

    private static PageInsights result(PageActivity activity, int scrollReversals, List<InsightEvent> events,
                                       List<FormVisit> forms) {
        return new PageInsights(activity.pending(), activity.page().startedAt(), activity.page().pageKey(),
                activity.deviceClass(), activity.bot(), scrollReversals, events, forms);
    }

    private static InsightEvent event(InsightKind kind, int page, Instant at, String selector, String pageKey) {
        return new InsightEvent(kind, page, at, selector, pageKey, 1, kind.name().toLowerCase() + " on " + selector,
                10, 20, 5000, 5000);
    }

    private void saveAll(List<PageInsights> results) {
        insights().save(results);
    }

    /** Analyses every pending page view with the given events (by page number) and no forms. */
    private void saveEvents(String sessionId, Map<Integer, List<InsightEvent>> eventsByPage) {
        for (PendingPageView pending : allPending()) {
            if (pending.sessionId().equals(sessionId)) {
                PageActivity activity = insights().activity(List.of(pending), NORM_WINDOW).get(0);
                saveAll(List.of(result(activity, 0, eventsByPage.getOrDefault(pending.pageNumber(), List.of()),
                        List.of())));
            }
        }
    }

    private SessionQuery sessionsWith(Optional<InsightKind> insight) {
        return new SessionQuery(PROJECT, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), false,
                SessionSort.START_TIME, 100, 0, insight);
    }

    // ---- the pending list ----

    @Test
    void aWrittenPageViewWaitsForAnalysisUntilItEndedOrWentQuiet() {
        Instant received = T0.plusSeconds(5);
        store.write(List.of(batch(PROJECT, "s1").click(100, "#a").receivedAt(received).build(),
                batch(PROJECT, "s2").click(100, "#b").receivedAt(received).ended(true).build()));

        assertThat(insights().pending(received, received, 10)).isEmpty();
        assertThat(insights().pending(received.plusMillis(1), received, 10))
                .extracting(PendingPageView::sessionId).containsExactly("s2");
        assertThat(insights().pending(received, received.plusMillis(1), 10))
                .extracting(PendingPageView::sessionId).containsExactlyInAnyOrder("s1", "s2");
        PendingPageView ended = insights().pending(received.plusMillis(1), received, 10).get(0);
        assertThat(ended.ended()).isTrue();
        assertThat(ended.lastReceivedAt()).isEqualTo(received);
        assertThat(ended.pageNumber()).isEqualTo(1);
    }

    @Test
    void aBatchWrittenAgainIsNotQueuedAgain() {
        BatchRows upload = batch(PROJECT, "s1").click(100, "#a").build();
        store.write(List.of(upload));
        store.write(List.of(upload));

        assertThat(allPending()).singleElement().satisfies(p -> assertThat(p.marks()).isEqualTo(1));
    }

    @Test
    void aPageViewsFirstUploadQueuesThePageViewBeforeItAsEnded() {
        store.write(List.of(batch(PROJECT, "s1").page(1).receivedAt(T0).build()));
        saveAll(List.of(result(activityOf("s1", 1), 0, List.of(), List.of())));

        store.write(List.of(batch(PROJECT, "s1").page(2).sequence(0).receivedAt(T0.plusSeconds(9)).build()));

        assertThat(insights().pending(T0.plusSeconds(10), T0, 10)).extracting(PendingPageView::pageNumber)
                .containsExactly(1);
        assertThat(activityOf("s1", 1).next()).hasValueSatisfying(next -> assertThat(next.pageNumber()).isEqualTo(2));
    }

    @Test
    void aPageViewThatWasNeverStoredIsNotOfferedForAnalysis() {
        store.write(List.of(batch(PROJECT, "s1").page(3).build()));

        assertThat(allPending()).extracting(PendingPageView::pageNumber).containsExactly(3);
    }

    @Test
    void theLongestWaitingPageViewsComeFirstUpToTheLimit() {
        store.write(List.of(batch(PROJECT, "late").receivedAt(T0.plusSeconds(30)).build(),
                batch(PROJECT, "early").receivedAt(T0.plusSeconds(10)).build(),
                batch(PROJECT, "middle").receivedAt(T0.plusSeconds(20)).build()));

        assertThat(insights().pending(FAR_FUTURE, FAR_FUTURE, 2)).extracting(PendingPageView::sessionId)
                .containsExactly("early", "middle");
    }

    // ---- activity ----

    @Test
    void activityHoldsThePageViewsStreamsInTimeOrderRelativeToItsStart() {
        Click click = new Click(400, 12, 34, "#buy", 2500, 7500, "button", "Buy", Click.REACTIVE, 120, 40);
        store.write(List.of(batch(PROJECT, "s1").url("https://shop.example/cart?x=1").pageKey("https://shop.example/cart")
                .viewport(1280, 700).device(DeviceClass.MOBILE).bot(true).ended(true)
                .event(new Scroll(300, 0, 640, 2400, 700)).event(click)
                .event(new ScriptError(500, "TypeError: x", "https://shop.example/app.js", 3, 9, 0))
                .event(new FieldInteraction(600, FieldInteraction.FOCUS, "#email", "#signup", "email"))
                .event(new FormSubmit(700, "#signup")).event(new Request(450)).event(new Visibility(800, 0))
                .pageChange(410, 520, 3).pageChange(900, 900, 1)
                .build()));

        PageActivity activity = activityOf("s1", 1);

        assertThat(activity.page().url()).isEqualTo("https://shop.example/cart?x=1");
        assertThat(activity.page().pageKey()).isEqualTo("https://shop.example/cart");
        assertThat(activity.page().startedAt()).isEqualTo(T0);
        assertThat(activity.page().ended()).isTrue();
        assertThat(activity.page().viewportHeight()).isEqualTo(700);
        assertThat(activity.page().lastClick()).contains(click);
        assertThat(activity.deviceClass()).isEqualTo(DeviceClass.MOBILE);
        assertThat(activity.bot()).isTrue();
        assertThat(activity.earlier()).isEmpty();
        assertThat(activity.clicks()).containsExactly(click);
        assertThat(activity.scrolls()).containsExactly(new Scroll(300, 0, 640, 2400, 700));
        assertThat(activity.errors()).containsExactly(new ScriptError(500, "TypeError: x", "https://shop.example/app.js", 3, 9, 0));
        assertThat(activity.fields()).containsExactly(new FieldInteraction(600, FieldInteraction.FOCUS, "#email", "#signup", "email"));
        assertThat(activity.submits()).containsExactly(new FormSubmit(700, "#signup"));
        assertThat(activity.requests()).containsExactly(new Request(450));
        assertThat(activity.visibility()).containsExactly(new Visibility(800, 0));
        assertThat(activity.changes()).containsExactly(new PageChangeRun(410, 520, 3), new PageChangeRun(900, 900, 1));
        assertThat(activity.norm()).isEqualTo(ScrollNorm.NONE);
    }

    @Test
    void activityNamesTheTwoPageViewsBeforeWithTheirLastClicks() {
        store.write(List.of(
                batch(PROJECT, "s1").page(1).url("https://shop.example/a").click(100, "#first").click(900, "#to-b").build(),
                batch(PROJECT, "s1").page(2).url("https://shop.example/b").click(200, "#to-a").build(),
                batch(PROJECT, "s1").page(3).url("https://shop.example/a").build()));

        PageActivity third = activityOf("s1", 3);

        assertThat(third.earlier()).extracting(VisitedPage::pageNumber).containsExactly(2, 1);
        assertThat(third.earlier().get(0).lastClick()).hasValueSatisfying(c -> assertThat(c.selector()).isEqualTo("#to-a"));
        assertThat(third.earlier().get(1).lastClick()).hasValueSatisfying(c -> assertThat(c.selector()).isEqualTo("#to-b"));
        assertThat(third.earlier().get(1).url()).isEqualTo("https://shop.example/a");
        assertThat(third.clicks()).isEmpty();
        assertThat(third.next()).isEmpty();
        assertThat(activityOf("s1", 1).earlier()).isEmpty();
        assertThat(activityOf("s1", 1).next()).hasValueSatisfying(next -> {
            assertThat(next.pageNumber()).isEqualTo(2);
            assertThat(next.url()).isEqualTo("https://shop.example/b");
        });
    }

    @Test
    void activityStopsAtAPageNumberThatWasNeverStored() {
        store.write(List.of(batch(PROJECT, "s1").page(1).build(), batch(PROJECT, "s1").page(3).build()));

        assertThat(activityOf("s1", 3).earlier()).isEmpty();
    }

    @Test
    void theScrollNormIsTheMedianOfEarlierAnalysedPageViewsOfThePageAndDevice() {
        int[] reversals = {2, 4, 9};
        for (int i = 0; i < reversals.length; i++) {
            store.write(List.of(batch(PROJECT, "seen-" + i).pageKey("https://shop.example/docs")
                    .pageStartedAt(T0.plusSeconds(i)).build()));
        }
        store.write(List.of(batch(PROJECT, "phone").pageKey("https://shop.example/docs").device(DeviceClass.MOBILE)
                .pageStartedAt(T0.plusSeconds(5)).build()));
        for (PendingPageView pending : allPending()) {
            PageActivity activity = insights().activity(List.of(pending), NORM_WINDOW).get(0);
            int index = pending.sessionId().startsWith("seen-") ? Integer.parseInt(pending.sessionId().substring(5)) : 0;
            saveAll(List.of(result(activity, pending.sessionId().equals("phone") ? 50 : reversals[index], List.of(),
                    List.of())));
        }
        store.write(List.of(batch(PROJECT, "new").pageKey("https://shop.example/docs").pageStartedAt(T0.plusSeconds(60))
                .build()));

        assertThat(activityOf("new", 1).norm()).isEqualTo(new ScrollNorm(3, 4));
    }

    // ---- saving results ----

    @Test
    void savingTakesThePageViewOffThePendingListAndReanalysingReplacesItsResults() {
        store.write(List.of(batch(PROJECT, "s1").click(100, "#a").build()));
        PageActivity activity = activityOf("s1", 1);
        Instant at = activity.page().startedAt().plusMillis(100);
        String key = activity.page().pageKey();

        saveAll(List.of(result(activity, 0, List.of(event(InsightKind.DEAD_CLICK, 1, at, "#a", key),
                event(InsightKind.RAGE_CLICK, 1, at, "#a", key)), List.of())));
        assertThat(allPending()).isEmpty();
        assertThat(insights().events(PROJECT, "s1")).extracting(InsightEvent::kind)
                .containsExactlyInAnyOrder(InsightKind.DEAD_CLICK, InsightKind.RAGE_CLICK);

        saveAll(List.of(result(activity, 0, List.of(event(InsightKind.DEAD_CLICK, 1, at, "#a", key)), List.of())));
        assertThat(insights().events(PROJECT, "s1")).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(InsightKind.DEAD_CLICK);
            assertThat(e.at()).isEqualTo(at);
            assertThat(e.selector()).isEqualTo("#a");
            assertThat(e.x()).isEqualTo(10);
            assertThat(e.relY()).isEqualTo(5000);
        });
        assertThat(insights().sessionCounts(PROJECT, List.of("s1")))
                .isEqualTo(Map.of("s1", Map.of(InsightKind.DEAD_CLICK, 1)));
    }

    @Test
    void aPageViewWrittenToDuringItsAnalysisStaysPending() {
        store.write(List.of(batch(PROJECT, "s1").sequence(0).click(100, "#a").build()));
        PageActivity activity = activityOf("s1", 1);
        store.write(List.of(batch(PROJECT, "s1").sequence(1).click(2000, "#b").build()));

        saveAll(List.of(result(activity, 0, List.of(), List.of())));

        assertThat(allPending()).singleElement().satisfies(p -> assertThat(p.marks()).isEqualTo(2));
        saveAll(List.of(result(activityOf("s1", 1), 0, List.of(), List.of())));
        assertThat(allPending()).isEmpty();
    }

    @Test
    void eventsProducedByOnePageViewMayBelongToAnEarlierOneAndAreReplacedWithTheirSource() {
        store.write(List.of(batch(PROJECT, "s1").page(1).build(), batch(PROJECT, "s1").page(2).build(),
                batch(PROJECT, "s1").page(3).build()));
        PageActivity third = activityOf("s1", 3);
        InsightEvent quickBack = event(InsightKind.QUICK_BACK, 2, third.page().startedAt(), "", "https://shop.example/page-2");
        saveAll(List.of(result(third, 0, List.of(quickBack), List.of())));
        saveAll(List.of(result(activityOf("s1", 2), 0, List.of(), List.of())));

        assertThat(insights().events(PROJECT, "s1")).containsExactly(quickBack);

        saveAll(List.of(result(third, 0, List.of(), List.of())));
        assertThat(insights().events(PROJECT, "s1")).isEmpty();
        assertThat(insights().sessionCounts(PROJECT, List.of("s1"))).isEmpty();
    }

    @Test
    void insightsSurviveCloseAndReopen() {
        store.write(List.of(batch(PROJECT, "s1").click(100, "#a").build(), batch(PROJECT, "s2").build()));
        PageActivity activity = activityOf("s1", 1);
        saveAll(List.of(result(activity, 0, List.of(event(InsightKind.RAGE_CLICK, 1,
                activity.page().startedAt().plusMillis(100), "#a", activity.page().pageKey())), List.of())));

        store.close();
        store = openStore(dataDir);

        assertThat(insights().events(PROJECT, "s1")).extracting(InsightEvent::kind).containsExactly(InsightKind.RAGE_CLICK);
        assertThat(allPending()).extracting(PendingPageView::sessionId).containsExactly("s2");
    }

    // ---- what the dashboard reads ----

    @Test
    void theRecordingsListFiltersBySessionsWithAnInsight() {
        store.write(List.of(batch(PROJECT, "rage").click(100, "#a").build(), batch(PROJECT, "calm").click(100, "#a").build(),
                batch(PROJECT, "unanalysed").click(100, "#a").build()));
        saveEvents("rage", Map.of(1, List.of(event(InsightKind.RAGE_CLICK, 1, T0.plusMillis(100), "#a", "k"),
                event(InsightKind.RAGE_CLICK, 1, T0.plusMillis(900), "#a", "k"))));
        saveEvents("calm", Map.of());

        assertThat(store.sessions(sessionsWith(Optional.of(InsightKind.RAGE_CLICK))).sessions())
                .extracting(SessionSummary::sessionId).containsExactly("rage");
        assertThat(store.sessions(sessionsWith(Optional.of(InsightKind.DEAD_CLICK))).total()).isZero();
        assertThat(store.sessions(sessionsWith(Optional.empty())).total()).isEqualTo(3);
        assertThat(insights().sessionCounts(PROJECT, List.of("rage", "calm", "unanalysed", "missing")))
                .isEqualTo(Map.of("rage", Map.of(InsightKind.RAGE_CLICK, 2)));
    }

    @Test
    void insightsAreMarkersOnTheSessionsTimelineExceptJavaScriptErrorsWhichAreThereAlready() {
        store.write(List.of(batch(PROJECT, "s1").click(100, "#a").error(300, "TypeError: boom").build()));
        saveEvents("s1", Map.of(1, List.of(
                new InsightEvent(InsightKind.ERROR_CLICK, 1, T0.plusMillis(100), "#a", "k", 1, "#a → TypeError: boom", 0, 0, 0, 0),
                new InsightEvent(InsightKind.JS_ERROR, 1, T0.plusMillis(300), "", "k", 1, "TypeError: boom", 0, 0, 0, 0))));

        List<TimelineMarker> markers = store.session(PROJECT, "s1").orElseThrow().markers();

        assertThat(markers).extracting(TimelineMarker::kind).containsExactly(TimelineMarker.Kind.PAGE,
                TimelineMarker.Kind.CLICK, TimelineMarker.Kind.ERROR_CLICK, TimelineMarker.Kind.ERROR);
        assertThat(markers.get(2).label()).isEqualTo("#a → TypeError: boom");
        assertThat(markers.get(2).at()).isEqualTo(T0.plusMillis(100));
    }

    @Test
    void theOverviewGivesEachInsightsShareOfSessionsAndWhereItHappenedMostLeavingBotsOut() {
        for (String id : List.of("a", "b", "c", "d")) {
            store.write(List.of(batch(PROJECT, id).click(100, "#x").build()));
        }
        store.write(List.of(batch(PROJECT, "robot").bot(true).click(100, "#x").build()));
        saveEvents("a", Map.of(1, List.of(event(InsightKind.DEAD_CLICK, 1, T0.plusMillis(100), "#x", "p1"),
                event(InsightKind.DEAD_CLICK, 1, T0.plusMillis(200), "#x", "p1"),
                event(InsightKind.DEAD_CLICK, 1, T0.plusMillis(300), "#y", "p1"))));
        saveEvents("b", Map.of(1, List.of(event(InsightKind.DEAD_CLICK, 1, T0.plusMillis(100), "#x", "p1"))));
        saveEvents("robot", Map.of(1, List.of(event(InsightKind.DEAD_CLICK, 1, T0.plusMillis(100), "#z", "p1"))));

        InsightOverview overview = insights().overview(PROJECT, T0.minusSeconds(60), T0.plusSeconds(60));

        assertThat(overview.sessions()).isEqualTo(4);
        InsightOverview.KindSummary dead = overview.kinds().get(InsightKind.DEAD_CLICK.ordinal());
        assertThat(dead.kind()).isEqualTo(InsightKind.DEAD_CLICK);
        assertThat(dead.sessions()).isEqualTo(2);
        assertThat(dead.events()).isEqualTo(4);
        assertThat(dead.rate(overview.sessions())).isEqualTo(0.5);
        assertThat(dead.hotspots()).containsExactly(new InsightOverview.Hotspot("p1", "#x", 3, 2),
                new InsightOverview.Hotspot("p1", "#y", 1, 1));
        assertThat(overview.kinds()).extracting(InsightOverview.KindSummary::kind).containsExactly(InsightKind.values());
        assertThat(overview.kinds().get(InsightKind.RAGE_CLICK.ordinal()).sessions()).isZero();
        assertThat(insights().overview(PROJECT, T0.plusSeconds(60), T0.plusSeconds(120)).sessions()).isZero();
    }

    @Test
    void javaScriptErrorsAreGroupedByMessageAndLocationWithTheirSessions() {
        store.write(List.of(
                batch(PROJECT, "s1").event(new ScriptError(100, "TypeError: a", "https://x/app.js", 10, 5, 0))
                        .event(new ScriptError(200, "TypeError: a", "https://x/app.js", 10, 5, 0))
                        .event(new ScriptError(300, "TypeError: a", "https://x/app.js", 99, 1, 0)).build(),
                batch(PROJECT, "s2").pageStartedAt(T0.plusSeconds(30))
                        .event(new ScriptError(100, "TypeError: a", "https://x/app.js", 10, 5, 0)).build(),
                batch(PROJECT, "bot").bot(true)
                        .event(new ScriptError(100, "TypeError: a", "https://x/app.js", 10, 5, 0)).build()));

        List<ErrorGroup> groups = insights().errorGroups(PROJECT, T0.minusSeconds(60), T0.plusSeconds(60), 10);

        assertThat(groups).hasSize(2);
        ErrorGroup top = groups.get(0);
        assertThat(top.message()).isEqualTo("TypeError: a");
        assertThat(top.line()).isEqualTo(10);
        assertThat(top.column()).isEqualTo(5);
        assertThat(top.occurrences()).isEqualTo(3);
        assertThat(top.sessions()).isEqualTo(2);
        assertThat(top.firstSeen()).isEqualTo(T0.plusMillis(100));
        assertThat(top.lastSeen()).isEqualTo(T0.plusSeconds(30).plusMillis(100));
        assertThat(top.recordings()).containsExactly(
                new ErrorGroup.Recording("s2", T0.plusSeconds(30), T0.plusSeconds(30).plusMillis(100)),
                new ErrorGroup.Recording("s1", T0, T0.plusMillis(100)));
        assertThat(groups.get(1).line()).isEqualTo(99);
        assertThat(insights().errorGroups(PROJECT, T0.minusSeconds(60), T0.plusSeconds(60), 1)).hasSize(1);
    }

    @Test
    void formsReportViewsStartsCompletionsAndPerFieldAbandonmentTimeAndRefills() {
        String page = "https://shop.example/signup";
        for (int i = 0; i < 4; i++) {
            store.write(List.of(batch(PROJECT, "v" + i).pageKey(page).build()));
        }
        FormVisit.FieldVisit name = new FormVisit.FieldVisit("#name", "text", 0, 4000, true, false);
        FormVisit.FieldVisit email = new FormVisit.FieldVisit("#email", "email", 1, 9000, true, true);
        FormVisit.FieldVisit emailFirst = new FormVisit.FieldVisit("#email", "email", 0, 2000, true, false);
        Map<String, List<FormVisit>> forms = Map.of(
                "v0", List.of(new FormVisit("#signup", true, true, "#email", List.of(name, email))),
                "v1", List.of(new FormVisit("#signup", true, false, "#email", List.of(name, email))),
                "v2", List.of(new FormVisit("#signup", true, false, "#email", List.of(emailFirst))),
                "v3", List.of());
        for (PendingPageView pending : allPending()) {
            PageActivity activity = insights().activity(List.of(pending), NORM_WINDOW).get(0);
            saveAll(List.of(result(activity, 0, List.of(), forms.get(pending.sessionId()))));
        }

        List<FormReport> reports = insights().forms(PROJECT, T0.minusSeconds(60), T0.plusSeconds(60));

        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.pageKey()).isEqualTo(page);
            assertThat(report.form()).isEqualTo("#signup");
            assertThat(report.views()).isEqualTo(4);
            assertThat(report.starts()).isEqualTo(3);
            assertThat(report.completions()).isEqualTo(1);
            assertThat(report.abandonments()).isEqualTo(2);
            assertThat(report.fields()).containsExactly(
                    new FormReport.FieldReport("#name", "text", 2, 0, 4000, 0),
                    new FormReport.FieldReport("#email", "email", 3, 2, 9000, 2));
        });
    }

    @Test
    void deletingASessionDeletesItsInsights() {
        store.write(List.of(batch(PROJECT, "s1").click(100, "#a").build(), batch(PROJECT, "s2").build()));
        saveEvents("s1", Map.of(1, List.of(event(InsightKind.DEAD_CLICK, 1, T0.plusMillis(100), "#a", "k"))));

        store.deleteSessions(PROJECT, List.of("s1", "s2"));

        assertThat(insights().events(PROJECT, "s1")).isEmpty();
        assertThat(insights().sessionCounts(PROJECT, List.of("s1"))).isEmpty();
        assertThat(allPending()).isEmpty();
        assertThat(insights().overview(PROJECT, T0.minusSeconds(60), T0.plusSeconds(60)).kinds()
                .get(InsightKind.DEAD_CLICK.ordinal()).sessions()).isZero();
    }

    @Test
    void anAnalysisSavedAfterItsSessionWasDeletedLeavesNothingOfIt() {
        store.write(List.of(batch(PROJECT, "s1").click(100, "#a").build(), batch(PROJECT, "s2").click(100, "#b").build()));
        PageActivity gone = activityOf("s1", 1);
        PageActivity kept = activityOf("s2", 1);
        Instant at = gone.page().startedAt().plusMillis(100);

        store.deleteSessions(PROJECT, List.of("s1"));
        saveAll(List.of(result(gone, 0, List.of(event(InsightKind.DEAD_CLICK, 1, at, "#a", gone.page().pageKey())), List.of()),
                result(kept, 0, List.of(event(InsightKind.RAGE_CLICK, 1, at, "#b", kept.page().pageKey())), List.of())));

        assertThat(insights().events(PROJECT, "s1")).isEmpty();
        assertThat(insights().sessionCounts(PROJECT, List.of("s1"))).isEmpty();
        assertThat(insights().overview(PROJECT, T0.minusSeconds(60), T0.plusSeconds(60)).kinds()
                .get(InsightKind.DEAD_CLICK.ordinal()).sessions()).isZero();
        assertThat(insights().events(PROJECT, "s2")).extracting(InsightEvent::kind).containsExactly(InsightKind.RAGE_CLICK);
    }
}
