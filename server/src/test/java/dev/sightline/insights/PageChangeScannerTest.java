package dev.sightline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.PageChangeRun;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageChangeScannerTest {
    private static final long START = 1_700_000_000_000L;

    private static List<PageChangeRun> scan(String recording) {
        return PageChangeScanner.scan(recording.getBytes(StandardCharsets.UTF_8), START);
    }

    @Test
    void mutationsInputsAndStylesBecomeRunsRelativeToThePageStart() {
        String json = "[" + String.join(",",
                "{\"type\":4,\"data\":{\"href\":\"x\"},\"timestamp\":" + START + "}",
                "{\"type\":2,\"data\":{\"node\":{\"childNodes\":[{\"id\":1}]}},\"timestamp\":" + (START + 5) + "}",
                "{\"type\":3,\"data\":{\"source\":0,\"adds\":[{\"node\":{\"type\":3}}],\"removes\":[]},\"timestamp\":" + (START + 1000) + "}",
                "{\"timestamp\":" + (START + 1050) + ",\"type\":3,\"data\":{\"texts\":[],\"source\":0}}",
                "{\"type\":3,\"data\":{\"source\":1,\"positions\":[]},\"timestamp\":" + (START + 1100) + "}",
                "{\"type\":3,\"data\":{\"source\":2,\"type\":2},\"timestamp\":" + (START + 2000) + "}",
                "{\"type\":3,\"data\":{\"source\":5,\"text\":\"***\"},\"timestamp\":" + (START + 4000) + "}",
                "{\"type\":3,\"data\":{\"source\":13,\"id\":3},\"timestamp\":" + (START + 4080) + "}") + "]";

        assertThat(scan(json))
                .containsExactly(new PageChangeRun(1000, 1050, 2), new PageChangeRun(4000, 4080, 2));
    }

    @Test
    void aRecordingWithoutChangesOrThatCannotBeReadGivesNoRuns() {
        assertThat(scan("[]")).isEmpty();
        assertThat(scan("[{\"type\":3,\"data\":{\"source\":1}}")).isEmpty();
        assertThat(scan("{\"not\":\"an array\"}")).isEmpty();
    }
}
