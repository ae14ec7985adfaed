package dev.sightline.app;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright — one browser per test JVM. Visitors get a normal
 * desktop Chrome user agent and {@code navigator.webdriver = false}, so Sightline records them as the
 * people they stand in for rather than as bots.
 */
final class Chromium {
    static final String DESKTOP_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0.0.0 Safari/537.36";
    static final String PHONE_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0.0.0 Mobile Safari/537.36";
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
    private static Playwright playwright;
    private static Browser browser;

    private Chromium() {
    }

    static synchronized Browser browser() {
        if (browser == null) {
            Path executable = Path.of("/usr/bin/chromium");
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("the browser tests need Debian's Chromium: apt-get install chromium");
            }
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** A visitor with its own cookies, a desktop or phone viewport, and no automation flag. */
    static BrowserContext visitor(int width, int height, boolean phone) {
        BrowserContext context = browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setUserAgent(phone ? PHONE_AGENT : DESKTOP_AGENT)
                .setIsMobile(phone)
                .setHasTouch(phone)
                .setDeviceScaleFactor(phone ? 3 : 1));
        context.addInitScript("Object.defineProperty(Navigator.prototype, 'webdriver', {get: () => false});");
        return context;
    }

    /** A dashboard user's browser. */
    static BrowserContext dashboard() {
        return browser().newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
    }
}
