package dev.sightline.bench.queries;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.dashboard.FunnelStep;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.dashboard.TextMatch;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.EventStore;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import dev.sightline.contract.store.SessionSummary;
import dev.sightline.store.duckdb.DuckDbEventStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickHouseQueryDataTest {

    @TempDir
    Path work;

    @Test
    void theMonthCopiedIntoClickHouseAnswersEveryQueryAsDuckDbDoes() throws Exception {
        QueryData data = QueryData.ensure(work, 2_000, line -> { });
        List<String> progress = new ArrayList<>();

        try (ClickHouseQueryServer server = ClickHouseQueryServer.start();
             DuckDbEventStore duckdb = new DuckDbEventStore(data.folder())) {
            server.with(data, progress::add, (clickhouse, loadSeconds) -> {
                SessionQuery newest = new SessionQuery(data.project(), data.start(), data.end(), false,
                        SessionSort.START_TIME, 50, 0);
                assertThat(clickhouse.sessions(newest).total()).isEqualTo(duckdb.sessions(newest).total());
                assertThat(ids(clickhouse, newest)).isEqualTo(ids(duckdb, newest));
                String session = data.sessionId(1_000);
                assertThat(clickhouse.clicks(data.project(), session)).hasSize(10)
                        .isEqualTo(duckdb.clicks(data.project(), session));

                HeatmapQuery home = new HeatmapQuery(data.project(), new PageScope.Page(QueryData.HOME),
                        Optional.of(DeviceClass.DESKTOP), data.start(), data.end(), false);
                assertThat(clickhouse.heatmaps().points(home, HeatmapLayer.CLICKS).points()).isPositive()
                        .isEqualTo(duckdb.heatmaps().points(home, HeatmapLayer.CLICKS).points());
                assertThat(clickhouse.heatmaps().scroll(home).pageViews())
                        .isEqualTo(duckdb.heatmaps().scroll(home).pageViews());

                SessionFilter month = SessionFilter.of(data.project(), data.start(), data.end());
                assertThat(clickhouse.dashboard().figures(month).sessions())
                        .isEqualTo(duckdb.dashboard().figures(month).sessions());
                assertThat(clickhouse.dashboard().figures(month).newSessions())
                        .isEqualTo(duckdb.dashboard().figures(month).newSessions());
                List<FunnelStep> funnel = List.of(new FunnelStep(FunnelStep.Kind.PAGE, TextMatch.equalTo(QueryData.HOME)),
                        new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.CONTAINS, "/p/")));
                assertThat(clickhouse.dashboard().funnel(month, funnel)).isEqualTo(duckdb.dashboard().funnel(month, funnel));

                for (QueryCase queryCase : QueryCases.all()) {
                    assertThat(queryCase.call().run(clickhouse, data)).as(queryCase.name()).isNotNull();
                }
                return null;
            });
        }
        assertThat(progress).anyMatch(line -> line.startsWith("same rows in both engines: 2,000 sessions"));
    }

    private static List<String> ids(EventStore store, SessionQuery query) {
        return store.sessions(query).sessions().stream().map(SessionSummary::sessionId).toList();
    }
}
