package dev.sightline.insights;

import static dev.sightline.contract.wire.FieldInteraction.BLUR;
import static dev.sightline.contract.wire.FieldInteraction.CHANGE;
import static dev.sightline.contract.wire.FieldInteraction.FOCUS;
import static dev.sightline.contract.wire.FieldInteraction.INPUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.insights.FormVisit;
import dev.sightline.contract.insights.InsightKind;
import org.junit.jupiter.api.Test;

class FormAbandonmentDetectorTest {
    private final FormAbandonmentDetector detector = new FormAbandonmentDetector();

    @Test
    void aFormStartedAndLeftIsAbandonedAtTheLastFieldTouched() {
        FormAbandonmentDetector.Result result = detector.detect(Activity.page()
                .field(1000, FOCUS, "#name", "#signup").field(2000, INPUT, "#name", "#signup").field(3000, BLUR, "#name", "#signup")
                .field(3000, FOCUS, "#email", "#signup").field(4500, INPUT, "#email", "#signup").build());

        assertThat(result.events()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(InsightKind.FORM_ABANDON);
            assertThat(e.selector()).isEqualTo("#email");
            assertThat(e.at()).isEqualTo(Activity.START.plusMillis(4500));
            assertThat(e.detail()).isEqualTo("Left #signup at #email");
        });
        FormVisit form = result.forms().get(0);
        assertThat(form.abandoned()).isTrue();
        assertThat(form.fields()).containsExactly(new FormVisit.FieldVisit("#name", "text", 0, 2000, true, false),
                new FormVisit.FieldVisit("#email", "text", 1, 1500, true, false));
    }

    @Test
    void aSubmittedFormIsCompletedNotAbandoned() {
        FormAbandonmentDetector.Result result = detector.detect(Activity.page()
                .field(1000, FOCUS, "#name", "#signup").field(2000, INPUT, "#name", "#signup")
                .submit(2500, "#signup").build());

        assertThat(result.events()).isEmpty();
        assertThat(result.forms()).singleElement().satisfies(f -> assertThat(f.completed()).isTrue());
    }

    @Test
    void aFieldChangedAgainAfterBeingLeftIsARefill() {
        FormAbandonmentDetector.Result result = detector.detect(Activity.page()
                .field(0, FOCUS, "#email", "#f").field(500, CHANGE, "#email", "#f").field(600, BLUR, "#email", "#f")
                .field(700, FOCUS, "#name", "#f").field(800, BLUR, "#name", "#f")
                .field(900, FOCUS, "#email", "#f").field(1200, INPUT, "#email", "#f").submit(1300, "#f").build());

        assertThat(result.forms().get(0).fields()).extracting(FormVisit.FieldVisit::refilled).containsExactly(true, false);
    }

    @Test
    void merelyFocusingAgainIsNotARefill() {
        FormAbandonmentDetector.Result result = detector.detect(Activity.page()
                .field(0, FOCUS, "#email", "#f").field(600, BLUR, "#email", "#f")
                .field(900, FOCUS, "#email", "#f").field(1200, INPUT, "#email", "#f").submit(1300, "#f").build());

        assertThat(result.forms().get(0).fields().get(0).refilled()).isFalse();
    }

    @Test
    void aPageWithoutFormInteractionOrWithFieldsOutsideFormsHasNoAbandonment() {
        assertThat(detector.detect(Activity.page().click(100, "#a").build()).forms()).isEmpty();
        assertThat(detector.detect(Activity.page().field(0, FOCUS, "#search", "").field(100, INPUT, "#search", "")
                .build()).events()).isEmpty();
    }

    @Test
    void aFieldStillFocusedCountsUntilThePagesLastInteraction() {
        FormAbandonmentDetector.Result result = detector.detect(Activity.page()
                .field(1000, FOCUS, "#email", "#f").scroll(4000, 300).build());
        assertThat(result.forms().get(0).fields().get(0).focusMs()).isEqualTo(3000);
    }
}
