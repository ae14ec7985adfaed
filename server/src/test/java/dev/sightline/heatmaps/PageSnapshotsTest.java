package dev.sightline.heatmaps;

import static dev.sightline.contract.store.TestBatches.T0;
import static dev.sightline.contract.store.TestBatches.batch;
import static dev.sightline.heatmaps.RrwebEvents.array;
import static dev.sightline.heatmaps.RrwebEvents.fullSnapshot;
import static dev.sightline.heatmaps.RrwebEvents.meta;
import static dev.sightline.heatmaps.RrwebEvents.mouseMove;
import static dev.sightline.heatmaps.RrwebEvents.mutation;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sightline.contract.heatmap.PageSnapshot;
import dev.sightline.contract.heatmap.SnapshotKey;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.store.disk.DiskPageSnapshotStore;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageSnapshotsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "shop.example/product/42";
    private static final SnapshotKey DESKTOP = new SnapshotKey("p1", PAGE, DeviceClass.DESKTOP);

    @TempDir
    Path dataDir;

    private DiskPageSnapshotStore store;
    private PageSnapshots snapshots;

    @BeforeEach
    void open() {
        store = new DiskPageSnapshotStore(dataDir);
        snapshots = new PageSnapshots(store, JSON);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void offer(BatchRows rows, String recording) {
        snapshots.offer(rows, utf8(recording));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void thePagesFirstRecordedPageViewGivesItsSnapshotWithoutTheVisitorsActions() throws Exception {
        offer(page("s1", T0, DeviceClass.DESKTOP, false),
                array(meta(1000, 1440, 900), fullSnapshot(1001, "first"), mouseMove(1100), mutation(1200)));

        PageSnapshot snapshot = store.find(DESKTOP).orElseThrow();
        assertThat(snapshot).isEqualTo(new PageSnapshot(DESKTOP, "s1", 1, T0, 1440, 900, false));
        assertThat(events(DESKTOP).size()).isEqualTo(3);
        assertThat(events(DESKTOP).toString()).contains("\"first\"").doesNotContain("\"source\":1");
    }

    @Test
    void aNewerPageViewReplacesTheSnapshotOnlyOnceItIsAWeekOld() throws Exception {
        offer(page("s1", T0, DeviceClass.DESKTOP, false), array(meta(1, 1440, 900), fullSnapshot(2, "first")));
        offer(page("s2", T0.plus(Duration.ofDays(6)), DeviceClass.DESKTOP, false),
                array(meta(1, 1440, 900), fullSnapshot(2, "second")));

        assertThat(store.find(DESKTOP).orElseThrow().sessionId()).isEqualTo("s1");

        offer(page("s3", T0.plus(Duration.ofDays(8)), DeviceClass.DESKTOP, false),
                array(meta(1, 1280, 720), fullSnapshot(2, "third")));

        assertThat(store.find(DESKTOP).orElseThrow().sessionId()).isEqualTo("s3");
        assertThat(events(DESKTOP).toString()).contains("\"third\"");
    }

    @Test
    void eachDeviceClassGetsItsOwnSnapshot() {
        offer(page("s1", T0, DeviceClass.DESKTOP, false), array(meta(1, 1440, 900), fullSnapshot(2, "desk")));
        offer(page("s2", T0, DeviceClass.MOBILE, false), array(meta(1, 390, 844), fullSnapshot(2, "phone")));

        assertThat(store.find(new SnapshotKey("p1", PAGE, DeviceClass.MOBILE)).orElseThrow().viewportWidth()).isEqualTo(390);
        assertThat(store.find(DESKTOP).orElseThrow().viewportWidth()).isEqualTo(1440);
    }

    @Test
    void aPinnedSnapshotIsNeverReplacedAutomatically() {
        PageSnapshot pinned = new PageSnapshot(DESKTOP, "chosen", 2, T0, 1440, 900, true);
        snapshots.pin(pinned, PageSnapshots.gzip(JSON, JSON.createArrayNode()));

        offer(page("s9", T0.plus(Duration.ofDays(60)), DeviceClass.DESKTOP, false),
                array(meta(1, 1440, 900), fullSnapshot(2, "later")));

        assertThat(store.find(DESKTOP)).contains(pinned);
    }

    @Test
    void botsAndUploadsWithoutAFullSnapshotGiveNone() {
        offer(page("bot", T0, DeviceClass.DESKTOP, true), array(meta(1, 1440, 900), fullSnapshot(2, "bot")));
        offer(page("s1", T0, DeviceClass.DESKTOP, false), array(mutation(5), mouseMove(6)));

        assertThat(store.list("p1")).isEmpty();
    }

    @Test
    void aRecordingThatCannotBeReadIsSkippedWithoutFailingTheUpload() {
        offer(page("s1", T0, DeviceClass.DESKTOP, false), "[{\"type\":4,\"type\":2 this is not json");

        assertThat(store.list("p1")).isEmpty();
        offer(page("s2", T0, DeviceClass.DESKTOP, false), array(meta(1, 1440, 900), fullSnapshot(2, "ok")));
        assertThat(store.find(DESKTOP)).isPresent();
    }

    @Test
    void aProjectAtItsCapKeepsRefreshingItsSnapshotsButTakesNoNewPages() {
        PageSnapshots capped = new PageSnapshots(store, JSON, 2);
        for (String page : new String[] {"shop.example/a", "shop.example/b", "shop.example/c"}) {
            capped.offer(batch("p1", "s-" + page.charAt(page.length() - 1)).pageKey(page).pageStartedAt(T0).build(),
                    utf8(array(meta(1, 1440, 900), fullSnapshot(2, "x"))));
        }
        capped.offer(batch("p1", "s-later").pageKey("shop.example/a").pageStartedAt(T0.plus(Duration.ofDays(8))).build(),
                utf8(array(meta(1, 1440, 900), fullSnapshot(2, "later"))));

        assertThat(store.list("p1")).extracting(s -> s.key().pageKey()).containsExactly("shop.example/a", "shop.example/b");
        assertThat(store.find(new SnapshotKey("p1", "shop.example/a", DeviceClass.DESKTOP)).orElseThrow().sessionId())
                .isEqualTo("s-later");
    }

    private static BatchRows page(String sessionId, Instant start, DeviceClass device, boolean bot) {
        return batch("p1", sessionId).pageKey(PAGE).pageStartedAt(start).device(device).bot(bot).build();
    }

    private JsonNode events(SnapshotKey key) throws Exception {
        try (InputStream in = new GZIPInputStream(store.open(key))) {
            return JSON.readTree(in);
        }
    }
}
