package dev.sightline.contract.stylesheets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link StylesheetStore} must do. A back end extends this class and says how to open
 * itself over a data directory; opening the same directory again must find every stylesheet put before.
 */
public abstract class StylesheetStoreContract {

    protected static final String PROJECT = "project-a";
    protected static final byte[] CSS = "body{color:#123456}\n.hero{margin:0 auto;content:\"caf\u00e9 \u2713\"}".getBytes(UTF_8);
    protected static final String HASH = StylesheetHashes.of(CSS);

    @TempDir
    protected Path dataDir;

    private StylesheetStore store;

    protected abstract StylesheetStore openStore(Path dataDir);

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

    @Test
    void aStylesheetIsFoundByItsHashByteForByteAfterReopening() {
        store.putIfAbsent(PROJECT, HASH, CSS);

        assertThat(store.find(PROJECT, HASH)).hasValueSatisfying(css -> assertThat(css).isEqualTo(CSS));
        store.close();
        store = openStore(dataDir);
        assertThat(store.find(PROJECT, HASH)).hasValueSatisfying(css -> assertThat(css).isEqualTo(CSS));
    }

    @Test
    void aProjectListsTheHashesOfItsOwnStylesheetsOnly() {
        byte[] other = "p{margin:0}".getBytes(UTF_8);
        store.putIfAbsent(PROJECT, HASH, CSS);
        store.putIfAbsent(PROJECT, StylesheetHashes.of(other), other);
        store.putIfAbsent("project-b", HASH, CSS);

        assertThat(store.hashes(PROJECT)).containsExactlyInAnyOrder(HASH, StylesheetHashes.of(other));
        assertThat(store.hashes("project-b")).containsExactly(HASH);
        assertThat(store.hashes("project-c")).isEmpty();
    }

    @Test
    void anUnknownHashIsNotFound() {
        store.putIfAbsent(PROJECT, HASH, CSS);

        assertThat(store.find(PROJECT, StylesheetHashes.of("p{}".getBytes(UTF_8)))).isEmpty();
    }

    @Test
    void projectsAreIsolated() {
        store.putIfAbsent(PROJECT, HASH, CSS);

        assertThat(store.find("project-b", HASH)).isEmpty();
    }

    @Test
    void puttingTheSameStylesheetAgainKeepsIt() {
        store.putIfAbsent(PROJECT, HASH, CSS);
        store.putIfAbsent(PROJECT, HASH, CSS.clone());

        assertThat(store.find(PROJECT, HASH)).hasValueSatisfying(css -> assertThat(css).isEqualTo(CSS));
    }

    @Test
    void aTextUnderAnotherTextsHashIsRefusedAndNothingIsStored() {
        byte[] hostile = "body{background:url(https://attacker.example/x)}".getBytes(UTF_8);

        assertThatThrownBy(() -> store.putIfAbsent(PROJECT, HASH, hostile)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(PROJECT, HASH)).isEmpty();
    }

    @Test
    void somethingThatIsNoHashIsRefusedOnPutAndNotFoundOnRead() {
        assertThatThrownBy(() -> store.putIfAbsent(PROJECT, "../../etc/passwd", CSS)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.find(PROJECT, "../" + HASH)).isEmpty();
        assertThat(store.find(PROJECT, HASH.toUpperCase())).isEmpty();
    }
}
