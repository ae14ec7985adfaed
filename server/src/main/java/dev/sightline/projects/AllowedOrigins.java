package dev.sightline.projects;

import dev.sightline.http.HttpProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A project's allowed origins as the browser sends them in {@code Origin}: scheme, host and an optional
 * port, lower-case, without a path ({@code https://shop.example.com}, {@code http://localhost:3000}).
 */
public final class AllowedOrigins {
    static final int MAX_ORIGINS = 50;
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\\d{1,5})?");

    private AllowedOrigins() {
    }

    /** Normalised, de-duplicated origins; 400 for anything that is not an origin. */
    public static List<String> parse(List<String> given) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> origins = new LinkedHashSet<>();
        for (String value : given) {
            String origin = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (origin.endsWith("/")) {
                origin = origin.substring(0, origin.length() - 1);
            }
            if (origin.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(origin).matches()) {
                throw HttpProblem.badRequest("invalid_origin",
                        "an allowed origin looks like https://example.com (no path), not " + value.strip());
            }
            origins.add(origin);
        }
        if (origins.size() > MAX_ORIGINS) {
            throw HttpProblem.badRequest("invalid_origin", "a project allows at most " + MAX_ORIGINS + " origins");
        }
        return List.copyOf(new ArrayList<>(origins));
    }
}
