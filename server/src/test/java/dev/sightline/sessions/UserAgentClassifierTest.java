package dev.sightline.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.store.DeviceClass;
import org.junit.jupiter.api.Test;

class UserAgentClassifierTest {
    private final UserAgentClassifier classifier = UserAgentClassifier.shared();

    @Test
    void aDesktopChromeIsADesktopBrowserAndNotARobot() {
        UserAgentClassifier.Agent agent = classifier.classify(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");

        assertThat(agent.deviceClass()).isEqualTo(DeviceClass.DESKTOP);
        assertThat(agent.browser()).isEqualTo("Chrome");
        assertThat(agent.browserVersion()).isEqualTo("131");
        assertThat(agent.os()).startsWith("Windows");
        assertThat(agent.robot()).isFalse();
    }

    @Test
    void anIphoneIsMobileAndAnIpadIsATablet() {
        assertThat(classifier.classify("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1").deviceClass()).isEqualTo(DeviceClass.MOBILE);
        assertThat(classifier.classify("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1").deviceClass()).isEqualTo(DeviceClass.TABLET);
    }

    @Test
    void crawlersAndHeadlessBrowsersAreRobots() {
        assertThat(classifier.classify("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").robot()).isTrue();
        assertThat(classifier.classify("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "HeadlessChrome/156.0.0.0 Safari/537.36").robot()).isTrue();
        assertThat(classifier.classify("").robot()).isTrue();
    }
}
