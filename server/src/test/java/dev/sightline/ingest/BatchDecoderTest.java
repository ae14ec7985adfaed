package dev.sightline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.contract.wire.Batch;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.Page;
import dev.sightline.contract.wire.WireLimits;
import dev.sightline.http.HttpProblem;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

class BatchDecoderTest {
    private final BatchDecoder decoder = new BatchDecoder(Uploads.JSON);

    private static void assertProblem(ThrowableAssert.ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOf(HttpProblem.class)
                .satisfies(e -> {
                    assertThat(((HttpProblem) e).status()).isEqualTo(status);
                    assertThat(((HttpProblem) e).code()).isEqualTo(code);
                    assertThat(((HttpProblem) e).reason()).isNotBlank();
                });
    }

    private byte[] with(Consumer<ObjectNode> change) {
        ObjectNode upload = Uploads.upload("site-key", "session-0001", 1, 0);
        change.accept(upload);
        return Uploads.bytes(upload);
    }

    @Test
    void aWellFormedUploadBecomesABatchWithTypedEvents() {
        Batch batch = decoder.decode(with(u -> { }));

        assertThat(batch.projectKey()).isEqualTo("site-key");
        assertThat(batch.sessionId()).isEqualTo("session-0001");
        assertThat(batch.events()).hasSize(3);
        assertThat(batch.events().get(0)).isInstanceOfSatisfying(Page.class, p -> {
            assertThat(p.title()).isEqualTo("Pricing");
            assertThat(p.viewportWidth()).isEqualTo(1440);
        });
        assertThat(batch.events().get(1)).isInstanceOfSatisfying(Click.class, c -> {
            assertThat(c.selector()).isEqualTo("#buy");
            assertThat(c.relX()).isEqualTo(5000);
            assertThat(c.has(Click.REACTIVE)).isTrue();
        });
        assertThat(batch.recordingJson()).startsWith("[{\"type\":4");
    }

    @Test
    void theRecordingIsKeptAsTheJsonTextItArrivedAsAndItsEventsAreChecked() {
        String recording = "[ {\"type\": 4, \"timestamp\": 1.7e12, \"data\": {\"href\": \"h\u00e9\"}},\n"
                + "{\"data\": {\"type\": \"x\", \"n\": [1, {\"type\": 1}]}, \"timestamp\": 2, \"type\": 3} ]";
        String upload = new String(with(u -> u.remove("r")), StandardCharsets.UTF_8);
        byte[] withRecording = (upload.substring(0, upload.length() - 1) + ",\"r\":" + recording + "}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(decoder.decode(withRecording).recordingJson()).isEqualTo(recording);
        assertThat(decoder.decode(Uploads.gzip(withRecording)).recordingJson()).isEqualTo(recording);
        assertThat(decoder.decode(with(u -> u.putArray("r"))).recordingJson()).isEqualTo("[]");
        assertThat(decoder.decode(with(u -> u.putArray("r"))).hasRecording()).isFalse();
        assertProblem(() -> decoder.decode(with(u -> u.putArray("r").addObject().put("type", 3))), 400, "invalid_recording");
        assertProblem(() -> decoder.decode(with(u -> u.putArray("r").addObject().put("type", 3.5).put("timestamp", 1))),
                400, "invalid_recording");
        assertProblem(() -> decoder.decode(with(u -> u.putArray("r").add(3))), 400, "invalid_recording");
        assertProblem(() -> decoder.decode(with(u -> u.put("r", "[]"))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.remove("r"))), 400, "missing_field");
    }

    @Test
    void aGzippedUploadIsRecognisedByItsMagicBytes() {
        Batch batch = decoder.decode(Uploads.gzip(with(u -> { })));

        assertThat(batch.events()).hasSize(3);
    }

