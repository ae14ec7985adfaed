package dev.sightline.bench.report;

import java.util.Locale;

/** Numbers as the table prints them: thousands separated, decimals only where they carry information. */
public final class Figures {

    private Figures() {
    }

    public static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%,.1f", value);
        }
        return String.format(Locale.ROOT, "%,.2f", value);
    }
}
