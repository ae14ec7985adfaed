package dev.sightline.contract.dashboard;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a filter compares a text (a URL, an error message, an element's text): every operator but
 * {@link Operator#REGEX} ignores case; a regular expression decides that itself ({@code (?i)}).
 */
public record TextMatch(Operator operator, String value) {
    public static final int MAX_LENGTH = 512;

    public enum Operator {
        CONTAINS, STARTS_WITH, ENDS_WITH, EQUALS, NOT_EQUALS, REGEX
    }

    public TextMatch {
        requireNonNull(operator, "operator is null");
        requireNonNull(value, "value is null");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a filter value is at most " + MAX_LENGTH + " characters");
        }
        if (operator == Operator.REGEX) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a regular expression: " + e.getDescription());
            }
        }
    }

    public static TextMatch equalTo(String value) {
        return new TextMatch(Operator.EQUALS, value);
    }

    /** Whether a text matches: the definition the stores implement. */
    public boolean matches(String text) {
        String a = text.toLowerCase(Locale.ROOT);
        String b = value.toLowerCase(Locale.ROOT);
        return switch (operator) {
            case CONTAINS -> a.contains(b);
            case STARTS_WITH -> a.startsWith(b);
            case ENDS_WITH -> a.endsWith(b);
            case EQUALS -> a.equals(b);
            case NOT_EQUALS -> !a.equals(b);
            case REGEX -> Pattern.compile(value).matcher(text).find();
        };
    }
}
