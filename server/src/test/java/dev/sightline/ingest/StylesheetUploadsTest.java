package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.stylesheets.StylesheetHashes;
import dev.sightline.contract.wire.Batch;
import dev.sightline.contract.wire.WireLimits;
import dev.sightline.http.HttpProblem;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The envelope's optional {@code css} field: stylesheet texts by their SHA-256, checked on arrival. */
class StylesheetUploadsTest {
    private static final String CSS = "body{font-family:\"Caf\u00e9\",sans-serif}\n.hero{color:#0a0}";
    private static final String HASH = StylesheetHashes.of(CSS.getBytes(StandardCharsets.UTF_8));

    private final BatchDecoder decoder = new BatchDecoder(Uploads.JSON);

    private byte[] with(Consumer<ObjectNode> change) {
        ObjectNode upload = Uploads.upload("site-key", "session-0001", 1, 0);
        change.accept(upload);
        return Uploads.bytes(upload);
    }

    private static HttpProblem problem(Runnable call) {
        try {
            call.run();
        } catch (HttpProblem e) {
            return e;
        }
        throw new AssertionError("the upload was accepted");
    }

    @Test
    void anUploadWithoutCssCarriesNoStylesheets() {
        assertThat(decoder.decode(with(u -> { })).stylesheets()).isEmpty();
    }

    @Test
    void aStylesheetUnderItsOwnHashIsAcceptedAndSurvivesTheIngestLogsSecondDecoding() {
        byte[] body = Uploads.gzip(with(u -> u.putObject("css").put(HASH, CSS)));

        BatchDecoder.Decoded first = decoder.decodeUpload(body);
        Batch again = decoder.decodeAccepted(body, first.recordingStart(), first.recordingEnd());

        assertThat(first.batch().stylesheets()).containsExactlyEntriesOf(java.util.Map.of(HASH, CSS));
        assertThat(again).isEqualTo(first.batch());
    }

    @Test
    void aStylesheetUnderAnotherTextsHashIsRefusedWithItsReason() {
        HttpProblem refused = problem(() -> decoder.decode(with(u -> u.putObject("css")
                .put(HASH, "body{background:url(https://attacker.example/beacon)}"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("stylesheet_hash_mismatch");
        assertThat(refused.reason()).contains(HASH);
    }

    @Test
    void aLoneSurrogateIsHashedAsABrowsersTextEncoderWritesIt() {
        // JSON.stringify writes a lone surrogate as an escape; TextEncoder hashes it as U+FFFD
        String hash = StylesheetHashes.of("a{content:\"\ufffd\"}".getBytes(StandardCharsets.UTF_8));
        String upload = new String(with(u -> { }), StandardCharsets.UTF_8);
        byte[] body = (upload.substring(0, upload.length() - 1) + ",\"css\":{\"" + hash + "\":\"a{content:\\\"\\ud800\\\"}\"}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(body).stylesheets()).containsKey(hash);
    }

    @Test
    void malformedOrOversizedCssIsRefused() {
        assertThat(problem(() -> decoder.decode(with(u -> u.put("css", "body{}")))).code()).isEqualTo("invalid_field");
        assertThat(problem(() -> decoder.decode(with(u -> u.putObject("css").put("not-a-hash", CSS)))).code())
                .isEqualTo("invalid_field");
        assertThat(problem(() -> decoder.decode(with(u -> u.putObject("css").put(HASH, 42)))).code())
                .isEqualTo("invalid_field");
        String huge = "a".repeat(WireLimits.MAX_STYLESHEET_CHARS + 1);
        String hugeHash = StylesheetHashes.of(huge.getBytes(StandardCharsets.UTF_8));
        assertThat(problem(() -> decoder.decode(with(u -> u.putObject("css").put(hugeHash, huge)))).status()).isEqualTo(413);
        assertThatThrownBy(() -> decoder.decode(with(u -> {
            ObjectNode css = u.putObject("css");
            for (int i = 0; i <= WireLimits.MAX_STYLESHEETS; i++) {
                String text = "p{order:" + i + "}";
                css.put(StylesheetHashes.of(text.getBytes(StandardCharsets.UTF_8)), text);
            }
        }))).isInstanceOfSatisfying(HttpProblem.class, e -> assertThat(e.status()).isEqualTo(413));
    }
}
