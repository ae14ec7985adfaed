package dev.sightline.contract.heatmap;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.TextMatch;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.TestBatches;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.Move;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link EventStore#heatmaps()} must do: aggregate clicks, moves and page views of a page
 * (or a page group) on one device class in a window, in the store.
 */
public abstract class HeatmapQueriesContract {

    protected static final String PROJECT = "project-a";
    protected static final String PRODUCT = "shop.example/product/42";
    protected static final Instant FROM = T0.minus(Duration.ofHours(1));
    protected static final Instant TO = T0.plus(Duration.ofDays(1));

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

    // ---- elements and their cells ----

    @Test
    void elementsAreRankedByClicksWithTheirSessionsAndLatestLabel() {
        write(visit("s1", PRODUCT).event(click(100, "#buy", 5000, 5000, "Buy")).event(click(200, "#buy", 5000, 5000, "Buy"))
                .event(click(300, "#menu", 5000, 5000, "Menu")));
        write(visit("s2", PRODUCT).pageStartedAt(T0.plusSeconds(60)).event(click(100, "#buy", 5000, 5000, "Buy now")).event(click(200, "#help", 5000, 5000, "Help")));
        write(visit("s3", PRODUCT).event(click(100, "#menu", 5000, 5000, "Menu")));

        PointMap map = heatmaps().points(query(PRODUCT), HeatmapLayer.CLICKS);

        assertThat(map.points()).isEqualTo(6);
        assertThat(map.sessions()).isEqualTo(3);
        assertThat(map.sessionsEstimated()).isFalse();
        assertThat(map.unlistedPoints()).isZero();
        assertThat(map.elements()).containsExactly(
                new ElementStats("#buy", "button", "Buy now", 3, 2),
                new ElementStats("#menu", "button", "Menu", 2, 2),
                new ElementStats("#help", "button", "Help", 1, 1));
    }

    @Test
    void aClicksCellCentreIsWithinOneCellOfWhereItWasInsideItsElement() {
        int[][] positions = {{0, 0}, {2500, 7500}, {9999, 10000}, {5000, 1234}};
        TestBatches.Builder visit = visit("s1", PRODUCT);
        for (int i = 0; i < positions.length; i++) {
            visit.event(new Click(100 + i, 0, 0, "#hero", positions[i][0], positions[i][1], "div", "", 0, 1440, 600));
        }
        write(visit);

        List<PointBin> bins = heatmaps().points(query(PRODUCT), HeatmapLayer.CLICKS).bins();

        assertThat(bins).hasSize(positions.length);
        for (int[] position : positions) {
            assertThat(bins).as("a cell for %s,%s", position[0], position[1]).anySatisfy(bin -> {
                assertThat(bin.selector()).isEqualTo("#hero");
                assertThat(Math.abs((bin.column() + 0.5) / bin.columns() - position[0] / 10000.0))
                        .isLessThanOrEqualTo(1.0 / bin.columns());
                assertThat(Math.abs((bin.row() + 0.5) / bin.rows() - position[1] / 10000.0))
                        .isLessThanOrEqualTo(1.0 / bin.rows());
            });
        }
    }

    @Test
    void cellsAreAFewRecordedPixelsWhateverTheElementsSize() {
        write(visit("s1", PRODUCT).event(new Click(100, 0, 0, "#small", 5000, 5000, "a", "", 0, 24, 12))
                .event(new Click(200, 0, 0, "body", 5000, 5000, "body", "", 0, 1440, 9000))
                .event(new Click(300, 0, 0, "#hidden", 5000, 5000, "a", "", 0, 0, 0)));

        List<PointBin> bins = heatmaps().points(query(PRODUCT), HeatmapLayer.CLICKS).bins();

        assertThat(bins).allSatisfy(bin -> {
            assertThat(Integer.bitCount(bin.columns())).as("a power of two").isEqualTo(1);
            assertThat(Integer.bitCount(bin.rows())).as("a power of two").isEqualTo(1);
            assertThat(bin.columns()).isBetween(1, PointBin.MAX_CELLS);
            assertThat(bin.rows()).isBetween(1, PointBin.MAX_CELLS);
        });
        PointBin small = bins.stream().filter(b -> b.selector().equals("#small")).findFirst().orElseThrow();
        assertThat(24.0 / small.columns()).isBetween(2.0, 8.0);
        PointBin body = bins.stream().filter(b -> b.selector().equals("body")).findFirst().orElseThrow();
        assertThat(body.columns()).isEqualTo(PointBin.MAX_CELLS);
        assertThat(body.rows()).isEqualTo(PointBin.MAX_CELLS);
        PointBin hidden = bins.stream().filter(b -> b.selector().equals("#hidden")).findFirst().orElseThrow();
        assertThat(hidden.columns()).isEqualTo(1);
        assertThat(hidden.rows()).isEqualTo(1);
    }

