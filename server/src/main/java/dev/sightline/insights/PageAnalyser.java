package dev.sightline.insights;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.PageInsights;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs every detector over one page view's activity. Linear in the page view's events. */
public final class PageAnalyser {

    private final RageClickDetector rageClicks;
    private final DeadClickDetector deadClicks;
    private final ErrorClickDetector errorClicks;
    private final QuickBackDetector quickBacks;
    private final ExcessiveScrollDetector excessiveScrolling;
    private final JsErrorDetector jsErrors = new JsErrorDetector();
    private final FormAbandonmentDetector forms = new FormAbandonmentDetector();

    public PageAnalyser(InsightSettings settings) {
        Objects.requireNonNull(settings, "settings is null");
        this.rageClicks = new RageClickDetector(settings.rageClicks());
        this.deadClicks = new DeadClickDetector(settings.deadClicks());
        this.errorClicks = new ErrorClickDetector(settings.errorClicks());
        this.quickBacks = new QuickBackDetector(settings.quickBacks());
        this.excessiveScrolling = new ExcessiveScrollDetector(settings.excessiveScrolling());
    }

    public PageInsights analyse(PageActivity activity) {
        Objects.requireNonNull(activity, "activity is null");
        ExcessiveScrollDetector.Result scrolling = excessiveScrolling.detect(activity);
        FormAbandonmentDetector.Result formUse = forms.detect(activity);
        List<InsightEvent> events = new ArrayList<>();
        events.addAll(rageClicks.detect(activity));
        events.addAll(deadClicks.detect(activity));
        events.addAll(errorClicks.detect(activity));
        events.addAll(quickBacks.detect(activity));
        events.addAll(scrolling.events());
        events.addAll(jsErrors.detect(activity));
        events.addAll(formUse.events());
        return new PageInsights(activity.pending(), activity.page().startedAt(), activity.page().pageKey(),
                activity.deviceClass(), activity.bot(), scrolling.reversals(), events, formUse.forms());
    }
}
