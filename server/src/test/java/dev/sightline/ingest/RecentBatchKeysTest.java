package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentBatchKeysTest {

    @Test
    void aKeySeenBeforeIsRecognisedAndOthersAreNot() {
        RecentBatchKeys keys = new RecentBatchKeys(1000);

        assertThat(keys.add("p", "s1", 1, 0)).isTrue();
        assertThat(keys.add("p", "s1", 1, 0)).isFalse();
        assertThat(keys.add("p", "s1", 1, 1)).isTrue();
        assertThat(keys.add("p", "s1", 2, 0)).isTrue();
        assertThat(keys.add("q", "s1", 1, 0)).isTrue();
    }

    @Test
    void aRemovedKeyIsAcceptedAgain() {
        RecentBatchKeys keys = new RecentBatchKeys(1000);
        for (int i = 0; i < 500; i++) {
            keys.add("p", "s", 1, i);
        }
        keys.remove("p", "s", 1, 17);

        assertThat(keys.add("p", "s", 1, 17)).isTrue();
        for (int i = 0; i < 500; i++) {
            assertThat(keys.add("p", "s", 1, i)).as("key %d", i).isFalse();
        }
    }

    @Test
    void memoryStaysBoundedByForgettingTheOldestGeneration() {
        RecentBatchKeys keys = new RecentBatchKeys(100);
        for (int i = 0; i < 300; i++) {
            keys.add("p", "s", 1, i);
        }

        assertThat(keys.add("p", "s", 1, 299)).isFalse();
        assertThat(keys.add("p", "s", 1, 0)).isTrue();
    }
}