    @Test
    void elementsBeyondTheListAreCountedButNotBinned() {
        TestBatches.Builder visit = visit("s1", PRODUCT);
        for (int i = 0; i < PointMap.MAX_ELEMENTS; i++) {
            visit.event(click(1000 + i, "#e" + i, 5000, 5000, "")).event(click(3000 + i, "#e" + i, 5000, 5000, ""));
        }
        visit.event(click(5000, "#last", 5000, 5000, ""));
        write(visit);

        PointMap map = heatmaps().points(query(PRODUCT), HeatmapLayer.CLICKS);

        assertThat(map.elements()).hasSize(PointMap.MAX_ELEMENTS);
        assertThat(map.elements()).extracting(ElementStats::selector).doesNotContain("#last");
        assertThat(map.unlistedPoints()).isEqualTo(1);
        assertThat(map.points()).isEqualTo(2L * PointMap.MAX_ELEMENTS + 1);
        assertThat(map.bins()).extracting(PointBin::selector).doesNotContain("#last");
    }

    // ---- what a heatmap covers ----

    @Test
    void deviceClassesAreNeverMixedUnlessAllAreAskedFor() {
        write(visit("desktop", PRODUCT).event(click(100, "#buy", 5000, 5000, "Buy")));
        write(visit("phone", PRODUCT).device(DeviceClass.MOBILE).viewport(390, 844)
                .event(click(100, "#buy", 5000, 5000, "Buy")).event(click(200, "#menu", 5000, 5000, "Menu")));

        assertThat(heatmaps().points(query(PRODUCT), HeatmapLayer.CLICKS).points()).isEqualTo(1);
        assertThat(heatmaps().points(on(DeviceClass.MOBILE, PRODUCT), HeatmapLayer.CLICKS).points()).isEqualTo(2);
        assertThat(heatmaps().points(on(DeviceClass.TABLET, PRODUCT), HeatmapLayer.CLICKS).points()).isZero();
        PointMap all = heatmaps().points(allDevices(PRODUCT), HeatmapLayer.CLICKS);
        assertThat(all.points()).isEqualTo(3);
        assertThat(all.elements()).extracting(ElementStats::selector).containsExactly("#buy", "#menu");
    }

    @Test
    void onlyClicksInsideTheHalfOpenWindowCount() {
        write(visit("early", PRODUCT).pageStartedAt(T0.minus(Duration.ofDays(3))).event(click(0, "#buy", 5000, 5000, "")));
        write(visit("inside", PRODUCT).pageStartedAt(T0).event(click(0, "#buy", 5000, 5000, "")));
        write(visit("at-end", PRODUCT).pageStartedAt(T0.plus(Duration.ofDays(2))).event(click(0, "#buy", 5000, 5000, "")));

        HeatmapQuery query = new HeatmapQuery(PROJECT, new PageScope.Page(PRODUCT), Optional.of(DeviceClass.DESKTOP),
                T0.minus(Duration.ofDays(3)), T0.plus(Duration.ofDays(2)), false);

        assertThat(heatmaps().points(query, HeatmapLayer.CLICKS).points()).isEqualTo(2);
        assertThat(heatmaps().traffic(query).pageViews()).isEqualTo(2);
    }

    @Test
    void otherPagesAndOtherProjectsNeverCount() {
        write(visit("s1", PRODUCT).event(click(100, "#buy", 5000, 5000, "")));
        write(visit("s2", "shop.example/cart").event(click(100, "#buy", 5000, 5000, "")));
        write(batch("project-b", "s3").pageKey(PRODUCT).event(click(100, "#buy", 5000, 5000, "")));

        assertThat(heatmaps().points(query(PRODUCT), HeatmapLayer.CLICKS).points()).isEqualTo(1);
    }

