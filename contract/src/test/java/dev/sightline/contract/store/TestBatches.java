package dev.sightline.contract.store;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Click;
import dev.sightline.contract.wire.CustomEvent;
import dev.sightline.contract.wire.FieldInteraction;
import dev.sightline.contract.wire.FormSubmit;
import dev.sightline.contract.wire.Identify;
import dev.sightline.contract.wire.Move;
import dev.sightline.contract.wire.Request;
import dev.sightline.contract.wire.Resize;
import dev.sightline.contract.wire.ScriptError;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.contract.wire.Tag;
import dev.sightline.contract.wire.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Readable {@link BatchRows} for tests: {@code batch("p1", "s1").page(2).sequence(1).click(500, "#buy").build()}.
 * Every field has a plain default, so a test names only what it is about.
 */
public final class TestBatches {

    /** The default start of page 1 of every session: a Monday morning, UTC. */
    public static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private TestBatches() {
    }

    public static Builder batch(String projectId, String sessionId) {
        return new Builder(projectId, sessionId);
    }

    /** An acquisition with only a landing URL, a referrer and a channel; no UTM parameters. */
    public static Acquisition acquisition(String landingUrl, String referrer, Channel channel) {
        return new Acquisition(landingUrl, referrer, hostOf(referrer), channel, "", "", "", "", "");
    }

    private static String hostOf(String url) {
        int start = url.indexOf("://");
        if (start < 0) {
            return "";
        }
        int end = url.indexOf('/', start + 3);
        return end < 0 ? url.substring(start + 3) : url.substring(start + 3, end);
    }

    public static final class Builder {
        private final String projectId;
        private final String sessionId;
        private int pageNumber = 1;
        private int sequence;
        private String visitorId = "visitor-1";
        private Instant receivedAt;
        private Instant pageStartedAt;
        private Instant lastSeenAt;
        private String url;
        private String pageKey;
        private String title = "";
        private String referrer = "";
        private long activeMs;
        private int maxScrollPermille;
        private int viewportWidth = 1440;
        private int viewportHeight = 900;
        private int documentHeight = 2400;
        private boolean ended;
        private DeviceClass deviceClass = DeviceClass.DESKTOP;
        private String browser = "Chrome";
        private String browserVersion = "156";
        private String os = "Linux";
        private String country = "DE";
        private boolean bot;
        private Acquisition acquisition;
        private String userHash;
        private final List<AnalyticsEvent> events = new ArrayList<>();
        private final List<PageChangeRun> pageChanges = new ArrayList<>();

        private Builder(String projectId, String sessionId) {
            this.projectId = requireNonNull(projectId, "projectId is null");
            this.sessionId = requireNonNull(sessionId, "sessionId is null");
        }

        public Builder page(int pageNumber) {
            this.pageNumber = pageNumber;
            return this;
        }

        public Builder sequence(int sequence) {
            this.sequence = sequence;
            return this;
        }

