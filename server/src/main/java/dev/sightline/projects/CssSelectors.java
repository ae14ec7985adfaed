package dev.sightline.projects;

import dev.sightline.http.HttpProblem;
import java.util.regex.Pattern;

/**
 * The mask and unmask selectors a project hands to its tracker. The tracker passes them to
 * {@code Element.closest()}, which throws on a selector it cannot parse, so only a safe subset of CSS
 * is accepted: lists of compound selectors of tag names, {@code #ids}, {@code .classes} and attribute
 * tests ({@code [name]}, {@code [name="value"]} with {@code = ~= |= ^= $= *=}) joined by descendant,
 * {@code >}, {@code +} or {@code ~} combinators. No pseudo-classes, no escapes.
 */
public final class CssSelectors {
    static final int MAX_LENGTH = 1000;

    // Possessive quantifiers and compounds that can be split only one way keep matching linear.
    private static final String IDENT = "-?[_a-zA-Z][_a-zA-Z0-9-]*+";
    private static final String ATTRIBUTE = "\\[\\s*+" + IDENT + "\\s*+(?:[~|^$*]?=\\s*+(?:"
            + IDENT + "|\"[^\"\\\\\\n]*+\"|'[^'\\\\\\n]*+')\\s*+)?\\]";
    private static final String SUFFIX = "(?:#" + IDENT + "|\\." + IDENT + "|" + ATTRIBUTE + ")";
    private static final String COMPOUND = "(?:(?:" + IDENT + "|\\*)" + SUFFIX + "*+|" + SUFFIX + "++)";
    private static final String COMPLEX = COMPOUND + "(?:\\s*+[>+~]\\s*+" + COMPOUND + "|\\s++" + COMPOUND + ")*+";
    private static final Pattern LIST = Pattern.compile("\\s*+" + COMPLEX + "\\s*+(?:,\\s*+" + COMPLEX + "\\s*+)*+");

    private CssSelectors() {
    }

    /** The selector list, trimmed; empty stays empty; 400 for anything outside the subset. */
    public static String parse(String field, String selectors) {
        String trimmed = selectors == null ? "" : selectors.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        if (trimmed.length() > MAX_LENGTH || !LIST.matcher(trimmed).matches()) {
            throw HttpProblem.badRequest("invalid_selector", field + " must be CSS selectors such as "
                    + ".private, #account-number, [data-secret] (tags, ids, classes, attributes, combinators)");
        }
        return trimmed;
    }
}
