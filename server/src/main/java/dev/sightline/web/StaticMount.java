package dev.sightline.web;

import java.util.Map;

/**
 * Files served as they are, from a classpath folder.
 *
 * @param cacheControl how long browsers may keep them
 */
public record StaticMount(String hostedPath, String classpathDirectory, String cacheControl) {
    public Map<String, String> headers() {
        return Map.of("Cache-Control", cacheControl);
    }
}
