package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aKeyMaySpendItsBurstThenIsRefusedWhileOtherKeysAreNot() {
        RateLimiter limiter = new RateLimiter(1, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("a")).isTrue();
        }

        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.tryAcquire("b")).isTrue();
        assertThat(limiter.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void tokensComeBackWithTime() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(100, 1);
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        Thread.sleep(30);

        assertThat(limiter.tryAcquire("a")).isTrue();
    }
}
