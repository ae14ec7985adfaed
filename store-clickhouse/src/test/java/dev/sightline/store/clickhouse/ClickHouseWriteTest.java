package dev.sightline.store.clickhouse;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.StoreException;
import dev.sightline.contract.store.StoredClick;
import dev.sightline.contract.store.TimelineMarker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ClickHouse store must do beyond the contract: survive interrupted writes, keep any text intact. */
class ClickHouseWriteTest {

    private static final String PROJECT = "project-a";

    @TempDir
    Path dataDir;

    private ClickHouseSettings settings;
    private ClickHouseEventStore store;

    @BeforeEach
    void openTheStore() {
        settings = ClickHouseServer.shared().settings(getClass(), dataDir);
        store = new ClickHouseEventStore(settings);
    }

    @AfterEach
    void closeTheStore() {
        ClickHouseServer.shared().drop(settings);
        store.close();
    }

    @Test
    void aWriteInterruptedBeforeItsBatchRowsIsReplayedWithoutCountingAnyEventTwice() {
        BatchRows batch = batch(PROJECT, "s1").click(100, "#buy", "Buy").error(200, "boom").tag(300, "plan", "pro")
                .pageChange(100, 150, 2).build();
        try (ClickHouseDatabase database = ClickHouseDatabase.open(settings)) {
            // What a write had inserted when it stopped: everything but the batch rows, which it writes last.
            FactRows.of(List.of(batch)).forEach(database::insert);
            database.insert("page_changes", InsightFacts.pageChanges(List.of(batch)));
            database.insert("insight_marks", InsightFacts.marks(List.of(batch)));
        }

        assertThat(store.write(List.of(batch))).as("the batch was not written").isEqualTo(1);

        assertThat(store.clicks(PROJECT, "s1")).singleElement().extracting(StoredClick::selector).isEqualTo("#buy");
        assertThat(store.session(PROJECT, "s1").orElseThrow().markers()).extracting(TimelineMarker::kind)
                .containsExactly(TimelineMarker.Kind.PAGE, TimelineMarker.Kind.CLICK, TimelineMarker.Kind.ERROR);
        HeatmapQuery heatmap = new HeatmapQuery(PROJECT, new PageScope.Page(batch.page().pageKey()),
                Optional.of(DeviceClass.DESKTOP), T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(1)), false);
        assertThat(store.heatmaps().points(heatmap, HeatmapLayer.CLICKS).points()).isEqualTo(1);
        assertThat(store.insights().pending(T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(1)), 10))
                .singleElement().satisfies(pending -> assertThat(pending.marks()).isEqualTo(1));
        assertThat(store.insights().activity(store.insights().pending(T0.plus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(1)), 10), Duration.ofDays(30)).get(0).changes()).hasSize(1);
    }

    @Test
    void idsAndTextsWithQuotesBackslashesAndControlCharactersComeBackAsTheyWere() {
        String sessionId = "s'1\\\"--";
        String selector = "a[href='x\\y']\n\t\u0001€";
        store.write(List.of(batch(PROJECT, sessionId).click(100, selector, "It's \\ \"quoted\"")
                .tag(200, "k'ey", "va\\lue").build()));

        assertThat(store.clicks(PROJECT, sessionId)).singleElement().satisfies(click -> {
            assertThat(click.selector()).isEqualTo(selector);
            assertThat(click.text()).isEqualTo("It's \\ \"quoted\"");
        });
        assertThat(store.session(PROJECT, sessionId).orElseThrow().tags()).isEqualTo(Map.of("k'ey", "va\\lue"));
        assertThat(store.session(PROJECT, "s'1")).isEmpty();
        store.deleteSessions(PROJECT, List.of(sessionId));
        assertThat(store.session(PROJECT, sessionId)).isEmpty();
    }

    @Test
    void aMonthWhoseRowsAllBelongToDeletedSessionsIsDroppedWholeAndTheOtherMonthsAreMutated() {
        store.write(List.of(batch(PROJECT, "january").pageStartedAt(T0.minus(Duration.ofDays(40))).click(10, "#a").build(),
                batch(PROJECT, "march").click(10, "#b").build(),
                batch(PROJECT, "march-kept").click(10, "#c").build()));

        store.deleteSessions(PROJECT, List.of("january", "march"));

        try (ClickHouseDatabase database = ClickHouseDatabase.open(settings)) {
            for (String table : List.of("batches", "clicks")) {
                assertThat(database.query("SELECT DISTINCT partition FROM system.parts WHERE active AND database = '"
                        + settings.database() + "' AND table = '" + table + "'"))
                        .as(table).extracting(row -> row.get("partition").asText()).containsExactly("202603");
            }
        }
        assertThat(store.session(PROJECT, "january")).isEmpty();
        assertThat(store.session(PROJECT, "march")).isEmpty();
        assertThat(store.clicks(PROJECT, "march-kept")).extracting(StoredClick::selector).containsExactly("#c");
    }

    @Test
    void thousandsOfSessionsAreDeletedInOneCall() {
        store.write(List.of(batch(PROJECT, "doomed").build(), batch(PROJECT, "kept").build()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add("retention-expired-session-" + i);
        }
        ids.add("doomed");

        store.deleteSessions(PROJECT, ids);

        assertThat(store.session(PROJECT, "doomed")).isEmpty();
        assertThat(store.session(PROJECT, "kept")).isPresent();
    }

    @Test
    void anUnreachableServerIsAStoreErrorWhenTheStoreOpens() {
        ClickHouseSettings nowhere = new ClickHouseSettings(URI.create("http://127.0.0.1:1"), "nowhere", "default", "");

        assertThatThrownBy(() -> new ClickHouseEventStore(nowhere)).isInstanceOf(StoreException.class);
    }
}
