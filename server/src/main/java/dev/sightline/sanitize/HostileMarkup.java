package dev.sightline.sanitize;

import java.util.Locale;
import java.util.Set;

/**
 * What a stored recording may not contain: the same rules as the player's
 * ({@code web-ui/src/player/sanitize-rules.ts}), applied once more on the server before a recording
 * is written, so that a hostile upload is stored already defused. Tags and attribute names are
 * compared lower-case.
 */
final class HostileMarkup {

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
            "data", "poster", "background", "ping", "codebase", "cite", "longdesc", "manifest", "lowsrc", "dynsrc",
            "to", "from", "values", "by");

    /** Elements whose URL loads a document (scriptable) rather than an image or a stylesheet. */
    private static final Set<String> DOCUMENT_LOADERS = Set.of("iframe", "frame", "object", "embed", "portal",
            "fencedframe");

    private static final Set<String> FORM_ELEMENTS = Set.of("form", "button", "input");

    private HostileMarkup() {
    }

    /** Whether the URL would run script (or load a scriptable document) in this element. */
    static boolean isScriptUrl(String value, String tag) {
        String url = normalizeUrl(value);
        if (url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("livescript:")) {
            return true;
        }
        if (url.startsWith("data:text/html") || url.startsWith("data:application/xhtml")
                || url.startsWith("data:text/xml") || url.startsWith("data:application/xml")) {
            return true;
        }
        if (DOCUMENT_LOADERS.contains(tag) && url.startsWith("data:")) {
            return true;
        }
        // SVG animation values are ";"-separated lists: any member counts.
        return url.contains(";javascript:");
    }

    /** Whether an attribute must not be stored. */
    static boolean isForbiddenAttribute(String tag, String name, String value) {
        String tagName = tag.toLowerCase(Locale.ROOT);
        String attr = name.toLowerCase(Locale.ROOT);
        if (attr.startsWith("on") || attr.startsWith("_on")) {
            return true; // event handlers (rrweb renames some to _on…)
        }
        if (attr.equals("srcdoc")) {
            return true;
        }
        if (tagName.equals("base")) {
            return attr.equals("href") || attr.equals("target");
        }
        if (tagName.equals("meta") && attr.equals("http-equiv")) {
            String equiv = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return equiv.equals("refresh") || equiv.equals("set-cookie") || equiv.equals("content-security-policy");
        }
        if (FORM_ELEMENTS.contains(tagName) && (attr.equals("action") || attr.equals("target"))) {
            return true;
        }
        if (attr.equals("formaction") || attr.equals("formtarget")) {
            return true;
        }
        boolean urlAttribute = URL_ATTRIBUTES.contains(attr) || attr.endsWith(":href");
        return urlAttribute && value != null && isScriptUrl(value, tagName);
    }

    /** Script elements keep their place in the tree (later mutations refer to them) but lose their code. */
    static boolean isScript(String tag) {
        return tag.equalsIgnoreCase("script");
    }

    /** Browsers ignore ASCII whitespace and control characters inside a URL's scheme. */
    private static String normalizeUrl(String value) {
        StringBuilder url = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x20 && (c < 0x7f || c > 0x9f)) {
                url.append(c);
            }
        }
        return url.toString().toLowerCase(Locale.ROOT);
    }
}
