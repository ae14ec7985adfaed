package dev.sightline.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    @Test
    void aFigureIsJudgedAgainstItsTargetAndPrintedWithThePeerRatio() {
        Row fast = Row.of("ingest", "accepted", 3500, "/s", Target.atLeast(3000, ">= 3,000/s"));
        Row slow = Row.of("replay", "first frame", 1250, "ms", Target.below(1000, "< 1 s"))
                .withPeer("Clarity", 1250, 500).withPeer("rrweb", 1250, 0);
        Row context = Row.of("queries", "list", 12.345, "ms", Target.none());

        assertThat(fast.status()).isEqualTo(Status.MEETS);
        assertThat(slow.status()).isEqualTo(Status.MISSES);
        assertThat(context.status()).isEqualTo(Status.INFO);
        assertThat(slow.peer()).isEqualTo("2.50x Clarity; rrweb: n/a");
        assertThat(fast.figure()).isEqualTo("3,500 /s");
        assertThat(context.figure()).isEqualTo("12.3 ms");

        ResultTable table = new ResultTable(List.of(fast, slow, context));
        assertThat(table.text().lines().toList()).hasSize(5).allSatisfy(line -> assertThat(line).doesNotEndWith(" |"));
        assertThat(table.text()).contains("MISSES").contains("< 1 s");
        assertThat(table.markdown().lines().toList()).hasSize(5)
                .allSatisfy(line -> assertThat(line).startsWith("|").endsWith("|"));
    }
}