    @Test
    void aPageGroupAddsUpEveryPageItsPatternMatches() {
        write(visit("s1", "shop.example/product/42").event(click(100, "#buy", 5000, 5000, "")));
        write(visit("s2", "shop.example/product/7?variant=red").event(click(100, "#buy", 5000, 5000, "")));
        write(visit("s3", "shop.example/product/7/reviews").event(click(100, "#buy", 5000, 5000, "")));
        write(visit("s4", "shop.example/products").event(click(100, "#buy", 5000, 5000, "")));

        HeatmapQuery group = new HeatmapQuery(PROJECT, new PageScope.Group(new PagePattern("/product/*")),
                Optional.of(DeviceClass.DESKTOP), FROM, TO, false);

        assertThat(heatmaps().points(group, HeatmapLayer.CLICKS).points()).isEqualTo(2);
        Traffic traffic = heatmaps().traffic(group);
        assertThat(traffic.pageViews()).isEqualTo(2);
        assertThat(traffic.sessions()).isEqualTo(2);
        assertThat(traffic.clicks()).isEqualTo(2);
    }

    @Test
    void botSessionsAreLeftOutUnlessAskedFor() {
        write(visit("person", PRODUCT).event(click(100, "#buy", 5000, 5000, "")));
        write(visit("crawler", PRODUCT).bot(true).event(click(100, "#buy", 5000, 5000, "")));

        assertThat(heatmaps().points(query(PRODUCT), HeatmapLayer.CLICKS).points()).isEqualTo(1);
        assertThat(heatmaps().traffic(query(PRODUCT)).pageViews()).isEqualTo(1);
        HeatmapQuery withBots = new HeatmapQuery(PROJECT, new PageScope.Page(PRODUCT), Optional.of(DeviceClass.DESKTOP),
                FROM, TO, true);
        assertThat(heatmaps().points(withBots, HeatmapLayer.CLICKS).points()).isEqualTo(2);
    }

    @Test
    void aSegmentOfPhoneSessionsKeepsOnlyTheirClicks() {
        write(visit("desktop", PRODUCT).event(click(100, "#buy", 5000, 5000, "Buy")));
        write(visit("phone", PRODUCT).device(DeviceClass.MOBILE).viewport(390, 844)
                .event(click(100, "#buy", 5000, 5000, "Buy")).event(click(200, "#menu", 5000, 5000, "Menu")));
        HeatmapQuery phones = allDevices(PRODUCT).withSessions(List.of(
                new SessionCondition.Text(SessionCondition.Attribute.DEVICE, TextMatch.equalTo("mobile"))));

        PointMap map = heatmaps().points(phones, HeatmapLayer.CLICKS);

        assertThat(map.points()).isEqualTo(2);
        assertThat(map.elements()).extracting(ElementStats::selector).containsExactly("#buy", "#menu");
        assertThat(heatmaps().traffic(phones).pageViews()).isEqualTo(1);
        assertThat(heatmaps().points(allDevices(PRODUCT), HeatmapLayer.CLICKS).points()).as("no segment").isEqualTo(3);
    }

