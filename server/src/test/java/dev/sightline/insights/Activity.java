package dev.sightline.insights;

import dev.sightline.contract.insights.PageActivity;
import dev.sightline.contract.insights.PendingPageView;
import dev.sightline.contract.insights.ScrollNorm;
import dev.sightline.contract.insights.VisitedPage;
import dev.sightline.contract.store.DeviceClass;
import dev.sightline.contract.store.PageChangeRun;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.FieldInteraction;
import dev.sightline.contract.wire.FormSubmit;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.ScriptError;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.contract.wire.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Readable {@link PageActivity} for detector tests: {@code page().click(100, "#buy").change(150).build()}. */
final class Activity {
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final String PAGE_KEY = "https://shop.example/cart";

    private int pageNumber = 1;
    private String url = PAGE_KEY;
    private String pageKey = PAGE_KEY;
    private Instant startedAt = START;
    private long durationMs = 60_000;
    private boolean ended;
    private final List<VisitedPage> earlier = new ArrayList<>();
    private VisitedPage next;
    private final List<Click> clicks = new ArrayList<>();
    private final List<Scroll> scrolls = new ArrayList<>();
    private final List<ScriptError> errors = new ArrayList<>();
    private final List<FieldInteraction> fields = new ArrayList<>();
    private final List<FormSubmit> submits = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    private final List<Visibility> visibility = new ArrayList<>();
    private final List<PageChangeRun> changes = new ArrayList<>();
    private ScrollNorm norm = ScrollNorm.NONE;

    static Activity page() {
        return new Activity();
    }

    /** A page view of the same session before this one (add the nearest first). */
    static VisitedPage visited(int pageNumber, String url, Instant startedAt, long durationMs, Click lastClick) {
        return new VisitedPage(pageNumber, url, url, startedAt, startedAt.plusMillis(durationMs), true, 900,
                Optional.ofNullable(lastClick));
    }

    Activity number(int number) {
        this.pageNumber = number;
        return this;
    }

    Activity url(String newUrl) {
        this.url = newUrl;
        this.pageKey = newUrl.replaceAll("[?#].*$", "");
        return this;
    }

    Activity startedAt(Instant start) {
        this.startedAt = start;
        return this;
    }

    Activity endedAfter(long ms) {
        this.ended = true;
        this.durationMs = ms;
        return this;
    }

    Activity earlier(VisitedPage page) {
        earlier.add(page);
        return this;
    }

    /** The session's next page view started {@code afterMs} after this one. */
    Activity nextAfter(long afterMs) {
        this.next = visited(pageNumber + 1, "https://shop.example/next", startedAt.plusMillis(afterMs), 5_000, null);
        return this;
    }

    Activity click(long t, String selector) {
        return click(t, selector, 100, 200, 0);
    }

    Activity click(long t, String selector, int x, int y, int flags) {
        clicks.add(new Click(t, x, y, selector, 5000, 5000, "div", "", flags, 100, 40));
        return this;
    }

    Activity scroll(long t, int y) {
        scrolls.add(new Scroll(t, 0, y, 10_000, 900));
        return this;
    }

    Activity error(long t, String message) {
        errors.add(new ScriptError(t, message, "https://shop.example/app.js", 1, 2, 0));
        return this;
    }

    Activity field(long t, int action, String selector, String form) {
        fields.add(new FieldInteraction(t, action, selector, form, "text"));
        return this;
    }

    Activity submit(long t, String form) {
        submits.add(new FormSubmit(t, form));
        return this;
    }

    Activity request(long t) {
        requests.add(new Request(t));
        return this;
    }

    Activity hidden(long t) {
        visibility.add(new Visibility(t, 0));
        return this;
    }

    Activity change(long t) {
        return change(t, t);
    }

    Activity change(long t, long endT) {
        changes.add(new PageChangeRun(t, endT, 1));
        return this;
    }

    Activity norm(long pageViews, double median) {
        this.norm = new ScrollNorm(pageViews, median);
        return this;
    }

    PageActivity build() {
        VisitedPage page = new VisitedPage(pageNumber, url, pageKey, startedAt, startedAt.plusMillis(durationMs), ended,
                900, clicks.isEmpty() ? Optional.empty() : Optional.of(clicks.get(clicks.size() - 1)));
        return new PageActivity(new PendingPageView("p", "s", pageNumber, 1, startedAt, ended), page,
                DeviceClass.DESKTOP, false, earlier, Optional.ofNullable(next), clicks, scrolls, errors, fields, submits, requests, visibility,
                changes, norm);
    }
}
