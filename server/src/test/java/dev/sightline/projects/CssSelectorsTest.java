package dev.sightline.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.http.HttpProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CssSelectorsTest {

    @Test
    void selectorListsOfTagsIdsClassesAttributesAndCombinatorsAreAccepted() {
        for (String selector : List.of(".private", "#account-number, [data-secret]", "input[name=\"card\"] > span.x",
                "div .a ~ p + b", "*", "[data-sl-id='price' ]", "form#checkout input[type=text]",
                "  .a  ,  .b  ", "a[href^=\"https\"]", "-x-vendor", "ul>li.item")) {
            assertThat(CssSelectors.parse("maskSelector", selector)).as(selector).isEqualTo(selector.strip());
        }
    }

    @Test
    void emptyOrBlankMeansNoSelector() {
        assertThat(CssSelectors.parse("maskSelector", null)).isEmpty();
        assertThat(CssSelectors.parse("maskSelector", "   ")).isEmpty();
    }

    @Test
    void anythingTheTrackerCouldNotParseOrThatLeavesTheSubsetIsRefused() {
        for (String selector : List.of("a:hover", "a[", "..x", "a,", ",a", "<script>", "a\\b", "a::before", "#1a",
                "a > ", "a[b=\"c]", "}", "a{color:red}", "a[b=c d]", "a\nb:x")) {
            assertThatThrownBy(() -> CssSelectors.parse("maskSelector", selector)).as(selector)
                    .isInstanceOf(HttpProblem.class).hasMessageContaining("maskSelector");
        }
    }

    @Test
    void longHostileInputIsRefusedAtOnce() {
        String hostile = "a".repeat(500) + " " + ".b".repeat(240) + "!";
        long start = System.nanoTime();
        assertThatThrownBy(() -> CssSelectors.parse("maskSelector", hostile)).isInstanceOf(HttpProblem.class);
        assertThatThrownBy(() -> CssSelectors.parse("maskSelector", "a ".repeat(499) + "!")).isInstanceOf(HttpProblem.class);
        assertThat(System.nanoTime() - start).as("no catastrophic backtracking").isLessThan(2_000_000_000L);
    }

    @Test
    void selectorsLongerThanTheLimitAreRefused() {
        assertThatThrownBy(() -> CssSelectors.parse("unmaskSelector", ".a" + ", .a".repeat(400)))
                .isInstanceOf(HttpProblem.class);
    }
}
