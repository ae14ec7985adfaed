package dev.sightline.sessions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tolerant URL parts. Browsers send URLs that {@link java.net.URI} rejects (spaces, unescaped
 * Unicode, stray percent signs), so this splits them by hand and never throws.
 */
public final class Urls {

    /** The parts of a URL that Sightline uses. Host is lower-case and includes a non-default port. */
    public record Parts(String host, String path, String query) {
    }

    private Urls() {
    }

    public static Parts parse(String url) {
        String rest = url;
        int scheme = rest.indexOf("://");
        String schemeName = "";
        if (scheme > 0) {
            schemeName = rest.substring(0, scheme).toLowerCase(Locale.ROOT);
            rest = rest.substring(scheme + 3);
        }
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int slash = indexOfAny(rest, '/', '?');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        String pathAndQuery = slash >= 0 ? rest.substring(slash) : "/";
        int at = authority.lastIndexOf('@');
        String host = (at >= 0 ? authority.substring(at + 1) : authority).toLowerCase(Locale.ROOT);
        if ((schemeName.equals("http") && host.endsWith(":80")) || (schemeName.equals("https") && host.endsWith(":443"))) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        int question = pathAndQuery.indexOf('?');
        String path = question >= 0 ? pathAndQuery.substring(0, question) : pathAndQuery;
        String query = question >= 0 ? pathAndQuery.substring(question + 1) : "";
        return new Parts(host, path.isEmpty() ? "/" : path, query);
    }

    public static String host(String url) {
        return url == null || url.isEmpty() ? "" : parse(url).host();
    }

    /** Query parameters in order of appearance; the first value wins; never throws on bad escapes. */
    public static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String value = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
