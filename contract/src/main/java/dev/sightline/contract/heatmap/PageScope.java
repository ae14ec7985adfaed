package dev.sightline.contract.heatmap;

import java.util.Objects;

/** Which page views a heatmap covers: those of one page key, or those of every key a page group's pattern matches. */
public sealed interface PageScope {

    /** Whether a page key is in this scope. */
    boolean contains(String pageKey);

    /** One page, by its normalised key. */
    record Page(String pageKey) implements PageScope {
        public Page {
            Objects.requireNonNull(pageKey, "pageKey is null");
        }

        @Override
        public boolean contains(String key) {
            return pageKey.equals(key);
        }
    }

    /** Every page whose key matches the pattern. */
    record Group(PagePattern pattern) implements PageScope {
        public Group {
            Objects.requireNonNull(pattern, "pattern is null");
        }

        @Override
        public boolean contains(String key) {
            return pattern.matches(key);
        }
    }
}
