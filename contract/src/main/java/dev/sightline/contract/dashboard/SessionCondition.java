package dev.sightline.contract.dashboard;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.insights.InsightKind;
import java.util.List;

/** One condition of a {@link SessionFilter}; a session must meet every condition of its filter. */
public sealed interface SessionCondition {

    /** Which page views of a session a URL condition looks at. */
    enum UrlScope {
        /** Any page of the session; {@code NOT_EQUALS} means no page of the session is that URL. */
        VISITED,
        /** The first page. */
        ENTRY,
        /** The last page. */
        EXIT
    }

    /** Session-level texts a filter can compare. */
    enum Attribute {
        REFERRER, REFERRER_HOST, CHANNEL, UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN, UTM_TERM, UTM_CONTENT, DEVICE,
        BROWSER, OS, COUNTRY
    }

    /** Session-level numbers a filter can bound. */
    enum Measure {
        /** Milliseconds from the first to the last moment seen. */
        DURATION_MS,
        /** Milliseconds of activity (see the sessions' active time). */
        ACTIVE_MS,
        PAGES,
        CLICKS,
        /** The deepest any page of the session was scrolled, in thousandths of the page. */
        SCROLL_PERMILLE
    }

    /** What a clicked-element condition compares. */
    enum ClickTarget {
        TEXT, SELECTOR
    }

    /** A page's full URL. */
    record PageUrl(UrlScope scope, TextMatch match) implements SessionCondition {
        public PageUrl {
            requireNonNull(scope, "scope is null");
            requireNonNull(match, "match is null");
        }
    }

    /** A page's key (host and path, as heatmaps group pages) is exactly this. */
    record PageKey(UrlScope scope, String key) implements SessionCondition {
        public PageKey {
            requireNonNull(scope, "scope is null");
            requireNonNull(key, "key is null");
        }
    }

    record Text(Attribute attribute, TextMatch match) implements SessionCondition {
        public Text {
            requireNonNull(attribute, "attribute is null");
            requireNonNull(match, "match is null");
        }
    }

    /** {@code min <= value <= max}. */
    record Range(Measure measure, long min, long max) implements SessionCondition {
        public Range {
            requireNonNull(measure, "measure is null");
            if (min > max) {
                throw new IllegalArgumentException("min must not be above max");
            }
        }
    }

    /** The visitor's first session (new) or a later one (returning). */
    record NewVisitor(boolean isNew) implements SessionCondition {
    }

    record Insight(InsightKind kind, boolean present) implements SessionCondition {
        public Insight {
            requireNonNull(kind, "kind is null");
        }
    }

    /** A JavaScript error whose message matches. */
    record ErrorMessage(TextMatch match) implements SessionCondition {
        public ErrorMessage {
            requireNonNull(match, "match is null");
        }
    }

    /** A custom event ({@code sightline('event', name)}) done, or not done, in the session. */
    record CustomEvent(String name, boolean done) implements SessionCondition {
        public CustomEvent {
            requireNonNull(name, "name is null");
        }
    }

    /** A custom tag ({@code sightline('set', key, value)}) set to this value in the session. */
    record Tag(String key, String value) implements SessionCondition {
        public Tag {
            requireNonNull(key, "key is null");
            requireNonNull(value, "value is null");
        }
    }

    /** Identified as this user: the SHA-256 hex of the id the page passed to {@code identify}. */
    record IdentifiedUser(String userHash) implements SessionCondition {
        public IdentifiedUser {
            requireNonNull(userHash, "userHash is null");
        }
    }

    /** An element clicked in the session whose text or selector matches. */
    record ClickedElement(ClickTarget target, TextMatch match) implements SessionCondition {
        public ClickedElement {
            requireNonNull(target, "target is null");
            requireNonNull(match, "match is null");
        }
    }

    /** Completed the funnel's first {@code step} steps in order and not the next one (step 1 = dropped after the first). */
    record DroppedAfter(List<FunnelStep> steps, int step) implements SessionCondition {
        public DroppedAfter {
            steps = List.copyOf(steps);
            if (step < 1 || step > steps.size()) {
                throw new IllegalArgumentException("step must be within 1.." + steps.size());
            }
        }
    }
}
