package dev.sightline.contract.store;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.acquisition;
import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.TimelineMarker.Kind;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link EventStore} must do. A back end extends this class and says how to open itself
 * over a data directory; opening the same directory again must find everything written before.
 *
 * <p>Merge rules pinned here, beyond the Javadoc of the records: a session's (and a page view's)
 * "first" and "latest" batch are decided by batch key order (page number, then sequence), never by
 * write order, so replaying a log in any order gives the same result. New versus returning visitor is
 * decided by session start time (ties: smaller session id). Deleting a session forgets its batch keys.
 */
public abstract class EventStoreContract {

    protected static final String PROJECT = "project-a";
    protected static final String OTHER_PROJECT = "project-b";

    @TempDir
    protected Path dataDir;

    private EventStore store;

    /** Opens the store over the directory; called again on the same directory to test durability. */
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

    protected final EventStore store() {
        return store;
    }

    protected final void reopen() {
        store.close();
        store = null;
        store = openStore(dataDir);
    }

    /** Whether the batches of a test reach the store in one call or in one call each. */
    protected enum WriteMode {
        ONE_CALL, ONE_CALL_PER_BATCH;

        int write(EventStore store, List<BatchRows> batches) {
            if (this == ONE_CALL) {
                return store.write(batches);
            }
            int written = 0;
            for (BatchRows batch : batches) {
                written += store.write(List.of(batch));
            }
            return written;
        }
    }

    // ---- idempotence and durability ----

    @Test
    void aBatchWrittenTwiceIsStoredOnce() {
        BatchRows batch = batch(PROJECT, "s1").click(100, "#a").click(200, "#b").activeMs(900).build();

        assertThat(store.write(List.of(batch))).isEqualTo(1);
        assertThat(store.write(List.of(batch))).isEqualTo(0);

        SessionSummary summary = summary("s1");
        assertThat(summary.clicks()).isEqualTo(2);
        assertThat(summary.activeMs()).isEqualTo(900);
        assertThat(summary.pages()).isEqualTo(1);
    }

    @Test
    void writeReturnsHowManyOfTheBatchesWereNew() {
        BatchRows first = batch(PROJECT, "s1").sequence(0).click(100, "#a").build();
        BatchRows second = batch(PROJECT, "s1").sequence(1).click(200, "#b").build();
        BatchRows third = batch(PROJECT, "s2").click(300, "#c").build();

        assertThat(store.write(List.of(first, second))).isEqualTo(2);
        assertThat(store.write(List.of(first, third, second))).isEqualTo(1);

        assertThat(summary("s1").clicks()).isEqualTo(2);
        assertThat(summary("s2").clicks()).isEqualTo(1);
    }

    @Test
    void aBatchRepeatedWithinOneWriteIsStoredOnce() {
        BatchRows batch = batch(PROJECT, "s1").click(100, "#a").activeMs(500).build();
        BatchRows other = batch(PROJECT, "s1").sequence(1).click(200, "#b").activeMs(300).build();

        assertThat(store.write(List.of(batch, batch, other, batch))).isEqualTo(2);

        assertThat(summary("s1").clicks()).isEqualTo(2);
        assertThat(summary("s1").activeMs()).isEqualTo(800);
        assertThat(detail("s1").markers()).filteredOn(m -> m.kind() == Kind.CLICK).hasSize(2);
    }

    @Test
    void aBatchRepeatedDaysLaterIsStillSkipped() {
        store.write(List.of(batch(PROJECT, "s1").click(10, "#a").receivedAt(T0).build()));

        BatchRows again = batch(PROJECT, "s1").click(10, "#a").receivedAt(T0.plus(Duration.ofDays(10))).build();

        assertThat(store.write(List.of(again))).isZero();
        assertThat(summary("s1").clicks()).isEqualTo(1);
    }

    @Test
    void writingAnEmptyListWritesNothing() {
        assertThat(store.write(List.of())).isZero();
        assertThat(store.sessions(window(SessionSort.START_TIME)).total()).isZero();
    }

