package dev.sightline.contract.heatmap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.store.DeviceClass;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link PageSnapshotStore} must do. A back end extends this class and says how to open
 * itself over a data directory; opening the same directory again must find every snapshot put before.
 */
public abstract class PageSnapshotStoreContract {

    protected static final String PROJECT = "project-a";
    protected static final Instant TAKEN = Instant.parse("2026-03-02T10:00:00.123Z");

    @TempDir
    protected Path dataDir;

    private PageSnapshotStore store;

    protected abstract PageSnapshotStore openStore(Path dataDir);

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

    protected final void reopen() {
        store.close();
        store = null;
        store = openStore(dataDir);
    }

    @Test
    void aSnapshotIsFoundByItsKeyAndItsEventsReadBackByteForByte() {
        PageSnapshot snapshot = snapshot(PROJECT, "shop.example/product/42?id=7", DeviceClass.DESKTOP, "s1", TAKEN);
        byte[] events = gzip("[{\"type\":4},{\"type\":2}]");

        store.put(snapshot, events);

        assertThat(store.find(snapshot.key())).contains(snapshot);
        assertThat(read(snapshot.key())).isEqualTo(events);
    }

    @Test
    void eachDeviceClassOfAPageHasItsOwnSnapshot() {
        PageSnapshot desktop = snapshot(PROJECT, "shop.example/", DeviceClass.DESKTOP, "s1", TAKEN);
        PageSnapshot phone = snapshot(PROJECT, "shop.example/", DeviceClass.MOBILE, "s2", TAKEN);
        store.put(desktop, gzip("[1]"));
        store.put(phone, gzip("[2]"));

        assertThat(read(desktop.key())).isEqualTo(gzip("[1]"));
        assertThat(read(phone.key())).isEqualTo(gzip("[2]"));
        assertThat(store.find(new SnapshotKey(PROJECT, "shop.example/", DeviceClass.TABLET))).isEmpty();
    }

    @Test
    void puttingAgainReplacesTheSnapshotAndItsEvents() {
        PageSnapshot first = snapshot(PROJECT, "shop.example/", DeviceClass.DESKTOP, "s1", TAKEN);
        store.put(first, gzip("[1]"));
        PageSnapshot later = new PageSnapshot(first.key(), "s9", 3, TAKEN.plusSeconds(86_400 * 8), 1280, 720, true);
        byte[] events = gzip("[9,9,9]");

        store.put(later, events);
        store.put(later, events);

        assertThat(store.find(first.key())).contains(later);
        assertThat(read(first.key())).isEqualTo(events);
        assertThat(store.list(PROJECT)).containsExactly(later);
    }

    @Test
    void aMissingSnapshotIsEmptyAndCannotBeOpened() {
        SnapshotKey key = new SnapshotKey(PROJECT, "shop.example/none", DeviceClass.DESKTOP);

        assertThat(store.find(key)).isEmpty();
        assertThatThrownBy(() -> store.open(key).close()).isInstanceOf(SnapshotNotFoundException.class);
        assertThat(store.list(PROJECT)).isEmpty();
    }

    @Test
    void aProjectsSnapshotsAreListedByPageThenDevice() {
        PageSnapshot b = snapshot(PROJECT, "shop.example/b", DeviceClass.DESKTOP, "s1", TAKEN);
        PageSnapshot aPhone = snapshot(PROJECT, "shop.example/a", DeviceClass.MOBILE, "s2", TAKEN);
        PageSnapshot aDesktop = snapshot(PROJECT, "shop.example/a", DeviceClass.DESKTOP, "s3", TAKEN);
        PageSnapshot other = snapshot("project-b", "shop.example/a", DeviceClass.DESKTOP, "s4", TAKEN);
        for (PageSnapshot s : List.of(b, aPhone, aDesktop, other)) {
            store.put(s, gzip("[]"));
        }

        assertThat(store.list(PROJECT)).containsExactly(aDesktop, aPhone, b);
        assertThat(store.list("project-b")).containsExactly(other);
    }

    @Test
    void retentionDeletesTheSnapshotsTakenBeforeTheCutoff() {
        PageSnapshot old = snapshot(PROJECT, "shop.example/old", DeviceClass.DESKTOP, "s1", TAKEN.minusSeconds(3600));
        PageSnapshot pinnedOld = new PageSnapshot(new SnapshotKey(PROJECT, "shop.example/pinned", DeviceClass.DESKTOP), "s2", 1,
                TAKEN.minusSeconds(60), 1440, 900, true);
        PageSnapshot current = snapshot(PROJECT, "shop.example/new", DeviceClass.DESKTOP, "s3", TAKEN);
        PageSnapshot otherProject = snapshot("project-b", "shop.example/old", DeviceClass.DESKTOP, "s4", TAKEN.minusSeconds(3600));
        for (PageSnapshot s : List.of(old, pinnedOld, current, otherProject)) {
            store.put(s, gzip("[]"));
        }

        assertThat(store.deleteTakenBefore(PROJECT, TAKEN)).isEqualTo(2);

        assertThat(store.list(PROJECT)).containsExactly(current);
        assertThat(store.list("project-b")).containsExactly(otherProject);
        assertThatThrownBy(() -> store.open(old.key()).close()).isInstanceOf(SnapshotNotFoundException.class);
        assertThat(store.deleteTakenBefore(PROJECT, TAKEN)).isZero();
    }

    @Test
    void erasingSessionsDeletesTheSnapshotsTakenFromThem() {
        PageSnapshot fromErased = snapshot(PROJECT, "shop.example/a", DeviceClass.DESKTOP, "erased", TAKEN);
        PageSnapshot fromKept = snapshot(PROJECT, "shop.example/b", DeviceClass.DESKTOP, "kept", TAKEN);
        store.put(fromErased, gzip("[]"));
        store.put(fromKept, gzip("[]"));

        store.deleteSessions(PROJECT, List.of("erased", "unknown"));
        store.deleteSessions(PROJECT, List.of());

        assertThat(store.list(PROJECT)).containsExactly(fromKept);
    }

    @Test
    void snapshotsSurviveCloseAndReopen() {
        PageSnapshot snapshot = snapshot(PROJECT, "shop.example/ü?q=a b", DeviceClass.TABLET, "s1", TAKEN);
        byte[] events = gzip("[{\"type\":2}]");
        store.put(snapshot, events);

        reopen();

        assertThat(store.find(snapshot.key())).contains(snapshot);
        assertThat(read(snapshot.key())).isEqualTo(events);
    }

    @Test
    void projectIdsThatCouldEscapeTheLayoutAreRejected() {
        for (String bad : List.of("..", "a/b", "", "a.b")) {
            assertThatThrownBy(() -> store.put(snapshot(bad, "k", DeviceClass.DESKTOP, "s1", TAKEN), gzip("[]")))
                    .as("project id %s", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.list(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ---- helpers ----

    protected static PageSnapshot snapshot(String projectId, String pageKey, DeviceClass device, String sessionId,
                                           Instant takenAt) {
        return new PageSnapshot(new SnapshotKey(projectId, pageKey, device), sessionId, 1, takenAt, 1440, 900, false);
    }

    protected final byte[] read(SnapshotKey key) {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static byte[] gzip(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(json.getBytes(UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
