package dev.sightline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.wire.Click;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuickBackDetectorTest {
    private static final String A = "https://shop.example/list";
    private static final String B = "https://shop.example/item";
    private static final Click LINK = new Click(500, 1, 1, "#to-b", 0, 0, "a", "", Click.LINK | Click.REACTIVE, 1, 1);
    private final QuickBackDetector detector = new QuickBackDetector(QuickBackDetector.Thresholds.DEFAULTS);

    private static Activity returnAfter(long msOnB) {
        Instant onA = Activity.START;
        Instant onB = onA.plusSeconds(20);
        return Activity.page().number(3).url(A).startedAt(onB.plusMillis(msOnB))
                .earlier(Activity.visited(2, B, onB, msOnB - 100, null))
                .earlier(Activity.visited(1, A, onA, 19_000, LINK));
    }

    @Test
    void comingBackToThePreviousPageWithinSevenSecondsIsAQuickBackOnThePageLeft() {
        assertThat(detector.detect(returnAfter(3000).build())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(InsightKind.QUICK_BACK);
            assertThat(e.pageNumber()).isEqualTo(2);
            assertThat(e.pageKey()).isEqualTo(B);
            assertThat(e.value()).isEqualTo(3000);
            assertThat(e.detail()).isEqualTo("Back to /list after 3.0 s");
        });
    }

    @Test
    void aSlowReturnOrGoingOnElsewhereIsNot() {
        assertThat(detector.detect(returnAfter(9000).build())).isEmpty();
        assertThat(detector.detect(returnAfter(3000).url("https://shop.example/checkout").build())).isEmpty();
    }

    @Test
    void leavingTheSiteByALinkAndComingBackSoonIsAQuickBackOnThePageLeftFrom() {
        Instant left = Activity.START.plusMillis(10_000);
        assertThat(detector.detect(Activity.page().number(2).url(A).startedAt(left.plusMillis(2500))
                .earlier(Activity.visited(1, A, Activity.START, 10_000, new Click(9_800, 1, 1, "#docs", 0, 0, "a", "",
                        Click.LINK, 1, 1))).build())).singleElement().satisfies(e -> {
                            assertThat(e.pageNumber()).isEqualTo(1);
                            assertThat(e.selector()).isEqualTo("#docs");
                            assertThat(e.value()).isEqualTo(2500);
                            assertThat(e.detail()).isEqualTo("Left the site and came back after 2.5 s");
                        });
    }

    @Test
    void aReloadASlowReturnOrALeaveWithoutALinkIsNot() {
        Click link = new Click(9_800, 1, 1, "#docs", 0, 0, "a", "", Click.LINK, 1, 1);
        Click button = new Click(9_800, 1, 1, "#go", 0, 0, "button", "", Click.REACTIVE, 1, 1);
        Instant left = Activity.START.plusMillis(10_000);
        assertThat(detector.detect(Activity.page().number(2).url(A).startedAt(left.plusMillis(300))
                .earlier(Activity.visited(1, A, Activity.START, 10_000, link)).build())).isEmpty();
        assertThat(detector.detect(Activity.page().number(2).url(A).startedAt(left.plusMillis(12_000))
                .earlier(Activity.visited(1, A, Activity.START, 10_000, link)).build())).isEmpty();
        assertThat(detector.detect(Activity.page().number(2).url(A).startedAt(left.plusMillis(2000))
                .earlier(Activity.visited(1, A, Activity.START, 10_000, button)).build())).isEmpty();
    }
}
