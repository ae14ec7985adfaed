package dev.sightline.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PageKeysTest {

    @Test
    void fragmentsTrackingParametersAndTrailingSlashesDoNotMakeNewPages() {
        PageKeys keys = new PageKeys(Set.of());

        assertThat(keys.of("https://Shop.Example.com/pricing/?utm_source=x#faq")).isEqualTo("shop.example.com/pricing");
        assertThat(keys.of("http://shop.example.com/pricing")).isEqualTo("shop.example.com/pricing");
        assertThat(keys.of("https://shop.example.com")).isEqualTo("shop.example.com/");
        assertThat(keys.of("https://shop.example.com:443/")).isEqualTo("shop.example.com/");
        assertThat(keys.of("http://localhost:8080/demo/")).isEqualTo("localhost:8080/demo");
    }

    @Test
    void allowListedParametersAreKeptInAStableOrder() {
        PageKeys keys = new PageKeys(Set.of("id", "variant"));

        assertThat(keys.of("https://shop.example.com/product?variant=red&utm_medium=x&id=42"))
                .isEqualTo("shop.example.com/product?id=42&variant=red");
        assertThat(keys.of("https://shop.example.com/product?id=42&variant=red"))
                .isEqualTo(keys.of("https://shop.example.com/product?variant=red&id=42"));
    }

    @Test
    void pathCaseIsKeptBecauseServersTreatItAsDifferent() {
        assertThat(new PageKeys(Set.of()).of("https://a.io/Docs/API")).isEqualTo("a.io/Docs/API");
    }
}
