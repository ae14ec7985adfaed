package dev.sightline.sessions;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The normalised form of a URL that heatmaps and page reports group by: host and path, the fragment
 * dropped, a trailing slash folded, and only the query parameters on the allow-list kept (sorted).
 * {@code https://Shop.example.com/Product/42/?utm_source=x&id=7#reviews} with allow-list {@code id}
 * becomes {@code shop.example.com/Product/42?id=7}.
 */
public final class PageKeys {
    private final Set<String> keptParameters;

    public PageKeys(Set<String> keptParameters) {
        this.keptParameters = Set.copyOf(keptParameters);
    }

    public String of(String url) {
        Urls.Parts parts = Urls.parse(url);
        String path = parts.path();
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder key = new StringBuilder(parts.host()).append(path);
        if (!keptParameters.isEmpty()) {
            Map<String, String> kept = new TreeMap<>();
            Urls.parameters(parts.query()).forEach((name, value) -> {
                if (keptParameters.contains(name)) {
                    kept.put(name, value);
                }
            });
            String separator = "?";
            for (Map.Entry<String, String> entry : kept.entrySet()) {
                key.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
                separator = "&";
            }
        }
        return key.toString();
    }
}
