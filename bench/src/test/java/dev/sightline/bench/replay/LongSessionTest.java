package dev.sightline.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sightline.bench.ingest.CapturedVisit;
import java.util.List;
import org.junit.jupiter.api.Test;

class LongSessionTest {

    @Test
    void theStretchedSessionLastsThirtyMinutesOverTwelvePagesEachOpeningWithAFullSnapshot() {
        long start = 1_800_000_000_000L;
        List<ObjectNode> uploads = LongSession.uploads(CapturedVisit.load(new ObjectMapper()), "v1", "s1", start);

        long lastEvent = 0;
        for (int page = 1; page <= LongSession.PAGES; page++) {
            int number = page;
            List<ObjectNode> ofPage = uploads.stream().filter(u -> u.get("pn").asInt() == number).toList();
            assertThat(ofPage).as("page %d", page).isNotEmpty();
            assertThat(ofPage.get(0).get("ts").asLong()).isEqualTo(start + (page - 1) * LongSession.PAGE_SECONDS * 1000L);
            assertThat(ofPage.get(0).get("r")).anyMatch(e -> e.get("type").asInt() == 2);
            assertThat(ofPage.get(ofPage.size() - 1).get("last").asBoolean()).isTrue();
            for (int i = 0; i < ofPage.size(); i++) {
                assertThat(ofPage.get(i).get("seq").asInt()).isEqualTo(i);
                for (JsonNode event : ofPage.get(i).get("r")) {
                    long at = event.get("timestamp").asLong();
                    assertThat(at).isGreaterThanOrEqualTo(lastEvent);
                    lastEvent = at;
                }
            }
        }
        assertThat(lastEvent - start).isBetween(29 * 60_000L, 30 * 60_000L);
        assertThat(uploads).allSatisfy(u -> {
            assertThat(u.get("sid").asText()).isEqualTo("s1");
            assertThat(u.get("vid").asText()).isEqualTo("v1");
        });
    }
}
