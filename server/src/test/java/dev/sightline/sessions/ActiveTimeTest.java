package dev.sightline.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.Scroll;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActiveTimeTest {

    private static Click click(long t) {
        return new Click(t, 0, 0, "#a", 0, 0, "a", "", 0, 1, 1);
    }

    @Test
    void eachInteractionCreditsTheGapBeforeItCappedAtFiveSeconds() {
        ActiveTime activeTime = new ActiveTime();
        List<AnalyticsEvent> events = List.of(click(1_000), click(2_000), new Scroll(60_000, 0, 10, 100, 10), click(61_000));

        assertThat(activeTime.credit("p/s/1", events)).isEqualTo(1_000 + 1_000 + 5_000 + 1_000);
    }

    @Test
    void theGapAcrossTwoUploadsOfAPageIsCredited() {
        ActiveTime activeTime = new ActiveTime();
        activeTime.credit("p/s/1", List.of(click(10_000)));

        assertThat(activeTime.credit("p/s/1", List.of(click(12_000)))).isEqualTo(2_000);
        assertThat(activeTime.credit("p/s/2", List.of(click(12_000)))).isEqualTo(5_000);
    }

    @Test
    void eventsThatAreNotInteractionsCreditNothing() {
        assertThat(new ActiveTime().credit("p/s/1", List.of(new Request(30_000)))).isZero();
    }
}
