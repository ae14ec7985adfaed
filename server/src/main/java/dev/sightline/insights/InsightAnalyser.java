package dev.sightline.insights;

import dev.sightline.contract.insights.InsightQueries;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.PageInsights;
import dev.sightline.contract.insights.PendingPageView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One analysis step, driven by the processing side: take the page views that are complete (their
 * last upload arrived {@code endedGrace} ago, or nothing arrived for {@code quietAfter}), read their
 * stored streams, run the detectors, save. Everything it needs and decides lives in the store, so a
 * crash at any point only means the step runs again, and any processing process can run it.
 */
public final class InsightAnalyser {
    private static final Logger LOG = LoggerFactory.getLogger(InsightAnalyser.class);

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
            results.add(analyse(page));
        }
        insights.save(results);
        return results.size();
    }

    /**
     * The page view's insights; a page view the detectors fail on is saved without any (and logged),
     * so one bad page view cannot hold up the others forever.
     */
    private PageInsights analyse(PageActivity page) {
        try {
            return pages.analyse(page);
        } catch (RuntimeException e) {
            LOG.error("insight detection failed on page view {} of session {}; saved without insights",
                    page.page().pageNumber(), page.pending().sessionId(), e);
            return new PageInsights(page.pending(), page.page().startedAt(), page.page().pageKey(), page.deviceClass(),
                    page.bot(), 0, List.of(), List.of());
        }
    }

    /** Whether a full batch was taken, so more may be waiting right now. */
    boolean filledBatch(int analysed) {
        return analysed >= settings.schedule().batchSize();
    }
}