    @Test
    void writtenBatchesSurviveCloseAndReopen() {
        List<BatchRows> batches = List.of(
                batch(PROJECT, "s1").title("Home").acquisition(acquisition("https://shop.example/page-1", "",
                        Channel.DIRECT)).oneOfEachFact(100).activeMs(1_000).build(),
                batch(PROJECT, "s1").page(2).identify(50, "user-1").click(300, "#next").build());
        store.write(batches);
        SessionDetail before = detail("s1");

        reopen();

        assertThat(detail("s1")).isEqualTo(before);
        assertThat(store.write(batches)).as("keys are durable too").isZero();
        assertThat(detail("s1")).isEqualTo(before);
    }

    // ---- session merge ----

    @ParameterizedTest
    @EnumSource(WriteMode.class)
    void aSessionMergesAllItsBatches(WriteMode mode) {
        BatchRows page1First = batch(PROJECT, "s1").page(1).sequence(0)
                .pageStartedAt(T0).lastSeenAt(T0.plusSeconds(20)).activeMs(5_000)
                .device(DeviceClass.DESKTOP).browser("Chrome", "156").os("Linux").country("DE")
                .acquisition(acquisition("https://shop.example/page-1", "https://www.google.com/",
                        Channel.ORGANIC_SEARCH))
                .click(1_000, "#a").click(2_000, "#b").error(3_000, "boom").build();
        BatchRows page1Second = batch(PROJECT, "s1").page(1).sequence(1)
                .pageStartedAt(T0).lastSeenAt(T0.plusSeconds(40)).activeMs(7_000)
                .device(DeviceClass.MOBILE).browser("Safari", "18").os("iOS").country("FR")
                .click(30_000, "#c").identify(31_000, "user-1").build();
        BatchRows page2First = batch(PROJECT, "s1").page(2).sequence(0)
                .pageStartedAt(T0.plusSeconds(60)).lastSeenAt(T0.plusSeconds(90)).activeMs(3_000)
                .device(DeviceClass.TABLET).browser("Firefox", "140").os("Android").country("IT")
                .url("https://shop.example/cart").error(1_000, "bang").build();
        BatchRows page3 = batch(PROJECT, "s1").page(3).sequence(0)
                .pageStartedAt(T0.plusSeconds(100)).lastSeenAt(T0.plusSeconds(120)).activeMs(1_000)
                .device(DeviceClass.OTHER).browser("Edge", "150").os("Windows").country("US")
                .url("https://shop.example/checkout").identify(500, "user-2").build();
        BatchRows page2Second = batch(PROJECT, "s1").page(2).sequence(1)
                .pageStartedAt(T0.plusSeconds(60)).lastSeenAt(T0.plusSeconds(130)).activeMs(500)
                .device(DeviceClass.TABLET).browser("Firefox", "140").os("Android").country("IT")
                .url("https://shop.example/cart").click(65_000, "#d").build();

        // Written out of key order on purpose: first and latest are decided by key, not by arrival.
        assertThat(mode.write(store, List.of(page3, page1Second, page2Second, page2First, page1First))).isEqualTo(5);

        SessionSummary s = summary("s1");
        assertThat(s.projectId()).isEqualTo(PROJECT);
        assertThat(s.sessionId()).isEqualTo("s1");
        assertThat(s.visitorId()).isEqualTo("visitor-1");
        assertThat(s.startedAt()).as("earliest page start").isEqualTo(T0);
        assertThat(s.endedAt()).as("latest last-seen").isEqualTo(T0.plusSeconds(130));
        assertThat(s.durationMs()).isEqualTo(130_000);
        assertThat(s.pages()).as("distinct page views").isEqualTo(3);
        assertThat(s.clicks()).isEqualTo(4);
        assertThat(s.errors()).isEqualTo(2);
        assertThat(s.activeMs()).isEqualTo(16_500);
        assertThat(s.deviceClass()).as("visit of the first batch").isEqualTo(DeviceClass.DESKTOP);
        assertThat(s.browser()).isEqualTo("Chrome");
        assertThat(s.os()).isEqualTo("Linux");
        assertThat(s.country()).isEqualTo("DE");
        assertThat(s.bot()).isFalse();
        assertThat(s.entryUrl()).isEqualTo("https://shop.example/page-1");
        assertThat(s.referrer()).isEqualTo("https://www.google.com/");
        assertThat(s.channel()).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(s.exitUrl()).as("URL of the highest page").isEqualTo("https://shop.example/checkout");
        assertThat(s.userHash()).as("the latest identify").isEqualTo("user-2");
    }