        public Builder visitor(String visitorId) {
            this.visitorId = visitorId;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        /** When the batch's page view started; defaults to {@link #T0} plus one minute per page number above 1. */
        public Builder pageStartedAt(Instant pageStartedAt) {
            this.pageStartedAt = pageStartedAt;
            return this;
        }

        /** Defaults to the page start plus the latest event time, or plus one second without events. */
        public Builder lastSeenAt(Instant lastSeenAt) {
            this.lastSeenAt = lastSeenAt;
            return this;
        }

        /** Defaults to {@code https://shop.example/page-<n>}. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Defaults to the URL without query and fragment. */
        public Builder pageKey(String pageKey) {
            this.pageKey = pageKey;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder referrer(String referrer) {
            this.referrer = referrer;
            return this;
        }

        public Builder activeMs(long activeMs) {
            this.activeMs = activeMs;
            return this;
        }

        public Builder maxScrollPermille(int maxScrollPermille) {
            this.maxScrollPermille = maxScrollPermille;
            return this;
        }

        public Builder viewport(int width, int height) {
            this.viewportWidth = width;
            this.viewportHeight = height;
            return this;
        }

        public Builder documentHeight(int documentHeight) {
            this.documentHeight = documentHeight;
            return this;
        }

        public Builder ended(boolean ended) {
            this.ended = ended;
            return this;
        }

        public Builder device(DeviceClass deviceClass) {
            this.deviceClass = deviceClass;
            return this;
        }

        public Builder browser(String browser, String version) {
            this.browser = browser;
            this.browserVersion = version;
            return this;
        }

        public Builder os(String os) {
            this.os = os;
            return this;
        }

        public Builder country(String country) {
            this.country = country;
            return this;
        }

        public Builder bot(boolean bot) {
            this.bot = bot;
            return this;
        }

        public Builder acquisition(Acquisition acquisition) {
            this.acquisition = acquisition;
            return this;
        }

        /** The page called {@code identify}: sets the batch's user hash and adds the {@link Identify} event. */
        public Builder identify(long t, String userHash) {
            this.userHash = userHash;
            return event(new Identify(t, userHash));
        }

        public Builder click(long t, String selector) {
            return click(t, selector, "");
        }

        public Builder click(long t, String selector, String text) {
            return event(new Click(t, 100, 200, selector, 5000, 5000, "button", text, 0, 120, 40));
        }

        public Builder error(long t, String message) {
            return event(new ScriptError(t, message, "https://shop.example/app.js", 10, 5, 0));
        }

        public Builder customEvent(long t, String name) {
            return event(new CustomEvent(t, name));
        }

        public Builder tag(long t, String key, String value) {
            return event(new Tag(t, key, value));
        }

        /** One event of every kind that has a fact table, at {@code t}, {@code t+1}, … */
        public Builder oneOfEachFact(long t) {
            click(t, "#buy", "Buy");
            event(new Scroll(t + 1, 0, 600, 2400, 900));
            event(new Move(t + 2, 300, 400, "#hero", 2500, 7500));
            error(t + 3, "TypeError: x is undefined");
            customEvent(t + 4, "signup");
            tag(t + 5, "plan", "pro");
            event(new FieldInteraction(t + 6, FieldInteraction.INPUT, "#email", "#signup", "email"));
            event(new FormSubmit(t + 7, "#signup"));
            event(new Request(t + 8));
            event(new Resize(t + 9, 1280, 800, 2600));
            return event(new Visibility(t + 10, 0));
        }

        /** A run of page changes (from the recording) between {@code t} and {@code endT}. */
        public Builder pageChange(long t, long endT, int changes) {
            pageChanges.add(new PageChangeRun(t, endT, changes));
            return this;
        }

        public Builder event(AnalyticsEvent event) {
            events.add(requireNonNull(event, "event is null"));
            return this;
        }

        public BatchRows build() {
            Instant start = pageStartedAt != null ? pageStartedAt : T0.plusSeconds(60L * (pageNumber - 1));
            long lastEventT = events.stream().mapToLong(AnalyticsEvent::t).max().orElse(1_000);
            Instant lastSeen = lastSeenAt != null ? lastSeenAt : start.plusMillis(lastEventT);
            String pageUrl = url != null ? url : "https://shop.example/page-" + pageNumber;
            String key = pageKey != null ? pageKey : pageUrl.replaceAll("[?#].*$", "");
            PageViewFacts page = new PageViewFacts(pageNumber, pageUrl, key, title, referrer, start, lastSeen, activeMs,
                    maxScrollPermille, viewportWidth, viewportHeight, documentHeight, ended);
            Visit visit = new Visit(deviceClass, browser, browserVersion, os, country, bot);
            return new BatchRows(new BatchKey(projectId, sessionId, pageNumber, sequence), visitorId,
                    receivedAt != null ? receivedAt : lastSeen, visit, Optional.ofNullable(acquisition), page,
                    Optional.ofNullable(userHash), events, pageChanges);
        }
    }
}
