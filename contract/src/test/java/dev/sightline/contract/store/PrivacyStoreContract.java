package dev.sightline.contract.store;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link EventStore#privacy()} must do: find a person's sessions, keep chosen sessions
 * past retention, and purge deleted data so that not even the store's files hold it.
 */
public abstract class PrivacyStoreContract {

    protected static final String PROJECT = "project-a";
    protected static final String OTHER_PROJECT = "project-b";
    private static final Instant NOW = T0.plus(Duration.ofDays(60));

    @TempDir
    protected Path dataDir;

    private EventStore store;

    /** Opens the store over the directory; called again on the same directory to test durability. */
    protected abstract EventStore openStore(Path dataDir);

    @BeforeEach
    void openTheStore() {
        store = openStore(dataDir);
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            store.close();
        }
    }

    private PrivacyStore privacy() {
        return store.privacy();
    }

    @Test
    void aVisitorsSessionsAreFoundInTheirProjectOnly() {
        store.write(List.of(
                batch(PROJECT, "s2").visitor("v1").pageStartedAt(T0.plusSeconds(20)).build(),
                batch(PROJECT, "s1").visitor("v1").build(),
                batch(PROJECT, "s3").visitor("v2").build(),
                batch(OTHER_PROJECT, "s4").visitor("v1").build()));

        assertThat(privacy().sessionsOfVisitor(PROJECT, "v1")).containsExactly("s1", "s2");
        assertThat(privacy().sessionsOfVisitor(OTHER_PROJECT, "v1")).containsExactly("s4");
        assertThat(privacy().sessionsOfVisitor(PROJECT, "nobody")).isEmpty();
    }

    @Test
    void aUsersSessionsIncludeEverySessionOfTheBrowsersTheyIdentifiedIn() {
        store.write(List.of(
                batch(PROJECT, "identified").visitor("v1").identify(10, "hash-ada").build(),
                batch(PROJECT, "same-browser-later").visitor("v1").pageStartedAt(T0.plusSeconds(90)).build(),
                batch(PROJECT, "other-browser").visitor("v2").pageStartedAt(T0.plusSeconds(30))
                        .identify(10, "hash-ada").build(),
                batch(PROJECT, "someone-else").visitor("v3").identify(10, "hash-bob").build(),
                batch(OTHER_PROJECT, "elsewhere").visitor("v1").identify(10, "hash-ada").build()));

        assertThat(privacy().sessionsOfUser(PROJECT, "hash-ada"))
                .containsExactly("identified", "other-browser", "same-browser-later");
        assertThat(privacy().sessionsOfUser(PROJECT, "hash-nobody")).isEmpty();
    }

    @Test
    void recordingDaysAreTheUtcDaysTheSessionsPagesStartedOn() {
        Instant lateEvening = Instant.parse("2026-03-02T23:59:00Z");
        store.write(List.of(
                batch(PROJECT, "s1").pageStartedAt(lateEvening).build(),
                batch(PROJECT, "s1").page(2).pageStartedAt(lateEvening.plusSeconds(120)).build(),
                batch(PROJECT, "s2").pageStartedAt(T0.plus(Duration.ofDays(5))).build()));

        assertThat(privacy().recordingDays(PROJECT, List.of("s1")))
                .containsExactlyInAnyOrder(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03"));
        assertThat(privacy().recordingDays(PROJECT, List.of("s1", "s2", "unknown"))).hasSize(3);
        assertThat(privacy().recordingDays(PROJECT, List.of())).isEmpty();
    }

    @Test
    void aKeptSessionIsNotExpiredUntilItsTimeHasPassed() {
        store.write(List.of(
                batch(PROJECT, "old-kept").build(),
                batch(PROJECT, "old").pageStartedAt(T0.plusSeconds(1)).build(),
                batch(PROJECT, "new").pageStartedAt(NOW).build()));

        assertThat(privacy().keep(PROJECT, "old-kept", NOW.plus(Duration.ofDays(300)))).isTrue();

        Instant cutoff = NOW.minus(Duration.ofDays(30));
        assertThat(privacy().expiredSessions(PROJECT, cutoff, NOW, 10)).containsExactly("old");
        assertThat(privacy().keptAt(PROJECT, NOW)).containsExactly("old-kept");
        assertThat(privacy().keptUntil(PROJECT, "old-kept")).contains(NOW.plus(Duration.ofDays(300)));
        Instant later = NOW.plus(Duration.ofDays(301));
        assertThat(privacy().expiredSessions(PROJECT, cutoff, later, 10)).containsExactly("old-kept", "old");
        assertThat(privacy().keptAt(PROJECT, later)).isEmpty();
        assertThat(privacy().expiredSessions(PROJECT, cutoff, NOW, 0)).isEmpty();
    }

    @Test
    void keepingReplacesTheTimeAndReleasingEndsIt() {
        store.write(List.of(batch(PROJECT, "s1").build()));

        privacy().keep(PROJECT, "s1", NOW);
        privacy().keep(PROJECT, "s1", NOW.plusSeconds(60));
        assertThat(privacy().keptUntil(PROJECT, "s1")).contains(NOW.plusSeconds(60));

        privacy().release(PROJECT, "s1");
        privacy().release(PROJECT, "never-kept");

        assertThat(privacy().keptUntil(PROJECT, "s1")).isEmpty();
        assertThat(privacy().keptAt(PROJECT, T0)).isEmpty();
    }

    @Test
    void onlyExistingSessionsOfTheProjectCanBeKept() {
        store.write(List.of(batch(OTHER_PROJECT, "theirs").build()));

        assertThat(privacy().keep(PROJECT, "theirs", NOW)).isFalse();
        assertThat(privacy().keep(PROJECT, "nothing", NOW)).isFalse();

        assertThat(privacy().keptAt(PROJECT, T0)).isEmpty();
        assertThat(privacy().keptAt(OTHER_PROJECT, T0)).isEmpty();
    }

    @Test
    void deletingAKeptSessionForgetsThatItWasKept() {
        store.write(List.of(batch(PROJECT, "s1").build()));
        privacy().keep(PROJECT, "s1", NOW);

        store.deleteSessions(PROJECT, List.of("s1"));
        store.write(List.of(batch(PROJECT, "s1").build()));

        assertThat(privacy().keptUntil(PROJECT, "s1")).isEmpty();
    }

    @Test
    void afterAPurgeNoFileOfTheStoreHoldsADeletedValueAndEverythingElseRemains() throws Exception {
        store.write(List.of(
                batch(PROJECT, "erased-session").visitor("visitor-erased-7f3a").title("Title-erased-91c2")
                        .url("https://shop.example/erased-path-5d1e").click(100, "#erased-button-2b7c").build(),
                batch(PROJECT, "kept-session").visitor("visitor-kept-4e8b").title("Title-kept-0a6f").build()));
        privacy().keep(PROJECT, "kept-session", NOW);
        store.close();
        store = openStore(dataDir);
        List<String> erased = List.of("visitor-erased-7f3a", "Title-erased-91c2", "erased-path-5d1e", "erased-button-2b7c");
        assertThat(filesHolding(erased)).as("the values are in the files before").isNotEmpty();

        store.deleteSessions(PROJECT, List.of("erased-session"));
        privacy().purgeDeleted();

        assertThat(filesHolding(erased)).isEmpty();
        assertThat(store.session(PROJECT, "erased-session")).isEmpty();
        assertThat(store.session(PROJECT, "kept-session")).isPresent();
        assertThat(privacy().keptUntil(PROJECT, "kept-session")).contains(NOW);
        store.write(List.of(batch(PROJECT, "after-purge").build()));
        store.close();
        store = openStore(dataDir);
        assertThat(store.session(PROJECT, "after-purge")).isPresent();
        assertThat(store.session(PROJECT, "kept-session").orElseThrow().pages().get(0).title()).isEqualTo("Title-kept-0a6f");
        assertThat(filesHolding(List.of("Title-kept-0a6f"))).isNotEmpty();
    }

    /** Files under the data directory whose raw bytes contain any of the values. */
    private List<Path> filesHolding(List<String> values) throws Exception {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    return values.stream().anyMatch(text::contains);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void keptSessionsSurviveCloseAndReopen() {
        store.write(List.of(batch(PROJECT, "s1").build()));
        privacy().keep(PROJECT, "s1", NOW);

        store.close();
        store = openStore(dataDir);

        assertThat(privacy().keptAt(PROJECT, T0)).isEqualTo(Set.of("s1"));
    }
}
