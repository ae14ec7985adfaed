package dev.sightline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.wire.Click;
import java.util.List;
import org.junit.jupiter.api.Test;

class RageClickDetectorTest {
    private final RageClickDetector detector = new RageClickDetector(RageClickDetector.Thresholds.DEFAULTS);

    @Test
    void threeClicksWithinASecondOnOneSpotOfOneElementAreOneRageClickAtTheFirst() {
        List<InsightEvent> events = detector.detect(Activity.page()
                .click(1000, "#apply").click(1200, "#apply").click(1450, "#apply").click(1600, "#apply").build());

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(InsightKind.RAGE_CLICK);
            assertThat(e.at()).isEqualTo(Activity.START.plusMillis(1000));
            assertThat(e.selector()).isEqualTo("#apply");
            assertThat(e.value()).isEqualTo(4);
            assertThat(e.x()).isEqualTo(100);
        });
    }

    @Test
    void twoClicksAreNotARageClick() {
        assertThat(detector.detect(Activity.page().click(1000, "#apply").click(1150, "#apply").build())).isEmpty();
    }

    @Test
    void threeClicksSpreadOverMoreThanASecondAreNot() {
        assertThat(detector.detect(Activity.page().click(0, "#apply").click(600, "#apply").click(1200, "#apply")
                .build())).isEmpty();
    }

    @Test
    void aSlowStartDoesNotHideThreeFastClicksLaterInTheSameBurst() {
        assertThat(detector.detect(Activity.page().click(0, "#apply").click(900, "#apply").click(1200, "#apply")
                .click(1400, "#apply").build())).singleElement()
                .satisfies(e -> assertThat(e.at()).isEqualTo(Activity.START));
    }

    @Test
    void clicksOnDifferentElementsOrFarApartAreNot() {
        assertThat(detector.detect(Activity.page().click(0, "#a").click(100, "#b").click(200, "#c").build())).isEmpty();
        assertThat(detector.detect(Activity.page().click(0, "#banner", 100, 100, 0).click(100, "#banner", 160, 100, 0)
                .click(200, "#banner", 100, 160, 0).build())).isEmpty();
    }

    @Test
    void clicksWithinTheRadiusCount() {
        assertThat(detector.detect(Activity.page().click(0, "#banner", 100, 100, 0).click(100, "#banner", 120, 110, 0)
                .click(200, "#banner", 90, 125, 0).build())).hasSize(1);
    }

    @Test
    void scriptedClicksAreNotAPersonsRage() {
        assertThat(detector.detect(Activity.page().click(0, "#a", 1, 1, Click.SYNTHETIC).click(50, "#a", 1, 1, Click.SYNTHETIC)
                .click(100, "#a", 1, 1, Click.SYNTHETIC).build())).isEmpty();
    }

    @Test
    void twoSeparateBurstsAreTwoRageClicks() {
        assertThat(detector.detect(Activity.page().click(0, "#a").click(100, "#a").click(200, "#a")
                .click(5000, "#a").click(5100, "#a").click(5200, "#a").build())).hasSize(2);
    }

    @Test
    void theThresholdsAreConfigurable() {
        RageClickDetector five = new RageClickDetector(new RageClickDetector.Thresholds(5, 2000, 30));
        assertThat(five.detect(Activity.page().click(0, "#a").click(100, "#a").click(200, "#a").build())).isEmpty();
    }
}