    @Test
    void acquisitionComesFromTheBatchThatCarriesItWheneverItArrives() {
        store.write(List.of(batch(PROJECT, "s1").sequence(1).build()));
        assertThat(summary("s1").entryUrl()).isEmpty();

        store.write(List.of(batch(PROJECT, "s1").sequence(0)
                .acquisition(new Acquisition("https://shop.example/?utm_source=news", "https://mail.example/",
                        "mail.example", Channel.EMAIL, "news", "email", "spring", "shoes", "hero"))
                .build()));
        store.write(List.of(batch(PROJECT, "s1").page(2).build()));

        SessionSummary s = summary("s1");
        assertThat(s.entryUrl()).isEqualTo("https://shop.example/?utm_source=news");
        assertThat(s.referrer()).isEqualTo("https://mail.example/");
        assertThat(s.channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void aSessionContinuedDaysLaterIsStillOneSession() {
        store.write(List.of(batch(PROJECT, "s1").click(10, "#a").activeMs(100).receivedAt(T0).build()));

        store.write(List.of(
                batch(PROJECT, "s1").sequence(1).click(20, "#b").activeMs(200).receivedAt(T0.plus(Duration.ofDays(10)))
                        .build(),
                batch(PROJECT, "s2").receivedAt(T0.plus(Duration.ofDays(10))).build()));

        SessionSummary s = summary("s1");
        assertThat(s.clicks()).isEqualTo(2);
        assertThat(s.activeMs()).isEqualTo(300);
        assertThat(s.pages()).isEqualTo(1);
        assertThat(detail("s1").pages()).hasSize(1);
        assertThat(store.sessions(window(SessionSort.START_TIME)).total()).isEqualTo(2);
    }

    @Test
    void aSessionThatNeverIdentifiedHasNoUserHash() {
        store.write(List.of(batch(PROJECT, "s1").build(), batch(PROJECT, "s1").page(2).build()));

        assertThat(summary("s1").userHash()).isNull();
    }

    @Test
    void aLaterBatchWithoutIdentifyKeepsTheUserHash() {
        store.write(List.of(batch(PROJECT, "s1").identify(10, "user-1").build()));
        store.write(List.of(batch(PROJECT, "s1").sequence(1).click(20, "#a").build()));

        assertThat(summary("s1").userHash()).isEqualTo("user-1");
    }

    @Test
    void aBotSessionIsMarkedAsBot() {
        store.write(List.of(batch(PROJECT, "s1").bot(true).build()));

        assertThat(summary("s1").bot()).isTrue();
    }

    // ---- new versus returning visitors ----

    @ParameterizedTest
    @EnumSource(WriteMode.class)
    void aVisitorsEarliestSessionIsNewAndTheirLaterSessionsAreReturning(WriteMode mode) {
        BatchRows first = batch(PROJECT, "a-first").visitor("v1").pageStartedAt(T0).build();
        BatchRows second = batch(PROJECT, "b-second").visitor("v1").pageStartedAt(T0.plus(Duration.ofDays(1))).build();
        BatchRows third = batch(PROJECT, "c-third").visitor("v1").pageStartedAt(T0.plus(Duration.ofDays(2))).build();
        BatchRows stranger = batch(PROJECT, "d-stranger").visitor("v2").pageStartedAt(T0.plusSeconds(5)).build();

        // The later sessions arrive first: newness follows start time, not arrival.
        mode.write(store, List.of(third, second, stranger, first));

        assertThat(summary("a-first").newVisitor()).isTrue();
        assertThat(summary("b-second").newVisitor()).isFalse();
        assertThat(summary("c-third").newVisitor()).isFalse();
        assertThat(summary("d-stranger").newVisitor()).isTrue();
    }

    @Test
    void aSessionThatTurnsOutToHaveStartedEarlierBecomesTheVisitorsNewSession() {
        store.write(List.of(batch(PROJECT, "s-x").visitor("v1").pageStartedAt(T0.plusSeconds(7_200)).build()));
        store.write(List.of(batch(PROJECT, "s-y").visitor("v1").page(2).pageStartedAt(T0.plusSeconds(10_800)).build()));
        assertThat(summary("s-x").newVisitor()).isTrue();
        assertThat(summary("s-y").newVisitor()).isFalse();

        // s-y's first page was delayed: it really started before s-x.
        store.write(List.of(batch(PROJECT, "s-y").visitor("v1").page(1).pageStartedAt(T0.plusSeconds(3_600)).build()));

        assertThat(summary("s-y").newVisitor()).isTrue();
        assertThat(summary("s-x").newVisitor()).isFalse();
    }

    @Test
    void aVisitorComingBackMonthsLaterIsReturning() {
        Instant later = T0.plus(Duration.ofDays(90));
        store.write(List.of(batch(PROJECT, "s1").visitor("v1").pageStartedAt(T0).receivedAt(T0).build()));

        store.write(List.of(batch(PROJECT, "s2").visitor("v1").pageStartedAt(later).receivedAt(later).build()));

        assertThat(summary("s1").newVisitor()).isTrue();
        assertThat(summary("s2").newVisitor()).isFalse();
    }

    @Test
    void visitorsOfDifferentProjectsAreCountedApart() {
        store.write(List.of(batch(PROJECT, "s1").visitor("v1").pageStartedAt(T0).build()));
        store.write(List.of(batch(OTHER_PROJECT, "s2").visitor("v1").pageStartedAt(T0.plusSeconds(60)).build()));

        assertThat(summary("s1").newVisitor()).isTrue();
        assertThat(store.session(OTHER_PROJECT, "s2").orElseThrow().summary().newVisitor()).isTrue();
    }

    // ---- page views ----

    @ParameterizedTest
    @EnumSource(WriteMode.class)
    void aPageViewMergesTheFactsOfItsBatches(WriteMode mode) {
        BatchRows seq0 = batch(PROJECT, "s1").sequence(0).url("https://shop.example/pricing?ref=x")
                .pageKey("https://shop.example/pricing").pageStartedAt(T0).lastSeenAt(T0.plusSeconds(5))
                .activeMs(1_000).maxScrollPermille(200).documentHeight(2_000).viewport(1280, 720)
                .title("").referrer("https://ref.example/").build();
        BatchRows seq1 = batch(PROJECT, "s1").sequence(1).url("https://shop.example/pricing?ref=x")
                .pageKey("https://shop.example/pricing").pageStartedAt(T0).lastSeenAt(T0.plusSeconds(10))
                .activeMs(2_000).maxScrollPermille(600).documentHeight(2_600).viewport(1280, 720)
                .title("Pricing").referrer("").build();
        BatchRows seq2 = batch(PROJECT, "s1").sequence(2).url("https://shop.example/pricing?ref=x")
                .pageKey("https://shop.example/pricing").pageStartedAt(T0.minusSeconds(1)).lastSeenAt(T0.plusSeconds(8))
                .activeMs(500).maxScrollPermille(400).documentHeight(2_400).viewport(1280, 720)
                .title("Pricing, later").referrer("https://other.example/").build();

        mode.write(store, List.of(seq2, seq0, seq1));

        assertThat(detail("s1").pages()).containsExactly(new PageViewSummary(1, "https://shop.example/pricing?ref=x",
                "https://shop.example/pricing", "Pricing", "https://ref.example/", T0.minusSeconds(1),
                T0.plusSeconds(10), 3_500, 600, 1280, 720, 2_600));
    }

    @Test
    void pagesAreOrderedByPageNumber() {
        store.write(List.of(
                batch(PROJECT, "s1").page(3).build(),
                batch(PROJECT, "s1").page(1).build(),
                batch(PROJECT, "s1").page(2).build()));

        assertThat(detail("s1").pages()).extracting(PageViewSummary::pageNumber).containsExactly(1, 2, 3);
        assertThat(detail("s1").pages()).extracting(PageViewSummary::url).containsExactly(
                "https://shop.example/page-1", "https://shop.example/page-2", "https://shop.example/page-3");
    }

    // ---- the session detail ----

    @Test
    void anUnknownSessionIsEmpty() {
        assertThat(store.session(PROJECT, "nope")).isEmpty();
    }

    @Test
    void theDetailShowsPageClickErrorAndCustomEventMarkersInTimeOrder() {
        store.write(List.of(
                batch(PROJECT, "s1").page(2).pageStartedAt(T0.plusSeconds(60)).url("https://shop.example/b")
                        .click(500, "a.next").build(),
                batch(PROJECT, "s1").page(1).pageStartedAt(T0).url("https://shop.example/a")
                        .click(0, "#first")
                        .click(1_000, "#buy")
                        .error(1_500, "boom")
                        .click(2_000, "", "Read more")
                        .customEvent(2_500, "signup")
                        .tag(100, "plan", "free")
                        .event(new dev.sightline.contract.wire.Request(2_600))
                        .build()));

        assertThat(detail("s1").markers()).containsExactly(
                new TimelineMarker(Kind.PAGE, 1, T0, "https://shop.example/a"),
                new TimelineMarker(Kind.CLICK, 1, T0, "#first"),
                new TimelineMarker(Kind.CLICK, 1, T0.plusMillis(1_000), "#buy"),
                new TimelineMarker(Kind.ERROR, 1, T0.plusMillis(1_500), "boom"),
                new TimelineMarker(Kind.CLICK, 1, T0.plusMillis(2_000), "Read more"),
                new TimelineMarker(Kind.EVENT, 1, T0.plusMillis(2_500), "signup"),
                new TimelineMarker(Kind.PAGE, 2, T0.plusSeconds(60), "https://shop.example/b"),
                new TimelineMarker(Kind.CLICK, 2, T0.plusSeconds(60).plusMillis(500), "a.next"));
    }

    @Test
    void aSessionsClicksComeBackInTimeOrderWithTheirElementAnchors() {
        store.write(List.of(
                batch(PROJECT, "s1").page(2).pageStartedAt(T0.plusSeconds(60))
                        .event(new dev.sightline.contract.wire.Click(500, 30, 40, "a.next", 1234, 8765, "a", "Next", 9, 80, 20))
                        .build(),
                batch(PROJECT, "s1").page(1).pageStartedAt(T0).click(1_000, "#buy", "Buy").build(),
                batch(PROJECT, "other").click(10, "#elsewhere").build()));

        assertThat(store.clicks(PROJECT, "s1")).containsExactly(
                new StoredClick(1, T0.plusMillis(1_000), 100, 200, "#buy", 5000, 5000, "button", "Buy", 0, 120, 40),
                new StoredClick(2, T0.plusSeconds(60).plusMillis(500), 30, 40, "a.next", 1234, 8765, "a", "Next", 9, 80, 20));
        assertThat(store.clicks("another-project", "s1")).isEmpty();
        assertThat(store.clicks(PROJECT, "nope")).isEmpty();
    }

    @Test
    void tagsKeepTheLatestValueOfEachKey() {
        store.write(List.of(batch(PROJECT, "s1").page(2).pageStartedAt(T0.plusSeconds(60))
                .tag(200, "plan", "pro").tag(300, "cohort", "b").build()));
        store.write(List.of(batch(PROJECT, "s1").page(1).pageStartedAt(T0)
                .tag(100, "plan", "free").tag(150, "ab", "variant-2").build()));

        assertThat(detail("s1").tags()).isEqualTo(Map.of("plan", "pro", "cohort", "b", "ab", "variant-2"));
    }

    @Test
    void theDetailsSummaryIsTheListsSummary() {
        store.write(List.of(batch(PROJECT, "s1").click(10, "#a").build()));

        assertThat(store.sessions(window(SessionSort.START_TIME)).sessions()).containsExactly(summary("s1"));
    }

    // ---- listing sessions ----

    @Test
    void onlySessionsThatStartedInsideTheHalfOpenWindowAreListed() {
        Instant from = T0;
        Instant to = T0.plus(Duration.ofHours(1));
        store.write(List.of(
                batch(PROJECT, "before").pageStartedAt(from.minusMillis(1)).build(),
                batch(PROJECT, "at-from").pageStartedAt(from).build(),
                batch(PROJECT, "inside").pageStartedAt(to.minusMillis(1)).build(),
                batch(PROJECT, "at-to").pageStartedAt(to).build()));

        SessionList list = store.sessions(new SessionQuery(PROJECT, from, to, false, SessionSort.START_TIME, 10, 0));

        assertThat(list.sessions()).extracting(SessionSummary::sessionId).containsExactly("inside", "at-from");
        assertThat(list.total()).isEqualTo(2);
    }

    @Test
    void botSessionsAreLeftOutUnlessAskedFor() {
        store.write(List.of(
                batch(PROJECT, "human").pageStartedAt(T0).build(),
                batch(PROJECT, "robot").pageStartedAt(T0.plusSeconds(1)).bot(true).build()));

        SessionList withoutBots = store.sessions(window(SessionSort.START_TIME));
        SessionList withBots = store.sessions(new SessionQuery(PROJECT, T0.minus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(1)), true, SessionSort.START_TIME, 10, 0));

        assertThat(withoutBots.sessions()).extracting(SessionSummary::sessionId).containsExactly("human");
        assertThat(withoutBots.total()).isEqualTo(1);
        assertThat(withBots.sessions()).extracting(SessionSummary::sessionId).containsExactly("robot", "human");
        assertThat(withBots.total()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SessionSort.class)
    void everySortIsDescendingWithTiesBrokenBySessionId(SessionSort sort) {
        store.write(sessionShaped("s-a", T0, 10_000, 1, 1));
        store.write(sessionShaped("s-b", T0.plusSeconds(3_600), 30_000, 3, 2));
        store.write(sessionShaped("s-c", T0.plusSeconds(7_200), 20_000, 3, 1));
        store.write(sessionShaped("s-d", T0.plusSeconds(7_200), 5_000, 0, 2));

        List<String> expected = switch (sort) {
            case START_TIME -> List.of("s-c", "s-d", "s-b", "s-a");
            case DURATION -> List.of("s-b", "s-c", "s-a", "s-d");
            case CLICKS -> List.of("s-b", "s-c", "s-a", "s-d");
            case PAGES -> List.of("s-b", "s-d", "s-a", "s-c");
            case FRUSTRATION -> List.of("s-a", "s-b", "s-c", "s-d"); // no insights yet: all tie
        };
        assertThat(store.sessions(window(sort)).sessions()).extracting(SessionSummary::sessionId)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void limitAndOffsetPageThroughTheSessionsWhileTotalCountsThemAll() {
        for (int i = 0; i < 5; i++) {
            store.write(List.of(batch(PROJECT, "s" + i).pageStartedAt(T0.plusSeconds(i)).build()));
        }

        SessionList first = store.sessions(new SessionQuery(PROJECT, T0, T0.plusSeconds(60), false,
                SessionSort.START_TIME, 2, 0));
        SessionList last = store.sessions(new SessionQuery(PROJECT, T0, T0.plusSeconds(60), false,
                SessionSort.START_TIME, 2, 4));
        SessionList beyond = store.sessions(new SessionQuery(PROJECT, T0, T0.plusSeconds(60), false,
                SessionSort.START_TIME, 2, 10));

        assertThat(first.sessions()).extracting(SessionSummary::sessionId).containsExactly("s4", "s3");
        assertThat(first.total()).isEqualTo(5);
        assertThat(last.sessions()).extracting(SessionSummary::sessionId).containsExactly("s0");
        assertThat(last.total()).isEqualTo(5);
        assertThat(beyond.sessions()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void anotherProjectsSessionsNeverAppear() {
        store.write(List.of(
                batch(PROJECT, "mine").click(10, "#a").build(),
                batch(OTHER_PROJECT, "theirs").build(),
                batch(OTHER_PROJECT, "mine").click(10, "#x").click(20, "#y").build()));

        assertThat(store.sessions(window(SessionSort.START_TIME)).sessions())
                .extracting(SessionSummary::sessionId).containsExactly("mine");
        assertThat(store.session(PROJECT, "theirs")).isEmpty();
        assertThat(summary("mine").clicks()).as("same session id, other project").isEqualTo(1);
        assertThat(detail("mine").markers()).filteredOn(m -> m.kind() == Kind.CLICK)
                .extracting(TimelineMarker::label).containsExactly("#a");
    }

    // ---- retention ----

    @Test
    void sessionsStartedBeforeACutoffComeOldestFirstUpToTheLimit() {
        store.write(List.of(
                batch(PROJECT, "s3").pageStartedAt(T0.plusSeconds(3)).build(),
                batch(PROJECT, "s1").pageStartedAt(T0.plusSeconds(1)).build(),
                batch(PROJECT, "s2").pageStartedAt(T0.plusSeconds(2)).build(),
                batch(PROJECT, "s0").pageStartedAt(T0).build(),
                batch(OTHER_PROJECT, "old").pageStartedAt(T0.minusSeconds(60)).build()));

        assertThat(store.sessionsStartedBefore(PROJECT, T0.plusSeconds(3), 10)).containsExactly("s0", "s1", "s2");
        assertThat(store.sessionsStartedBefore(PROJECT, T0.plusSeconds(3), 2)).containsExactly("s0", "s1");
        assertThat(store.sessionsStartedBefore(PROJECT, T0, 10)).isEmpty();
    }

    @Test
    void deletedSessionsAreGoneFromEveryQuery() {
        store.write(List.of(
                batch(PROJECT, "doomed").oneOfEachFact(100).build(),
                batch(PROJECT, "doomed").page(2).click(10, "#x").build(),
                batch(PROJECT, "kept").pageStartedAt(T0.plusSeconds(5)).oneOfEachFact(100).build(),
                batch(OTHER_PROJECT, "doomed").build()));
        SessionDetail keptBefore = detail("kept");

        store.deleteSessions(PROJECT, List.of("doomed", "never-existed"));

        assertThat(store.session(PROJECT, "doomed")).isEmpty();
        assertThat(store.sessions(window(SessionSort.START_TIME)).sessions())
                .extracting(SessionSummary::sessionId).containsExactly("kept");
        assertThat(store.sessionsStartedBefore(PROJECT, T0.plus(Duration.ofDays(1)), 10)).containsExactly("kept");
        assertThat(detail("kept")).isEqualTo(keptBefore);
        assertThat(store.session(OTHER_PROJECT, "doomed")).as("same id, other project").isPresent();
    }

    @Test
    void deletingASessionForgetsItsBatchKeysSoTheSameBatchCanBeWrittenAgain() {
        BatchRows batch = batch(PROJECT, "s1").click(10, "#a").error(20, "boom").tag(30, "k", "v").build();
        store.write(List.of(batch, batch(PROJECT, "s1").page(2).click(10, "#b").build()));

        store.deleteSessions(PROJECT, List.of("s1"));

        assertThat(store.write(List.of(batch))).isEqualTo(1);
        SessionDetail detail = detail("s1");
        assertThat(detail.summary().clicks()).as("nothing of the deleted session comes back").isEqualTo(1);
        assertThat(detail.summary().pages()).isEqualTo(1);
        assertThat(detail.pages()).hasSize(1);
        assertThat(detail.markers()).extracting(TimelineMarker::kind)
                .containsExactly(Kind.PAGE, Kind.CLICK, Kind.ERROR);
        assertThat(detail.tags()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void deletingUnknownOrNoSessionsChangesNothing() {
        store.write(List.of(batch(PROJECT, "s1").click(10, "#a").build()));
        SessionDetail before = detail("s1");

        store.deleteSessions(PROJECT, List.of());
        store.deleteSessions(PROJECT, List.of("unknown"));
        store.deleteSessions(OTHER_PROJECT, List.of("s1"));

        assertThat(detail("s1")).isEqualTo(before);
    }

    @Test
    void deletionsSurviveCloseAndReopen() {
        store.write(List.of(batch(PROJECT, "s1").build(), batch(PROJECT, "s2").build()));
        store.deleteSessions(PROJECT, List.of("s1"));

        reopen();

        assertThat(store.session(PROJECT, "s1")).isEmpty();
        assertThat(store.session(PROJECT, "s2")).isPresent();
    }

    // ---- helpers ----

    protected final SessionSummary summary(String sessionId) {
        return detail(sessionId).summary();
    }

    protected final SessionDetail detail(String sessionId) {
        return store.session(PROJECT, sessionId).orElseThrow(() -> new AssertionError("no session " + sessionId));
    }

    protected static SessionQuery window(SessionSort sort) {
        return new SessionQuery(PROJECT, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), false, sort,
                SessionQuery.MAX_LIMIT, 0);
    }

    /** A session of the given start, duration, clicks (all on page 1) and page count. */
    protected static List<BatchRows> sessionShaped(String sessionId, Instant start, long durationMs, int clicks,
                                                   int pages) {
        List<BatchRows> batches = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            TestBatches.Builder builder = batch(PROJECT, sessionId).page(page).pageStartedAt(start.plusMillis(page - 1))
                    .lastSeenAt(page == pages ? start.plusMillis(durationMs) : start.plusMillis(page));
            if (page == 1) {
                for (int i = 0; i < clicks; i++) {
                    builder.click(i, "#c" + i);
                }
            }
            batches.add(builder.build());
        }
        return batches;
    }
}
