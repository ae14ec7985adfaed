package dev.sightline.app;

import dev.sightline.contract.insights.InsightEvent;
import dev.sightline.contract.insights.InsightKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Precision and recall per signal over labelled visits. A visit is a true positive for a kind when it
 * is labelled with it and the kind was detected (on the labelled element, where one is named); a
 * false negative when labelled and not so detected; a false positive when detected but not labelled.
 */
final class ScenarioScore {

    record Counts(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    final Map<InsightKind, Counts> byKind = new EnumMap<>(InsightKind.class);
    final List<String> mistakes = new ArrayList<>();

    ScenarioScore(List<ScenarioRunner.Visit> visits, Map<String, List<InsightEvent>> detected) {
        for (InsightKind kind : InsightKind.values()) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (ScenarioRunner.Visit visit : visits) {
                List<InsightEvent> events = detected.getOrDefault(visit.sessionId(), List.of()).stream()
                        .filter(e -> e.kind() == kind).toList();
                String selector = visit.scenario().expected.get(kind);
                if (selector == null) {
                    if (!events.isEmpty()) {
                        fp++;
                        mistakes.add("false " + kind + " in '" + visit.scenario().name + "': " + events);
                    }
                } else if (events.stream().anyMatch(e -> selector.isEmpty() || e.selector().equals(selector))) {
                    tp++;
                } else {
                    fn++;
                    mistakes.add("missed " + kind + (selector.isEmpty() ? "" : " on " + selector) + " in '"
                            + visit.scenario().name + "'; detected: " + detected.getOrDefault(visit.sessionId(), List.of()));
                }
            }
            byKind.put(kind, new Counts(tp, fp, fn));
        }
    }

    String table(int scenarios) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Insight scenario suite: %d labelled visits%n%-17s %4s %4s %4s %10s %8s%n", scenarios, "signal", "TP",
                "FP", "FN", "precision", "recall"));
        byKind.forEach((kind, c) -> out.append(String.format(Locale.ROOT, "%-17s %4d %4d %4d %9.1f%% %7.1f%%%n",
                kind, c.truePositives(), c.falsePositives(), c.falseNegatives(), 100 * c.precision(), 100 * c.recall())));
        return out.toString();
    }
}
