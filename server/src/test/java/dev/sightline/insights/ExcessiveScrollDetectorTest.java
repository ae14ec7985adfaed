package dev.sightline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.insights.InsightKind;
import org.junit.jupiter.api.Test;

class ExcessiveScrollDetectorTest {
    private final ExcessiveScrollDetector detector = new ExcessiveScrollDetector(ExcessiveScrollDetector.Thresholds.DEFAULTS);

    /** Scrolls down and up {@code reversals} times by {@code step} pixels. */
    private static Activity yoyo(int reversals, int step) {
        Activity page = Activity.page().scroll(0, 100);
        int y = 100;
        for (int i = 0; i <= reversals; i++) {
            y += i % 2 == 0 ? step : -step;
            page.scroll(1000L * (i + 1), y);
        }
        return page;
    }

    @Test
    void scrollingUpAndDownSixTimesOnAPageWithFewVisitsIsExcessive() {
        ExcessiveScrollDetector.Result result = detector.detect(yoyo(6, 900).build());

        assertThat(result.reversals()).isEqualTo(6);
        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(InsightKind.EXCESSIVE_SCROLL);
            assertThat(e.value()).isEqualTo(6);
            assertThat(e.at()).isEqualTo(Activity.START.plusMillis(7000));
        });
    }

    @Test
    void readingDownWithABackUpIsNot() {
        ExcessiveScrollDetector.Result result = detector.detect(Activity.page().scroll(0, 300).scroll(1000, 900)
                .scroll(2000, 1500).scroll(3000, 1100).scroll(4000, 2200).scroll(5000, 3000).build());
        assertThat(result.reversals()).isEqualTo(2);
        assertThat(result.events()).isEmpty();
    }

    @Test
    void smallCorrectionsAreNotReversals() {
        assertThat(detector.detect(yoyo(20, 100).build()).reversals()).isZero();
    }

    @Test
    void onAPageWhereVisitorsOftenScrollBackTheBarIsThreeTimesTheirMedian() {
        assertThat(detector.detect(yoyo(10, 900).norm(20, 5).build()).events()).isEmpty();
        assertThat(detector.detect(yoyo(15, 900).norm(20, 5).build()).events()).hasSize(1);
        assertThat(detector.detect(yoyo(10, 900).norm(19, 5).build()).events()).hasSize(1);
    }

    @Test
    void theFloorHoldsWhereVisitorsHardlyScrollBack() {
        assertThat(detector.threshold(new dev.sightline.contract.insights.ScrollNorm(1000, 0))).isEqualTo(6);
    }
}
