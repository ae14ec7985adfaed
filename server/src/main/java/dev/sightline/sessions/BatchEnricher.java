package dev.sightline.sessions;

import dev.sightline.contract.store.Acquisition;
import dev.sightline.contract.store.BatchKey;
import dev.sightline.contract.store.BatchRows;
import dev.sightline.contract.store.PageViewFacts;
import dev.sightline.contract.store.Visit;
import dev.sightline.contract.wire.AnalyticsEvent;
import dev.sightline.contract.wire.Batch;
import dev.sightline.contract.wire.Identify;
import dev.sightline.contract.wire.Page;
import dev.sightline.contract.wire.Resize;
import dev.sightline.contract.wire.Scroll;
import dev.sightline.ingest.ReceivedBatch;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an accepted upload into rows: the visit (device, browser, OS, country, bot), the session's
 * acquisition (channel, referrer, UTM — from its first page view), and the page view's facts (times,
 * active time, deepest scroll). A browser clock that is more than two minutes off is corrected by the
 * difference between when the upload was sent and when it arrived.
 */
public final class BatchEnricher {
    static final long MAX_CLOCK_DRIFT_MS = 2 * 60_000;
    static final long MAX_PAGE_MS = 2 * 60 * 60_000;

    private final UserAgentClassifier agents;
    private final ChannelClassifier channels;
    private final PageKeys pageKeys;
    private final ActiveTime activeTime;

    public BatchEnricher(UserAgentClassifier agents, ChannelClassifier channels, PageKeys pageKeys, ActiveTime activeTime) {
        this.agents = Objects.requireNonNull(agents, "agents is null");
        this.channels = Objects.requireNonNull(channels, "channels is null");
        this.pageKeys = Objects.requireNonNull(pageKeys, "pageKeys is null");
        this.activeTime = Objects.requireNonNull(activeTime, "activeTime is null");
    }

    public BatchRows enrich(ReceivedBatch received) {
        Batch batch = received.batch();
        long drift = received.receivedAt().toEpochMilli() - batch.sentAt();
        long correction = Math.abs(drift) > MAX_CLOCK_DRIFT_MS ? drift : 0;
        Instant pageStart = Instant.ofEpochMilli(batch.pageStart() + correction);

        Optional<Page> page = batch.events().stream().filter(Page.class::isInstance).map(Page.class::cast).findFirst();
        UserAgentClassifier.Agent agent = agents.classify(received.userAgent());
        boolean automated = page.map(p -> p.automated() == 1).orElse(false);
        Visit visit = new Visit(agent.deviceClass(), agent.browser(), agent.browserVersion(), agent.os(),
                received.country(), agent.robot() || automated);

        String pageViewId = received.projectId() + "/" + batch.sessionId() + "/" + batch.pageNumber();
        PageViewFacts facts = new PageViewFacts(batch.pageNumber(), batch.url(), pageKeys.of(batch.url()),
                page.map(Page::title).orElse(""), page.map(Page::referrer).orElse(""), pageStart,
                pageStart.plusMillis(lastSeen(batch)), activeTime.credit(pageViewId, batch.events()),
                deepestScroll(batch), viewportWidth(batch), viewportHeight(batch), documentHeight(batch), batch.last());

        Optional<Acquisition> acquisition = batch.pageNumber() == 1
                ? page.map(p -> acquisition(batch.url(), p.referrer()))
                : Optional.empty();
        Optional<String> userHash = batch.events().stream().filter(Identify.class::isInstance)
                .map(e -> ((Identify) e).userHash()).reduce((first, second) -> second);

        return new BatchRows(new BatchKey(received.projectId(), batch.sessionId(), batch.pageNumber(), batch.sequence()),
                batch.visitorId(), received.receivedAt(), visit, acquisition, facts, userHash, batch.events());
    }

    private Acquisition acquisition(String landingUrl, String referrer) {
        Urls.Parts landing = Urls.parse(landingUrl);
        Map<String, String> parameters = Urls.parameters(landing.query());
        String referrerHost = Urls.host(referrer);
        boolean internal = referrerHost.equals(landing.host());
        return new Acquisition(landingUrl, internal ? "" : referrer, internal ? "" : referrerHost,
                channels.classify(parameters, referrerHost, landing.host()),
                parameters.getOrDefault("utm_source", ""), parameters.getOrDefault("utm_medium", ""),
                parameters.getOrDefault("utm_campaign", ""), parameters.getOrDefault("utm_term", ""),
                parameters.getOrDefault("utm_content", ""));
    }

    /** The page was open at least until its last event, and until the upload left if that is later. */
    private static long lastSeen(Batch batch) {
        long lastEvent = batch.events().stream().mapToLong(AnalyticsEvent::t).max().orElse(0);
        long sent = batch.sentAt() - batch.pageStart();
        return Math.min(Math.max(lastEvent, sent), MAX_PAGE_MS);
    }

    private static int deepestScroll(Batch batch) {
        int deepest = 0;
        for (AnalyticsEvent event : batch.events()) {
            if (event instanceof Scroll s && s.documentHeight() > 0) {
                deepest = Math.max(deepest, permille(s.y() + s.viewportHeight(), s.documentHeight()));
            } else if (event instanceof Page p && p.documentHeight() > 0) {
                deepest = Math.max(deepest, permille(p.viewportHeight(), p.documentHeight()));
            }
        }
        return deepest;
    }

    private static int permille(long reached, long height) {
        return (int) Math.min(1000, Math.max(0, reached * 1000 / height));
    }

    private static int viewportWidth(Batch batch) {
        int width = 0;
        for (AnalyticsEvent event : batch.events()) {
            if (event instanceof Page p) {
                width = p.viewportWidth();
            } else if (event instanceof Resize r) {
                width = r.viewportWidth();
            }
        }
        return width;
    }

    private static int viewportHeight(Batch batch) {
        int height = 0;
        for (AnalyticsEvent event : batch.events()) {
            if (event instanceof Page p) {
                height = p.viewportHeight();
            } else if (event instanceof Resize r) {
                height = r.viewportHeight();
            }
        }
        return height;
    }

    private static int documentHeight(Batch batch) {
        int height = 0;
        for (AnalyticsEvent event : batch.events()) {
            if (event instanceof Page p) {
                height = Math.max(height, p.documentHeight());
            } else if (event instanceof Scroll s) {
                height = Math.max(height, s.documentHeight());
            } else if (event instanceof Resize r) {
                height = Math.max(height, r.documentHeight());
            }
        }
        return height;
    }
}