    @Test
    void malformedJsonIsRefusedWithAReason() {
        assertProblem(() -> decoder.decode("{\"v\":1,".getBytes(StandardCharsets.UTF_8)), 400, "malformed_json");
        assertProblem(() -> decoder.decode("[1,2,3]".getBytes(StandardCharsets.UTF_8)), 400, "malformed_json");
        assertProblem(() -> decoder.decode(new byte[0]), 400, "empty_body");
    }

    @Test
    void wrongTypesAndMissingFieldsAreRefused() {
        assertProblem(() -> decoder.decode(with(u -> u.put("pn", "one"))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.put("seq", 1.5))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.remove("sid"))), 400, "missing_field");
        assertProblem(() -> decoder.decode(with(u -> u.put("last", "yes"))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.put("a", "not a list"))), 400, "invalid_field");
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertProblem(() -> decoder.decode(with(u -> u.put("pn", 129))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.put("seq", -1))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.put("v", 2))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.put("sent", u.get("ts").asLong() - 1))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.put("url", "javascript:alert(1)"))), 400, "invalid_field");
    }

    @Test
    void idsWithCharactersOutsideTheSafeSetAreRefused() {
        assertProblem(() -> decoder.decode(with(u -> u.put("sid", "../../etc/passwd"))), 400, "invalid_field");
        assertProblem(() -> decoder.decode(with(u -> u.put("vid", "short"))), 400, "invalid_field");
    }

    @Test
    void eventsThatDoNotMatchTheSchemaAreRefused() {
        assertProblem(() -> decoder.decode(with(u -> ((ArrayNode) u.get("a")).add(Uploads.JSON.createArrayNode()
                .add("teleport").add(1)))), 400, "invalid_event");
        assertProblem(() -> decoder.decode(with(u -> ((ArrayNode) u.get("a")).add(Uploads.JSON.createArrayNode()
                .add("click").add(1).add(2)))), 400, "invalid_event");
        assertProblem(() -> decoder.decode(with(u -> ((ArrayNode) u.get("a")).add(Uploads.JSON.createArrayNode()
                .add("event").add(10).add("x".repeat(129))))), 400, "invalid_event");
        assertProblem(() -> decoder.decode(with(u -> ((ArrayNode) u.get("a")).add(Uploads.JSON.createArrayNode()
                .add("event").add(-5).add("signup")))), 400, "invalid_event");
        assertProblem(() -> decoder.decode(with(u -> ((ArrayNode) u.get("r")).add(Uploads.JSON.createObjectNode()
                .put("type", "full")))), 400, "invalid_recording");
    }

    @Test
    void aGzipBombIsStoppedAtTheDecompressedSizeCap() {
        byte[] bomb = Uploads.gzip(new byte[WireLimits.MAX_DECOMPRESSED_BYTES + 1024]);
        assertThat(bomb.length).isLessThan(WireLimits.MAX_BODY_BYTES);

        assertProblem(() -> decoder.decode(bomb), 413, "too_large");
    }

    @Test
    void corruptGzipIsRefused() {
        byte[] gzip = Uploads.gzip(with(u -> { }));
        gzip[gzip.length / 2] ^= 0x5a;
        gzip[gzip.length / 2 + 1] ^= 0x5a;

        assertProblem(() -> decoder.decode(gzip), 400, "corrupt_gzip");
    }

    @Test
    void tooManyEventsInOneUploadAreRefused() {
        assertProblem(() -> decoder.decode(with(u -> {
            ArrayNode events = (ArrayNode) u.get("a");
            for (int i = 0; i <= WireLimits.MAX_EVENTS; i++) {
                events.add(Uploads.JSON.createArrayNode().add("request").add(i));
            }
        })), 413, "too_large");
    }

    @Test
    void deeplyNestedJsonIsRefusedWithoutExhaustingTheStack() {
        String nested = "{\"v\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertProblem(() -> decoder.decode(nested.getBytes(StandardCharsets.UTF_8)), 400, "malformed_json");
    }
}
