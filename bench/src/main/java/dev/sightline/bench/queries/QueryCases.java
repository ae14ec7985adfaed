package dev.sightline.bench.queries;

import dev.sightline.bench.report.Target;
import dev.sightline.contract.dashboard.FunnelStep;
import dev.sightline.contract.dashboard.SessionCondition;
import dev.sightline.contract.dashboard.SessionFilter;
import dev.sightline.contract.dashboard.TextMatch;
import dev.sightline.contract.heatmap.HeatmapLayer;
import dev.sightline.contract.heatmap.HeatmapQuery;
import dev.sightline.contract.heatmap.PageScope;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.SessionQuery;
import dev.sightline.contract.store.SessionSort;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The queries the bench times, in table order, each through the store's own query classes. */
final class QueryCases {
    static final Target HEATMAP_TARGET = Target.below(1000, "< 1 s");
    static final Target DASHBOARD_TARGET = Target.below(1000, "< 1 s");

    private QueryCases() {
    }

    static List<QueryCase> all() {
        return List.of(
                new QueryCase("recordings list, newest first, 30 days (EventStore.sessions)", Target.none(),
                        (store, data) -> store.sessions(month(data, SessionSort.START_TIME, 0)).sessions()),
                new QueryCase("recordings list, longest first, 30 days", Target.none(),
                        (store, data) -> store.sessions(month(data, SessionSort.DURATION, 0)).sessions()),
                new QueryCase("recordings list, newest first, page 201 (offset 10,000)", Target.none(),
                        (store, data) -> store.sessions(month(data, SessionSort.START_TIME, 10_000)).sessions()),
                new QueryCase("recordings list, last 24 h, most clicks first", Target.none(),
                        (store, data) -> store.sessions(new SessionQuery(data.project(), data.end().minus(Duration.ofDays(1)),
                                data.end(), false, SessionSort.CLICKS, 50, 0)).sessions()),
                new QueryCase("session detail: pages, markers (EventStore.session)", Target.none(),
                        (store, data) -> store.session(data.project(), data.sessionId(data.sessions() / 2)).orElseThrow()),
                new QueryCase("session clicks (EventStore.clicks)", Target.none(),
                        (store, data) -> store.clicks(data.project(), data.sessionId(data.sessions() / 2))),
                new QueryCase("click heatmap: home page, desktop, 30 days (HeatmapQueries.points)", HEATMAP_TARGET,
                        (store, data) -> store.heatmaps().points(homeOnDesktop(data), HeatmapLayer.CLICKS)),
                new QueryCase("scroll map: home page, desktop, 30 days (HeatmapQueries.scroll)", Target.none(),
                        (store, data) -> store.heatmaps().scroll(homeOnDesktop(data))),
                new QueryCase("dashboard: 30 days, every figure (DashboardQueries.figures)", DASHBOARD_TARGET,
                        (store, data) -> store.dashboard().figures(month(data))),
                new QueryCase("dashboard: 30 days, phones in DE with >= 3 pages", DASHBOARD_TARGET,
                        (store, data) -> store.dashboard().figures(phonesInGermany(data))),
                new QueryCase("recordings list filtered: phone, DE, >= 3 pages, newest first (DashboardQueries.sessions)",
                        Target.none(), (store, data) -> store.dashboard().sessions(phonesInGermany(data), SessionSort.START_TIME,
                                50, 0).sessions()),
                new QueryCase("funnel: home page, then any other page, 30 days (DashboardQueries.funnel)", Target.none(),
                        (store, data) -> store.dashboard().funnel(month(data), List.of(
                                new FunnelStep(FunnelStep.Kind.PAGE, TextMatch.equalTo(QueryData.HOME)),
                                new FunnelStep(FunnelStep.Kind.PAGE, new TextMatch(TextMatch.Operator.CONTAINS, "/p/"))))));
    }

    private static SessionFilter month(QueryData data) {
        return SessionFilter.of(data.project(), data.start(), data.end());
    }

    private static SessionFilter phonesInGermany(QueryData data) {
        return month(data)
                .with(new SessionCondition.Text(SessionCondition.Attribute.DEVICE, TextMatch.equalTo("mobile")))
                .with(new SessionCondition.Text(SessionCondition.Attribute.COUNTRY, TextMatch.equalTo("de")))
                .with(new SessionCondition.Range(SessionCondition.Measure.PAGES, 3, Long.MAX_VALUE));
    }

    private static HeatmapQuery homeOnDesktop(QueryData data) {
        return new HeatmapQuery(data.project(), new PageScope.Page(QueryData.HOME), Optional.of(DeviceClass.DESKTOP),
                data.start(), data.end(), false);
    }

    private static SessionQuery month(QueryData data, SessionSort sort, int offset) {
        return new SessionQuery(data.project(), data.start(), data.end(), false, sort, 50, offset);
    }
}
