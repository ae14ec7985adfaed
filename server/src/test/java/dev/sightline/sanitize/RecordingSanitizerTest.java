package dev.sightline.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordingSanitizerTest {
    private final RecordingSanitizer sanitizer = new RecordingSanitizer(new ObjectMapper());

    private String clean(String recording) {
        return new String(sanitizer.clean(recording.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static String snapshot(String node) {
        return "[{\"type\":2,\"timestamp\":1,\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":[" + node + "]}}}]";
    }

    private static String element(int id, String tag, String attributes, String children) {
        return "{\"type\":2,\"id\":" + id + ",\"tagName\":\"" + tag + "\",\"attributes\":{" + attributes
                + "},\"childNodes\":[" + children + "]}";
    }

    @Test
    void aHarmlessRecordingComesBackUnchanged() {
        String recording = snapshot(element(2, "a", "\"href\":\"https://shop.example/\",\"class\":\"x\"",
                "{\"type\":3,\"id\":3,\"textContent\":\"onclick=alert(1) is just text\"}"));

        byte[] bytes = recording.getBytes(StandardCharsets.UTF_8);
        assertThat(sanitizer.clean(bytes)).isSameAs(bytes);
    }

    @Test
    void eventHandlersScriptUrlsSrcdocBaseMetaRefreshAndFormTargetsAreRemovedFromSnapshots() {
        String cleaned = clean(snapshot(String.join(",",
                element(2, "img", "\"src\":\"x.png\",\"onerror\":\"top.__pwned=1\",\"ONLOAD\":\"x\",\"_onclick\":\"y\"", ""),
                element(3, "a", "\"href\":\" JaVa\\tScRiPt:top.__pwned=1\",\"title\":\"ok\"", ""),
                element(4, "iframe", "\"srcdoc\":\"<script>x</script>\",\"src\":\"data:text/html,<b>\"", ""),
                element(5, "base", "\"href\":\"https://evil.example/\",\"target\":\"_top\"", ""),
                element(6, "meta", "\"http-equiv\":\"Refresh\",\"content\":\"5\"", ""),
                element(7, "form", "\"action\":\"https://evil.example/steal\",\"method\":\"post\"", ""),
                element(8, "button", "\"formaction\":\"javascript:x\",\"type\":\"submit\"", ""),
                element(9, "svg", "", element(10, "animate", "\"values\":\"x;javascript:top.__pwned=1\"", "")),
                element(11, "object", "\"data\":\"data:image/svg+xml,<svg onload=x>\"", ""))));

        assertThat(cleaned).doesNotContainIgnoringCase("pwned").doesNotContainIgnoringCase("javascript")
                .doesNotContain("onerror").doesNotContain("srcdoc").doesNotContain("evil.example")
                .doesNotContain("http-equiv").doesNotContain("data:text/html").doesNotContain("data:image/svg")
                .contains("\"src\":\"x.png\"", "\"title\":\"ok\"", "\"method\":\"post\"", "\"type\":\"submit\"",
                        "\"content\":\"5\"");
    }

    @Test
    void scriptsKeepTheirPlaceButLoseAttributesAndCode() {
        String cleaned = clean(snapshot(element(2, "SCRIPT", "\"src\":\"https://evil.example/x.js\",\"type\":\"module\"",
                "{\"type\":3,\"id\":3,\"textContent\":\"top.__pwned = 1\"}")));

        assertThat(cleaned).contains("\"tagName\":\"SCRIPT\"", "\"id\":3").doesNotContain("evil.example")
                .doesNotContain("pwned").doesNotContain("module");
    }

    @Test
    void mutationsAreCleanedToo() {
        String first = snapshot(element(2, "script", "", "{\"type\":3,\"id\":3,\"textContent\":\"\"}"));
        String recording = first.substring(0, first.length() - 1)
                + ",{\"type\":3,\"timestamp\":2,\"data\":{\"source\":0,"
                + "\"adds\":[{\"parentId\":1,\"nextId\":null,\"node\":" + element(20, "div", "\"onmouseover\":\"top.__pwned=1\"", "") + "},"
                + "{\"parentId\":2,\"nextId\":null,\"node\":{\"type\":3,\"id\":21,\"textContent\":\"top.__pwned=2\"}}],"
                + "\"attributes\":[{\"id\":20,\"attributes\":{\"onclick\":\"top.__pwned=3\",\"class\":\"ok\"}},"
                + "{\"id\":2,\"attributes\":{\"src\":\"https://evil.example/y.js\"}}],"
                + "\"texts\":[{\"id\":3,\"value\":\"top.__pwned=4\"},{\"id\":99,\"value\":\"plain text\"}],"
                + "\"removes\":[]}},"
                + "{\"type\":4,\"timestamp\":0,\"data\":{\"href\":\"javascript:top.__pwned=5\",\"width\":1,\"height\":1}}]";

        String cleaned = clean(recording);

        assertThat(cleaned).doesNotContain("pwned").doesNotContain("evil.example").contains("\"class\":\"ok\"")
                .contains("plain text").contains("about:blank");
    }

    @Test
    void aSnapshotSentWithoutNodeIdsIsNumberedInDocumentOrderFromItsFirstIdAndFromEachIdSentAlong() throws Exception {
        String recording = "[{\"type\":2,\"timestamp\":1,\"data\":{\"ids\":5,\"node\":{\"type\":0,\"childNodes\":["
                + "{\"type\":2,\"tagName\":\"html\",\"attributes\":{\"id\":\"page\"},\"childNodes\":["
                + "{\"type\":2,\"tagName\":\"head\",\"attributes\":{},\"childNodes\":[]},"
                + "{\"type\":2,\"tagName\":\"body\",\"attributes\":{},\"childNodes\":["
                + "{\"type\":3,\"textContent\":\"hi\"},{\"type\":3,\"textContent\":\"after a gap\",\"id\":20},"
                + "{\"type\":3,\"textContent\":\"next\"}]}]}]}}}]";

        var data = new ObjectMapper().readTree(clean(recording)).get(0).get("data");

        var html = data.at("/node/childNodes/0");
        assertThat(data.has("ids")).isFalse();
        assertThat(data.at("/node/id").asInt()).isEqualTo(5);
        assertThat(html.get("id").asInt()).isEqualTo(6);
        assertThat(html.at("/attributes/id").asText()).isEqualTo("page");
        assertThat(html.at("/childNodes/0/id").asInt()).isEqualTo(7);
        assertThat(html.at("/childNodes/1/id").asInt()).isEqualTo(8);
        assertThat(html.at("/childNodes/1/childNodes/0/id").asInt()).isEqualTo(9);
        assertThat(html.at("/childNodes/1/childNodes/1/id").asInt()).as("an id sent along is kept").isEqualTo(20);
        assertThat(html.at("/childNodes/1/childNodes/2/id").asInt()).as("and counted on from").isEqualTo(21);
    }

    @Test
    void aFirstNodeIdThatIsNotAPositiveWholeNumberIsRefusedWithItsReason() {
        for (String first : new String[] {"0", "-3", "\"7\"", "2147483647", "1.5"}) {
            String recording = "[{\"type\":2,\"timestamp\":1,\"data\":{\"ids\":" + first
                    + ",\"node\":{\"type\":0,\"childNodes\":[]}}}]";
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> clean(recording))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("data.ids");
        }
    }
}
