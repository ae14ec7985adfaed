package dev.sightline.bench.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, through Playwright (never a downloaded browser). Visitors get a desktop
 * Chrome user agent and {@code navigator.webdriver = false}, so every recorder records them as people.
 * Requests to any host but loopback are aborted (a recorder must not reach out during a measurement).
 */
public final class BenchChromium implements AutoCloseable {
    private static final String DESKTOP_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0.0.0 Safari/537.36";
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private final Playwright playwright;
    private final Browser browser;

    public BenchChromium() {
        Path executable = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("the browser benchmarks need Debian's Chromium: apt-get install chromium");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS));
    }

    /** A fresh visitor: own cookies, 1280 × 800 desktop viewport. */
    public BrowserContext visitor() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(1280, 800).setUserAgent(DESKTOP_AGENT));
        context.addInitScript("Object.defineProperty(Navigator.prototype, 'webdriver', {get: () => false});");
        context.route(url -> !isLoopback(url), route -> route.abort());
        return context;
    }

    /** A dashboard user's browser. */
    public BrowserContext dashboard() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
    }

    private static boolean isLoopback(String url) {
        return url.startsWith("http://127.0.0.1:") || url.startsWith("http://localhost:") || url.startsWith("data:")
                || url.startsWith("blob:") || url.startsWith("about:");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