    @Test
    void aSegmentNarrowsEveryViewToTheSessionsThatMeetIt() {
        write(visit("signed-up", PRODUCT).documentHeight(2000).maxScrollPermille(1000)
                .event(click(100, "#card", 5000, 5000, "")).event(click(200, "#card", 5000, 5000, ""))
                .customEvent(300, "signup"));
        write(visit("browsing", PRODUCT).documentHeight(2000).maxScrollPermille(200)
                .event(click(100, "#card", 5000, 5000, "")).event(click(200, "#other", 5000, 5000, "")));
        write(visit("elsewhere", "shop.example/cart").event(click(100, "#pay", 5000, 5000, "")));
        List<SessionCondition> signedUp = List.of(new SessionCondition.CustomEvent("signup", true));
        HeatmapQuery segment = query(PRODUCT).withSessions(signedUp);

        assertThat(heatmaps().points(segment, HeatmapLayer.CLICKS).elements())
                .extracting(ElementStats::selector, ElementStats::points).containsExactly(tuple("#card", 2L));
        assertThat(heatmaps().area(segment, HeatmapLayer.CLICKS, List.of("#card"))).isEqualTo(new AreaStats(2, 1, false));
        assertThat(heatmaps().pagePositions(segment, HeatmapLayer.CLICKS, List.of("#card", "#other")))
                .extracting(PagePositionBin::selector).containsOnly("#card");
        Traffic traffic = heatmaps().traffic(segment);
        assertThat(traffic.sessions()).isEqualTo(1);
        assertThat(traffic.clicks()).isEqualTo(2);
        ScrollMap scroll = heatmaps().scroll(segment);
        assertThat(scroll.pageViews()).isEqualTo(1);
        assertThat(scroll.reachedPercent().get(100)).isEqualTo(1);
        assertThat(heatmaps().pages(new PageListQuery(PROJECT, Optional.empty(), FROM, TO, false, "", 10, signedUp)))
                .extracting(PageTraffic::pageKey).containsExactly(PRODUCT);
        List<SessionCondition> nobody = List.of(new SessionCondition.CustomEvent("refund", true));
        assertThat(heatmaps().points(query(PRODUCT).withSessions(nobody), HeatmapLayer.CLICKS).points()).isZero();
        assertThat(heatmaps().pages(new PageListQuery(PROJECT, Optional.empty(), FROM, TO, false, "", 10, nobody)))
                .isEmpty();
    }

    // ---- layers ----

    @Test
    void theFirstClicksLayerKeepsTheFirstClickOfEachPageView() {
        write(visit("s1", PRODUCT).event(click(300, "#menu", 5000, 5000, "")).event(click(100, "#buy", 5000, 5000, ""))
                .event(click(200, "#help", 5000, 5000, "")));
        write(visit("s1", PRODUCT).page(2).event(click(100, "#menu", 5000, 5000, "")));
        write(visit("s2", PRODUCT).event(click(100, "#buy", 5000, 5000, "")).event(click(150, "#buy", 5000, 5000, "")));

        PointMap first = heatmaps().points(query(PRODUCT), HeatmapLayer.FIRST_CLICKS);

        assertThat(first.points()).isEqualTo(3);
        assertThat(first.elements()).containsExactly(new ElementStats("#buy", "button", "", 2, 2),
                new ElementStats("#menu", "button", "", 1, 1));
        assertThat(heatmaps().area(query(PRODUCT), HeatmapLayer.FIRST_CLICKS, List.of("#help")).points())
                .as("a later click on #help is not a first click").isZero();
    }

    @ParameterizedTest
    @EnumSource(value = HeatmapLayer.class, names = {"RAGE_CLICKS", "DEAD_CLICKS", "ERROR_CLICKS"})
    void anInsightLayerShowsOnlyTheClicksDetectionMarkedWithItsSignal(HeatmapLayer layer) {
        write(visit("s1", PRODUCT).event(click(100, "#buy", 5000, 5000, "")).event(click(900, "#logo", 5000, 5000, ""))
                .event(click(1500, "#help", 5000, 5000, "")));
        InsightKind kind = InsightKind.valueOf(layer.name().replace("_CLICKS", "_CLICK"));
        InsightKind otherKind = kind == InsightKind.RAGE_CLICK ? InsightKind.DEAD_CLICK : InsightKind.RAGE_CLICK;
        PendingPageView pending = store.insights().pending(TO.plus(Duration.ofDays(365)), TO.plus(Duration.ofDays(365)), 10)
                .get(0);
        store.insights().save(List.of(new PageInsights(pending, T0, PRODUCT, DeviceClass.DESKTOP, false, 0, List.of(
                new InsightEvent(kind, 1, T0.plusMillis(900), "#logo", PRODUCT, 1, "on #logo", 100, 200, 5000, 5000),
                new InsightEvent(otherKind, 1, T0.plusMillis(1500), "#help", PRODUCT, 1, "on #help", 100, 200, 5000, 5000)),
                List.of())));

        PointMap marked = heatmaps().points(query(PRODUCT), layer);

        assertThat(marked.points()).isEqualTo(1);
        assertThat(marked.elements()).extracting(ElementStats::selector).containsExactly("#logo");
    }

