package dev.sightline.insights;

import dev.sightline.contract.insights.InsightQueries;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One analysis step, driven by the processing side: take the page views that are complete (their
 * last upload arrived {@code endedGrace} ago, or nothing arrived for {@code quietAfter}), read their
 * stored streams, run the detectors, save. Everything it needs and decides lives in the store, so a
 * crash at any point only means the step runs again, and any processing process can run it.
 */
public final class InsightAnalyser {

    private final InsightQueries insights;
    private final InsightSettings settings;
    private final PageAnalyser pages;

    public InsightAnalyser(InsightQueries insights, InsightSettings settings) {
        this.insights = Objects.requireNonNull(insights, "insights is null");
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.pages = new PageAnalyser(settings);
    }

    /** Analyses up to one batch of ready page views; returns how many were analysed. */
    public int analyseReady(Instant now) {
        InsightSettings.Schedule schedule = settings.schedule();
        List<PendingPageView> ready = insights.pending(now.minus(schedule.endedGrace()), now.minus(schedule.quietAfter()),
                schedule.batchSize());
        if (ready.isEmpty()) {
            return 0;
        }
        List<PageActivity> activity = insights.activity(ready, settings.excessiveScrolling().normWindow());
        List<PageInsights> results = new ArrayList<>(activity.size());
        for (PageActivity page : activity) {
            results.add(pages.analyse(page));
        }
        insights.save(results);
        return results.size();
    }

    /** Whether a full batch was taken, so more may be waiting right now. */
    boolean filledBatch(int analysed) {
        return analysed >= settings.schedule().batchSize();
    }
}
