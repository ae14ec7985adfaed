package dev.sightline.contract.heatmap;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A page group's pattern over page keys ({@code host/path?kept=parameters}, see the server's PageKeys):
 * <ul>
 *   <li>{@code *} stands for any characters within one path segment, {@code **} for any characters
 *       across segments: {@code /product/*} matches {@code /product/42}, not {@code /product/42/reviews};
 *       {@code /blog/**} matches both;</li>
 *   <li>a pattern that starts with {@code /} matches on any host; otherwise it starts with the host;</li>
 *   <li>a pattern without {@code ?} ignores the kept query parameters of a key;</li>
 *   <li>hosts compare ignoring case, a trailing slash is folded, like page keys.</li>
 * </ul>
 * Every back end matches through {@link #regex()}, an anchored expression in the common subset of RE2
 * (DuckDB, ClickHouse) and {@link java.util.regex}.
 */
public record PagePattern(String text) {
    public static final int MAX_LENGTH = 300;

    /** Characters with a meaning in a regular expression, escaped with a backslash to stand for themselves. */
    private static final String REGEX_SYNTAX = "\\.+?()|[]{}^$";

    public PagePattern {
        Objects.requireNonNull(text, "text is null");
        text = normalise(text);
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a page pattern has 1.." + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a page pattern has no spaces: " + text);
        }
    }

    /** The whole-key regular expression this pattern stands for. */
    public String regex() {
        StringBuilder regex = new StringBuilder("^");
        String rest = text;
        if (rest.startsWith("/")) {
            regex.append("[^/?]*");
        }
        boolean hasQuery = rest.contains("?");
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '*' && i + 1 < rest.length() && rest.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (REGEX_SYNTAX.indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        if (!hasQuery) {
            regex.append("(\\?.*)?");
        }
        return regex.append('$').toString();
    }

    /** Whether a page key belongs to this pattern, as the stores decide it. */
    public boolean matches(String pageKey) {
        return Pattern.compile(regex()).matcher(pageKey).matches();
    }

    private static String normalise(String raw) {
        String text = raw.trim();
        int scheme = text.indexOf("://");
        if (scheme > 0 && text.substring(0, scheme).chars().allMatch(Character::isLetter)) {
            text = text.substring(scheme + 3);
        }
        if (!text.startsWith("/")) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            text = host.toLowerCase(Locale.ROOT) + (slash < 0 ? "" : text.substring(slash));
        }
        while (text.length() > 1 && text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }
}