    @Test
    void movesAreAnchoredToTheirElementsLikeClicks() {
        write(visit("s1", PRODUCT).event(new Move(100, 300, 400, "#hero", 2500, 7500))
                .event(new Move(200, 310, 410, "#hero", 2600, 7600)).event(new Move(300, 10, 10, "#nav", 100, 100))
                .event(click(400, "#buy", 5000, 5000, "")));

        PointMap moves = heatmaps().points(query(PRODUCT), HeatmapLayer.MOVES);

        assertThat(moves.points()).isEqualTo(3);
        assertThat(moves.elements()).containsExactly(new ElementStats("#hero", "", "", 2, 1), new ElementStats("#nav", "", "", 1, 1));
        assertThat(moves.bins()).filteredOn(b -> b.selector().equals("#hero")).allSatisfy(bin ->
                assertThat(Math.abs((bin.column() + 0.5) / bin.columns() - 0.25)).isLessThan(0.05));
    }

    // ---- fallbacks and areas ----

    @Test
    void pagePositionsPlaceTheChosenElementsPointsWhereTheyWereOnThePage() {
        write(visit("s1", PRODUCT).event(new Click(100, 803, 1207, "#gone", 5000, 5000, "a", "", 0, 10, 10))
                .event(new Click(200, 805, 1201, "#gone", 5000, 5000, "a", "", 0, 10, 10))
                .event(new Click(300, 40, 40, "", 0, 0, "div", "", 0, 10, 10))
                .event(new Click(400, 500, 500, "#kept", 5000, 5000, "a", "", 0, 10, 10)));

        List<PagePositionBin> positions = heatmaps().pagePositions(query(PRODUCT), HeatmapLayer.CLICKS, List.of("#gone", ""));

        int cell = PagePositionBin.CELL_PIXELS;
        assertThat(positions).containsExactlyInAnyOrder(
                new PagePositionBin("", 40 / cell * cell + cell / 2, 40 / cell * cell + cell / 2, 1),
                new PagePositionBin("#gone", 800 + cell / 2, 1200 + cell / 2, 2));
        assertThat(heatmaps().pagePositions(query(PRODUCT), HeatmapLayer.CLICKS, List.of())).isEmpty();
    }

    @Test
    void anAreaCountsTheClicksOnItsElementsAndTheirSessionsOnce() {
        write(visit("s1", PRODUCT).event(click(100, "#card", 5000, 5000, "")).event(click(200, "#card>button", 5000, 5000, "")));
        write(visit("s2", PRODUCT).event(click(100, "#card>button", 5000, 5000, "")).event(click(200, "#other", 5000, 5000, "")));

        AreaStats area = heatmaps().area(query(PRODUCT), HeatmapLayer.CLICKS, List.of("#card", "#card>button"));

        assertThat(area).isEqualTo(new AreaStats(3, 2, false));
        assertThat(heatmaps().area(query(PRODUCT), HeatmapLayer.CLICKS, List.of())).isEqualTo(new AreaStats(0, 0, false));
    }

