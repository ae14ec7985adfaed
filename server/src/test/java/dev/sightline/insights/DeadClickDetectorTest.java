package dev.sightline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.FieldInteraction;
import org.junit.jupiter.api.Test;

class DeadClickDetectorTest {
    private final DeadClickDetector detector = new DeadClickDetector(DeadClickDetector.Thresholds.DEFAULTS);

    @Test
    void aClickWithNoAnswerIsDead() {
        assertThat(detector.detect(Activity.page().click(1000, "#hero-image").build())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(InsightKind.DEAD_CLICK);
            assertThat(e.selector()).isEqualTo("#hero-image");
            assertThat(e.at()).isEqualTo(Activity.START.plusMillis(1000));
        });
    }

    @Test
    void aPageChangeARequestOrLeavingThePageWithinTheWindowAnswersIt() {
        assertThat(detector.detect(Activity.page().click(1000, "#menu").change(1040).build())).isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "#menu").change(3400).build())).isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "#save").request(1010).build())).isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "#next").endedAfter(1300).nextAfter(1350).build()))
                .isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "#out", 1, 1, Click.LINK).endedAfter(1300).build()))
                .isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "#buy").submit(1001, "#checkout").build())).isEmpty();
    }

    @Test
    void leavingSoonAfterAClickOnSomethingThatIsNotALinkIsNoAnswer() {
        assertThat(detector.detect(Activity.page().click(1000, "#apply").endedAfter(1800).build())).hasSize(1);
    }

    @Test
    void aRunOfChangesThatStartedBeforeTheClickAndGoesOnAnswersIt() {
        assertThat(detector.detect(Activity.page().click(1000, "#a").change(0, 5000).build())).isEmpty();
    }

    @Test
    void aChangeAfterTheWindowDoesNot() {
        assertThat(detector.detect(Activity.page().click(1000, "#a").change(3600).request(3700).build())).hasSize(1);
    }

    @Test
    void aMenuThatOpensOnMousedownAnswersTheClickThatFollows() {
        assertThat(detector.detect(Activity.page().click(1000, "#menu").change(880).build())).isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "#menu").change(500).build())).hasSize(1);
    }

    @Test
    void scrollFocusAndVisibilityAnswerOnlyWhenImmediate() {
        assertThat(detector.detect(Activity.page().click(1000, "#anchor").scroll(1030, 800).build())).isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "label").field(1005, FieldInteraction.FOCUS, "#email", "#f")
                .build())).isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "#new-tab").hidden(1100).build())).isEmpty();
        assertThat(detector.detect(Activity.page().click(1000, "#text").scroll(2000, 800).build())).hasSize(1);
        assertThat(detector.detect(Activity.page().click(1000, "#text").field(1800, FieldInteraction.FOCUS, "#q", "")
                .build())).hasSize(1);
    }

    @Test
    void leavingThePageLongAfterTheClickDoesNotAnswerIt() {
        assertThat(detector.detect(Activity.page().click(1000, "#a").endedAfter(9000).build())).hasSize(1);
    }

    @Test
    void textFieldsSelectsTextSelectionAndScriptedClicksAreExcluded() {
        assertThat(detector.detect(Activity.page().click(1000, "#email", 1, 1, Click.TEXT_FIELD)
                .click(2000, "p", 1, 1, Click.TEXT_SELECTED).click(3000, "#x", 1, 1, Click.SYNTHETIC).build())).isEmpty();
    }

    @Test
    void eachClickIsJudgedOnItsOwn() {
        assertThat(detector.detect(Activity.page().click(1000, "#a").click(5000, "#b").change(5100).click(9000, "#c")
                .build())).extracting(e -> e.selector()).containsExactly("#a", "#c");
    }
}
