package dev.sightline.bench.report;

import java.util.Objects;
import java.util.function.DoublePredicate;

/** What a figure should reach, as printed beside it, and the test of whether it does. */
public record Target(String text, DoublePredicate met) {

    public Target {
        Objects.requireNonNull(text, "text is null");
        Objects.requireNonNull(met, "met is null");
    }

    /** No target: the row is there for context. */
    public static Target none() {
        return new Target("", value -> true);
    }

    public static Target atLeast(double bound, String text) {
        return new Target(text, value -> value >= bound);
    }

    public static Target below(double bound, String text) {
        return new Target(text, value -> value < bound);
    }

    public static Target atMost(double bound, String text) {
        return new Target(text, value -> value <= bound);
    }

    boolean isNone() {
        return text.isEmpty();
    }
}
