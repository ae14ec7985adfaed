package dev.sightline.store.clickhouse;

import java.time.Instant;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Literals inlined into statements. ClickHouse 18.16 has no query parameters, so every value a
 * statement carries goes through here: strings are quoted with every backslash, quote and control
 * character escaped, numbers are formatted from Java numbers.
 */
final class Sql {

    private Sql() {
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\0' -> quoted.append("\\0");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\x%02X", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('\'').toString();
    }

    /** {@code ('a', 'b', …)}; never empty, callers check first. */
    static String list(Collection<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one value");
        }
        return values.stream().map(Sql::quote).collect(Collectors.joining(", ", "(", ")"));
    }

    /** An instant as the microseconds since the epoch every time column holds. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
