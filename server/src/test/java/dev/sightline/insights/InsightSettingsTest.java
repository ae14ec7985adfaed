package dev.sightline.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.insights.InsightKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsightSettingsTest {

    @Test
    void theDefaultsAreTheFieldsFigures() {
        InsightSettings d = InsightSettings.DEFAULTS;
        assertThat(d.rageClicks()).isEqualTo(new RageClickDetector.Thresholds(3, 1000, 30));
        assertThat(d.deadClicks()).isEqualTo(new DeadClickDetector.Thresholds(2500, 250, 200));
        assertThat(d.errorClicks().windowMs()).isEqualTo(1000);
        assertThat(d.quickBacks()).isEqualTo(new QuickBackDetector.Thresholds(7000, 1000));
        assertThat(d.excessiveScrolling()).isEqualTo(new ExcessiveScrollDetector.Thresholds(6, 3.0, 20, 0.2, Duration.ofDays(30)));
        assertThat(d.schedule()).isEqualTo(new InsightSettings.Schedule(Duration.ofSeconds(5), Duration.ofMinutes(2),
                Duration.ofSeconds(1), 500));
        assertThat(InsightSettings.from(Map.of())).isEqualTo(d);
    }

    @Test
    void everyFlagSetsItsThreshold() {
        InsightSettings s = InsightSettings.from(Map.ofEntries(Map.entry("rage-click-count", "4"),
                Map.entry("rage-click-window-ms", "1500"), Map.entry("rage-click-radius-px", "40"),
                Map.entry("dead-click-window-ms", "2000"), Map.entry("dead-click-immediate-ms", "100"),
                Map.entry("dead-click-lead-ms", "0"), Map.entry("error-click-window-ms", "2000"),
                Map.entry("quick-back-within-ms", "10000"), Map.entry("quick-back-min-away-ms", "500"),
                Map.entry("scroll-reversal-floor", "8"), Map.entry("scroll-reversal-factor", "2.5"),
                Map.entry("scroll-norm-min-views", "50"), Map.entry("scroll-reversal-travel", "0.3"),
                Map.entry("scroll-norm-days", "7"), Map.entry("insight-ended-grace-ms", "1000"),
                Map.entry("insight-quiet-ms", "3000"), Map.entry("insight-sweep-ms", "200")));

        assertThat(s.rageClicks()).isEqualTo(new RageClickDetector.Thresholds(4, 1500, 40));
        assertThat(s.deadClicks()).isEqualTo(new DeadClickDetector.Thresholds(2000, 100, 0));
        assertThat(s.errorClicks().windowMs()).isEqualTo(2000);
        assertThat(s.quickBacks()).isEqualTo(new QuickBackDetector.Thresholds(10000, 500));
        assertThat(s.excessiveScrolling()).isEqualTo(new ExcessiveScrollDetector.Thresholds(8, 2.5, 50, 0.3, Duration.ofDays(7)));
        assertThat(s.schedule().endedGrace()).isEqualTo(Duration.ofSeconds(1));
        assertThat(s.schedule().quietAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.schedule().sweepInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(InsightSettings.FLAGS).hasSize(17);
    }

    @Test
    void aBadValueNamesItsFlag() {
        assertThatThrownBy(() -> InsightSettings.from(Map.of("rage-click-count", "three")))
                .hasMessage("--rage-click-count must be a whole number");
        assertThatThrownBy(() -> InsightSettings.from(Map.of("rage-click-count", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void definitionsSayWhatTheThresholdsMean() {
        assertThat(InsightSettings.DEFAULTS.definitions()).containsKeys(InsightKind.values());
        assertThat(InsightSettings.DEFAULTS.definitions().get(InsightKind.RAGE_CLICK))
                .isEqualTo("3 or more clicks on one element within 1 s, inside a 30 px radius");
    }
}