    @Test
    void tooManySelectorsAreRefused() {
        List<String> selectors = new ArrayList<>();
        for (int i = 0; i <= HeatmapQueries.MAX_SELECTORS; i++) {
            selectors.add("#e" + i);
        }
        assertThatThrownBy(() -> heatmaps().area(query(PRODUCT), HeatmapLayer.CLICKS, selectors))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- scroll ----

    @Test
    void theScrollMapCountsThePageViewsThatReachedEachDepth() {
        write(visit("s1", PRODUCT).viewport(1440, 900).documentHeight(3000).maxScrollPermille(300));
        write(visit("s2", PRODUCT).viewport(1440, 800).documentHeight(3000).maxScrollPermille(555));
        write(visit("s3", PRODUCT).viewport(1440, 700).documentHeight(2000).maxScrollPermille(1000));
        write(visit("s4", PRODUCT).viewport(1440, 800).documentHeight(0).maxScrollPermille(0));

        ScrollMap scroll = heatmaps().scroll(query(PRODUCT));

        assertThat(scroll.pageViews()).as("page views that knew their document height").isEqualTo(3);
        assertThat(scroll.reachedPercent().get(0)).isEqualTo(3);
        assertThat(scroll.reachedPercent().get(30)).isEqualTo(3);
        assertThat(scroll.reachedPercent().get(31)).isEqualTo(2);
        assertThat(scroll.reachedPercent().get(55)).isEqualTo(2);
        assertThat(scroll.reachedPercent().get(56)).isEqualTo(1);
        assertThat(scroll.reachedPercent().get(100)).isEqualTo(1);
        assertThat(scroll.share(50)).isEqualTo(2.0 / 3);
        assertThat(scroll.averageFoldPixels()).isEqualTo(800);
        assertThat(scroll.averageDocumentHeight()).isEqualTo(2666);
    }

    @Test
    void aPageWithoutPageViewsHasAnEmptyScrollMap() {
        ScrollMap scroll = heatmaps().scroll(query(PRODUCT));

        assertThat(scroll.pageViews()).isZero();
        assertThat(scroll.reachedPercent()).containsOnly(0L);
        assertThat(scroll.share(0)).isZero();
    }

    // ---- the index ----

    @Test
    void pagesAreListedByTrafficWithTheirClicksAndLatestTitle() {
        write(visit("s1", PRODUCT).title("Old title").event(click(100, "#buy", 5000, 5000, "")));
        write(visit("s2", PRODUCT).pageStartedAt(T0.plusSeconds(600)).title("Product 42").maxScrollPermille(800));
        write(visit("s2", PRODUCT).page(2).title("").event(click(100, "#buy", 5000, 5000, "")));
        write(visit("s3", "shop.example/cart").title("Cart").maxScrollPermille(500)
                .event(click(100, "#pay", 5000, 5000, "")).event(click(200, "#pay", 5000, 5000, "")));
        write(visit("s4", "shop.example/cart").device(DeviceClass.MOBILE));

        List<PageTraffic> pages = heatmaps().pages(new PageListQuery(PROJECT, Optional.of(DeviceClass.DESKTOP), FROM, TO,
                false, "", 10));

        assertThat(pages).extracting(PageTraffic::pageKey).containsExactly(PRODUCT, "shop.example/cart");
        PageTraffic product = pages.get(0);
        assertThat(product.traffic().title()).isEqualTo("Product 42");
        assertThat(product.traffic().pageViews()).isEqualTo(3);
        assertThat(product.traffic().sessions()).isEqualTo(2);
        assertThat(product.traffic().clicks()).isEqualTo(2);
        assertThat(pages.get(1).traffic()).isEqualTo(new Traffic(1, 1, 2, 500, "Cart"));
        assertThat(heatmaps().pages(new PageListQuery(PROJECT, Optional.empty(), FROM, TO, false, "CART", 10)))
                .extracting(p -> p.traffic().pageViews()).containsExactly(2L);
        assertThat(heatmaps().pages(new PageListQuery(PROJECT, Optional.empty(), FROM, TO, false, "", 1))).hasSize(1);
    }

    // ---- helpers ----

    protected final HeatmapQueries heatmaps() {
        return store.heatmaps();
    }

    protected final void write(TestBatches.Builder builder) {
        store.write(List.of(builder.build()));
    }

    protected static TestBatches.Builder visit(String sessionId, String pageKey) {
        return batch(PROJECT, sessionId).visitor("visitor-" + sessionId).pageKey(pageKey).url("https://" + pageKey);
    }

    protected static Click click(long t, String selector, int relX, int relY, String text) {
        return new Click(t, 100, 200, selector, relX, relY, "button", text, 0, 120, 40);
    }

    protected static HeatmapQuery query(String pageKey) {
        return on(DeviceClass.DESKTOP, pageKey);
    }

    protected static HeatmapQuery on(DeviceClass device, String pageKey) {
        return new HeatmapQuery(PROJECT, new PageScope.Page(pageKey), Optional.of(device), FROM, TO, false);
    }

    protected static HeatmapQuery allDevices(String pageKey) {
        return new HeatmapQuery(PROJECT, new PageScope.Page(pageKey), Optional.empty(), FROM, TO, false);
    }
}
