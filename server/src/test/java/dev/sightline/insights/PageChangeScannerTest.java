package dev.sightline.insights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.wire.Batch;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageChangeScannerTest {
    private static final long START = 1_700_000_000_000L;

    private static Batch withRecording(String json) {
        return new Batch("key", "v", "s", 1, 0, START, START + 5000, false, "https://x/", List.of(), json);
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

        assertThat(PageChangeScanner.scan(withRecording(json)))
                .containsExactly(new PageChangeRun(1000, 1050, 2), new PageChangeRun(4000, 4080, 2));
    }

    @Test
    void aRecordingWithoutChangesOrThatCannotBeReadGivesNoRuns() {
        assertThat(PageChangeScanner.scan(withRecording("[]"))).isEmpty();
        assertThat(PageChangeScanner.scan(withRecording("[{\"type\":3,\"data\":{\"source\":1}}"))).isEmpty();
        assertThat(PageChangeScanner.scan(withRecording("{\"not\":\"an array\"}"))).isEmpty();
    }
}
