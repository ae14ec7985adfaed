package dev.sightline.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.http.HttpProblem;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllowedOriginsTest {

    @Test
    void originsAreLowerCasedDeduplicatedAndLoseATrailingSlash() {
        assertThat(AllowedOrigins.parse(List.of(" https://Shop.Example.com/ ", "https://shop.example.com",
                "http://localhost:3000", "")))
                .containsExactly("https://shop.example.com", "http://localhost:3000");
    }

    @Test
    void anythingButAnOriginIsRefused() {
        for (String bad : List.of("shop.example.com", "https://shop.example.com/path", "ftp://x.example",
                "https://exa mple.com", "https://x.example:123456", "javascript:alert(1)", "https://-x.example")) {
            assertThatThrownBy(() -> AllowedOrigins.parse(List.of(bad))).as(bad).isInstanceOf(HttpProblem.class);
        }
    }

    @Test
    void noListMeansNoOriginsAndTooManyAreRefused() {
        assertThat(AllowedOrigins.parse(null)).isEmpty();
        String[] many = new String[AllowedOrigins.MAX_ORIGINS + 1];
        Arrays.setAll(many, i -> "https://s" + i + ".example.com");
        assertThatThrownBy(() -> AllowedOrigins.parse(List.of(many))).isInstanceOf(HttpProblem.class);
    }
}
