package dev.sightline.insights;

import dev.sightline.contract.insights.ErrorGroup;
import dev.sightline.contract.insights.FormReport;
import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import dev.sightline.contract.insights.InsightOverview;
import java.util.List;
import java.util.Map;

/** The insights API's JSON shapes (docs/http-api.md): times in epoch milliseconds, kinds as upper-case names. */
final class InsightViews {

    private InsightViews() {
    }

    record Overview(long from, long to, long sessions, List<Kind> kinds) {
        static Overview of(TimeWindow window, InsightOverview overview, Map<InsightKind, String> definitions) {
            return new Overview(window.from().toEpochMilli(), window.to().toEpochMilli(), overview.sessions(),
                    overview.kinds().stream().map(k -> new Kind(k.kind().name(), k.sessions(), k.events(),
                            k.rate(overview.sessions()), definitions.get(k.kind()),
                            k.hotspots().stream().map(h -> new Hotspot(h.pageKey(), h.selector(), h.events(), h.sessions()))
                                    .toList())).toList());
        }
    }

    record Kind(String kind, long sessions, long events, double rate, String definition, List<Hotspot> hotspots) {
    }

    record Hotspot(String pageKey, String selector, long events, long sessions) {
    }

    record Errors(List<Error> errors) {
        static Errors of(List<ErrorGroup> groups) {
            return new Errors(groups.stream().map(g -> new Error(g.message(), g.source(), g.line(), g.column(),
                    g.occurrences(), g.sessions(), g.firstSeen().toEpochMilli(), g.lastSeen().toEpochMilli(),
                    g.recordings().stream().map(r -> new Recording(r.sessionId(), r.sessionStartedAt().toEpochMilli(),
                            r.at().toEpochMilli(), Math.max(0, r.at().toEpochMilli() - r.sessionStartedAt().toEpochMilli())))
                            .toList())).toList());
        }
    }

    record Error(String message, String source, int line, int column, long occurrences, long sessions, long firstSeen,
                 long lastSeen, List<Recording> recordings) {
    }

    /** @param offsetMs where the player opens it: {@code ?t=offsetMs} */
    record Recording(String sessionId, long sessionStartedAt, long at, long offsetMs) {
    }

    record Forms(List<Form> forms) {
        static Forms of(List<FormReport> reports) {
            return new Forms(reports.stream().map(f -> new Form(f.pageKey(), f.form(), f.views(), f.starts(),
                    f.completions(), f.abandonments(), f.fields().stream().map(x -> new Field(x.field(), x.fieldType(),
                            x.interactions(), x.abandonments(), x.medianFocusMs(), x.refills())).toList())).toList());
        }
    }

    record Form(String pageKey, String form, long views, long starts, long completions, long abandonments,
                List<Field> fields) {
    }

    record Field(String field, String fieldType, long interactions, long abandonments, long medianFocusMs,
                 long refills) {
    }

    record Events(List<Event> events) {
        static Events of(List<InsightEvent> events) {
            return new Events(events.stream().map(e -> new Event(e.kind().name(), e.pageNumber(), e.at().toEpochMilli(),
                    e.selector(), e.pageKey(), e.value(), e.detail())).toList());
        }
    }

    record Event(String kind, int pageNumber, long at, String selector, String pageKey, int value, String detail) {
    }
}
