package dev.sightline.bench.queries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.store.SessionDetail;
import dev.sightline.contract.store.SessionList;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.store.duckdb.DuckDbEventStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryDataTest {

    @TempDir
    Path work;

    @Test
    void theGeneratedMonthReadsBackThroughTheEventStoreAndIsKeptForTheNextRun() throws Exception {
        List<String> progress = new ArrayList<>();
        QueryData data = QueryData.ensure(work, 2_000, progress::add);

        try (DuckDbEventStore store = new DuckDbEventStore(data.folder())) {
            SessionList all = store.sessions(new SessionQuery(data.project(), data.start(), data.end(), true,
                    SessionSort.START_TIME, 10, 0));
            assertThat(all.total()).isEqualTo(2_000);
            SessionList people = store.sessions(new SessionQuery(data.project(), data.start(), data.end(), false,
                    SessionSort.START_TIME, 10, 0));
            assertThat(people.total()).as("about 3 % are bots").isBetween(1_900L, 1_990L);

            SessionDetail detail = store.session(data.project(), data.sessionId(1_000)).orElseThrow();
            assertThat(detail.pages()).hasSize(detail.summary().pages()).isNotEmpty();
            assertThat(detail.pages().get(0).url()).isEqualTo(QueryData.HOME);
            assertThat(store.clicks(data.project(), data.sessionId(1_000))).hasSize(10)
                    .allSatisfy(click -> assertThat(click.pageNumber()).isBetween(1, detail.summary().pages()));
            assertThat(store.dashboard().figures(SessionFilter.of(data.project(), data.start(), data.end())).sessions())
                    .as("the dashboard counts the same people").isEqualTo(people.total());
            for (QueryCase queryCase : QueryCases.all()) {
                assertThat(queryCase.call().run(store, data)).as(queryCase.name()).isNotNull();
            }
        }
        assertThat(progress).hasSize(1);

        QueryData again = QueryData.ensure(work, 2_000, progress::add);
        assertThat(again.end()).isEqualTo(data.end());
        assertThat(progress).as("kept, not generated again").hasSize(1);
    }
}
