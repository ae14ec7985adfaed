package dev.sightline.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.Channel;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelClassifierTest {
    private final ChannelClassifier channels = new ChannelClassifier();

    private Channel of(String landingQuery, String referrer) {
        return channels.classify(Urls.parameters(landingQuery), Urls.host(referrer), "shop.example.com");
    }

    @Test
    void noReferrerAndNoTagsIsDirect() {
        assertThat(of("", "")).isEqualTo(Channel.DIRECT);
    }

    @Test
    void aReferrerFromTheSameSiteIsDirect() {
        assertThat(of("", "https://shop.example.com/blog")).isEqualTo(Channel.DIRECT);
        assertThat(of("", "https://www.shop.example.com/")).isEqualTo(Channel.DIRECT);
    }

    @Test
    void searchEnginesAreOrganicSearchInAnyCountry() {
        assertThat(of("", "https://www.google.com/")).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(of("", "https://www.google.co.uk/search?q=x")).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(of("", "https://duckduckgo.com/")).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(of("", "https://www.bing.com/")).isEqualTo(Channel.ORGANIC_SEARCH);
        assertThat(of("", "https://googleusercontent.com/x")).isEqualTo(Channel.REFERRAL);
    }

    @Test
    void paidTagsAndClickIdsArePaidEvenFromASearchEngine() {
        assertThat(of("utm_source=google&utm_medium=cpc", "https://www.google.com/")).isEqualTo(Channel.PAID);
        assertThat(of("gclid=abc123", "https://www.google.com/")).isEqualTo(Channel.PAID);
        assertThat(of("fbclid=xyz", "https://l.facebook.com/")).isEqualTo(Channel.PAID);
    }

    @Test
    void socialSitesAndSocialTagsAreSocial() {
        assertThat(of("", "https://t.co/abc")).isEqualTo(Channel.SOCIAL);
        assertThat(of("", "https://www.linkedin.com/feed")).isEqualTo(Channel.SOCIAL);
        assertThat(of("utm_medium=social&utm_source=mastodon", "")).isEqualTo(Channel.SOCIAL);
    }

    @Test
    void emailTagsAndWebmailAreEmail() {
        assertThat(of("utm_medium=email&utm_campaign=launch", "")).isEqualTo(Channel.EMAIL);
        assertThat(of("", "https://mail.google.com/mail/u/0/")).isEqualTo(Channel.EMAIL);
    }

    @Test
    void assistantsAreAiTools() {
        assertThat(of("", "https://chatgpt.com/")).isEqualTo(Channel.AI_TOOLS);
        assertThat(of("utm_source=chatgpt.com", "")).isEqualTo(Channel.AI_TOOLS);
        assertThat(of("", "https://www.perplexity.ai/search")).isEqualTo(Channel.AI_TOOLS);
    }

    @Test
    void anyOtherSiteOrUntypedTagIsReferral() {
        assertThat(of("", "https://blog.someone.net/post")).isEqualTo(Channel.REFERRAL);
        assertThat(of("utm_source=partner", "")).isEqualTo(Channel.REFERRAL);
    }

    @Test
    void parametersAreReadWithoutFailingOnBadEscapes() {
        assertThat(Urls.parameters("utm_source=%E0%A4%A&x=1")).containsEntry("x", "1");
        assertThat(Urls.parameters("a=1&a=2")).isEqualTo(Map.of("a", "1"));
    }
}
