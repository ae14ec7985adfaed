package dev.sightline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.insights.InsightKind;
import org.junit.jupiter.api.Test;

class ErrorClickDetectorTest {
    private final ErrorClickDetector detector = new ErrorClickDetector(ErrorClickDetector.Thresholds.DEFAULTS);

    @Test
    void aClickFollowedByAnErrorWithinASecondIsAnErrorClick() {
        assertThat(detector.detect(Activity.page().click(1000, "#apply-coupon").error(1003, "TypeError: x").build()))
                .singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(InsightKind.ERROR_CLICK);
                    assertThat(e.selector()).isEqualTo("#apply-coupon");
                    assertThat(e.at()).isEqualTo(Activity.START.plusMillis(1000));
                    assertThat(e.detail()).isEqualTo("#apply-coupon → TypeError: x");
                });
    }

    @Test
    void anErrorLaterOrWithoutAClickIsNot() {
        assertThat(detector.detect(Activity.page().click(1000, "#a").error(3000, "late").build())).isEmpty();
        assertThat(detector.detect(Activity.page().error(10, "on load").click(1000, "#a").build())).isEmpty();
    }

    @Test
    void theErrorBelongsToTheLatestClickBeforeItAndAClickCountsOnce() {
        assertThat(detector.detect(Activity.page().click(1000, "#a").click(1500, "#b").error(1600, "one")
                .error(1700, "two").build())).extracting(e -> e.selector()).containsExactly("#b");
    }
}
