package dev.sightline.contract.heatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PagePatternTest {

    @Test
    void aStarStandsForOnePathSegment() {
        PagePattern pattern = new PagePattern("/product/*");

        assertThat(pattern.matches("shop.example/product/42")).isTrue();
        assertThat(pattern.matches("www.shop.example/product/red-shoes")).isTrue();
        assertThat(pattern.matches("shop.example/product/42/reviews")).isFalse();
        assertThat(pattern.matches("shop.example/products/42")).isFalse();
        assertThat(pattern.matches("shop.example/en/product/42")).isFalse();
    }

    @Test
    void twoStarsStandForAnythingAcrossSegments() {
        PagePattern pattern = new PagePattern("/blog/**");

        assertThat(pattern.matches("shop.example/blog/2026/03/hello")).isTrue();
        assertThat(pattern.matches("shop.example/blog/a")).isTrue();
        assertThat(pattern.matches("shop.example/blogs/a")).isFalse();
    }

    @Test
    void aPatternWithoutAQueryIgnoresTheKeptParametersOfAKey() {
        assertThat(new PagePattern("/product/*").matches("shop.example/product/42?variant=red")).isTrue();
        assertThat(new PagePattern("/search").matches("shop.example/search?q=shoes")).isTrue();
        PagePattern withQuery = new PagePattern("/search?q=*");
        assertThat(withQuery.matches("shop.example/search?q=shoes")).isTrue();
        assertThat(withQuery.matches("shop.example/search")).isFalse();
    }

    @Test
    void aPatternWithAHostMatchesOnlyThatHostIgnoringCaseAndScheme() {
        PagePattern pattern = new PagePattern("https://Shop.Example/product/*/");

        assertThat(pattern.text()).isEqualTo("shop.example/product/*");
        assertThat(pattern.matches("shop.example/product/42")).isTrue();
        assertThat(pattern.matches("other.example/product/42")).isFalse();
        assertThat(new PagePattern("*.shop.example/**").matches("de.shop.example/cart")).isTrue();
    }

    @Test
    void regularExpressionSyntaxInAPatternStandsForItself() {
        PagePattern pattern = new PagePattern("/a.b/(x)+[y]|z$");

        assertThat(pattern.matches("h/a.b/(x)+[y]|z$")).isTrue();
        assertThat(pattern.matches("h/aXb/(x)+[y]|z$")).isFalse();
        assertThat(pattern.matches("h/a.b/xx[y]|z$")).isFalse();
    }

    @Test
    void theRootPageIsAPatternToo() {
        assertThat(new PagePattern("/").matches("shop.example/")).isTrue();
        assertThat(new PagePattern("/").matches("shop.example/about")).isFalse();
    }

    @Test
    void emptyOrSpacedPatternsAreRefused() {
        assertThatThrownBy(() -> new PagePattern("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PagePattern("/a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PagePattern("/" + "x".repeat(PagePattern.MAX_LENGTH))).isInstanceOf(IllegalArgumentException.class);
    }
}
