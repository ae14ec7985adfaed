package dev.sightline.bench;

import dev.sightline.bench.report.Row;
import java.util.List;

/** One benchmark of {@code ./sightline bench}: measures and returns its rows of the results table. */
public interface Suite {

    /** The word that selects it on the command line. */
    String name();

    List<Row> run(BenchContext context) throws Exception;
}
