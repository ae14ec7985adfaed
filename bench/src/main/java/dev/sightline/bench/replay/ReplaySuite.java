package dev.sightline.bench.replay;

import dev.sightline.bench.BenchContext;
import dev.sightline.bench.Suite;
import dev.sightline.bench.report.Row;
import java.util.List;

public final class ReplaySuite implements Suite {
    @Override
    public String name() {
        return "replay";
    }

    @Override
    public List<Row> run(BenchContext context) {
        return List.of();
    }
}
