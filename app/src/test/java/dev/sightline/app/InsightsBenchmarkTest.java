package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InsightsBenchmarkTest {

    @Test
    void theBenchmarkAnalysesEveryPageViewItWrote() {
        InsightsBenchmark.Result result = InsightsBenchmark.run(40, 3, 60, 7);

        assertThat(result.sessions()).isEqualTo(40);
        assertThat(result.pageViews()).isEqualTo(120);
        assertThat(result.events()).isEqualTo(40L * 3 * 60);
        assertThat(result.sessionsPerSecond()).isPositive();
    }
}
