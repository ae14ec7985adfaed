package dev.sightline.traffic;

import dev.sightline.traffic.GeneratedPage.GeneratedClick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic visits to a made-up shop: the same seed gives the same sessions, byte for byte.
 * Visits start anywhere in {@code [origin, origin + span)}, come from every channel, on desktops,
 * tablets and phones in several browsers, a few from a crawler; they browse one to three pages, click,
 * scroll, fire custom events, hit JavaScript errors, set a tag and identify themselves. About a third
 * of the visits are by a visitor who came before.
 */
public final class TrafficGenerator {
    public static final String SITE = "https://shop.example.com";
    public static final List<String> PATHS = List.of("/", "/pricing", "/product/1", "/product/2", "/product/3",
            "/cart", "/checkout", "/blog/hello-world", "/about");
    public static final List<String> ERRORS = List.of("TypeError: cart is undefined",
            "ReferenceError: gtag is not defined");

    /** A user agent and what Sightline's classifier makes of it. */
    private record Agent(String userAgent, String device, String browser, String os, boolean bot) {
    }

    private static final List<Agent> AGENTS = List.of(
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                    "DESKTOP", "Chrome", "Windows NT", false),
            new Agent("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
                    "DESKTOP", "Safari", "Mac OS >=10.15", false),
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
                    "DESKTOP", "Firefox", "Windows NT >=10", false),
            new Agent("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                    "MOBILE", "Safari", "iOS 17", false),
            new Agent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                    "MOBILE", "Chrome", "Android 14", false),
            new Agent("Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                    "TABLET", "Safari", "iOS 17", false),
            new Agent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                    "DESKTOP", "Edge", "Windows NT >=10", false));
    private static final Agent CRAWLER = new Agent("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "DESKTOP", "Googlebot", "Google Cloud", true);

    /** Where a visit came from: its referrer, its landing page's query, and the channel that makes. */
    private record Source(String channel, String referrer, String referrerHost, String utmSource, String utmMedium,
                          String utmCampaign) {
        String query() {
            if (utmSource.isEmpty()) {
                return "";
            }
            return "?utm_source=" + utmSource + "&utm_medium=" + utmMedium + "&utm_campaign=" + utmCampaign;
        }
    }

    private static final List<Source> SOURCES = List.of(
            new Source("DIRECT", "", "", "", "", ""),
            new Source("ORGANIC_SEARCH", "https://www.google.com/", "www.google.com", "", "", ""),
            new Source("ORGANIC_SEARCH", "https://duckduckgo.com/", "duckduckgo.com", "", "", ""),
            new Source("PAID", "https://www.google.com/", "www.google.com", "google", "cpc", "spring-sale"),
            new Source("SOCIAL", "https://t.co/abc", "t.co", "", "", ""),
            new Source("EMAIL", "", "", "newsletter", "email", "weekly"),
            new Source("REFERRAL", "https://blog.example.org/review", "blog.example.org", "", "", ""),
            new Source("AI_TOOLS", "https://chatgpt.com/", "chatgpt.com", "", "", ""));

    private static final List<String[]> TARGETS = List.of(new String[] {"#buy", "Buy now"},
            new String[] {"#menu", "Menu"}, new String[] {"a.nav-pricing", "Pricing"},
            new String[] {"button.add-to-cart", "Add to cart"}, new String[] {"#search", ""});
    private static final int[] DOCUMENT_HEIGHTS = {800, 1600, 2400, 4000};

    private final long seed;

    public TrafficGenerator(long seed) {
        this.seed = seed;
    }

    /** {@code count} visits starting in {@code [origin, origin + span)}, ordered by start. */
    public List<GeneratedSession> sessions(int count, Instant origin, Duration span) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> visitors = new ArrayList<>();
        List<GeneratedSession> sessions = new ArrayList<>(count);
        long spanMs = span.toMillis() - Duration.ofHours(1).toMillis();
        for (int i = 0; i < count; i++) {
            String visitorId;
            if (!visitors.isEmpty() && random.nextInt(100) < 35) {
                visitorId = visitors.get(random.nextInt(visitors.size()));
            } else {
                visitorId = "visitor-%d-%07d".formatted(seed, visitors.size());
                visitors.add(visitorId);
            }
            sessions.add(session(random, "s-%d-%07d".formatted(seed, i), visitorId,
                    origin.plusMillis(random.nextLong(Math.max(1, spanMs)))));
        }
        sessions.sort(Comparator.comparing(GeneratedSession::startedAt).thenComparing(GeneratedSession::sessionId));
        return sessions;
    }

    private GeneratedSession session(SplittableRandom random, String sessionId, String visitorId, Instant start) {
        boolean crawler = random.nextInt(100) < 3;
        Agent agent = crawler ? CRAWLER : AGENTS.get(random.nextInt(AGENTS.size()));
        Source source = SOURCES.get(random.nextInt(SOURCES.size()));
        String userId = random.nextInt(100) < 20 ? "user-" + visitorId.substring(visitorId.lastIndexOf('-') + 1) : null;
        String plan = random.nextInt(100) < 30 ? (random.nextBoolean() ? "pro" : "free") : null;
        int pageCount = crawler ? 1 : 1 + random.nextInt(3);
        List<GeneratedPage> pages = new ArrayList<>();
        Instant at = start;
        String previousUrl = source.referrer();
        for (int n = 1; n <= pageCount; n++) {
            String path = PATHS.get(random.nextInt(PATHS.size()));
            String url = SITE + path + (n == 1 ? source.query() : "");
            long duration = 3_000 + random.nextInt(177_000);
            int documentHeight = DOCUMENT_HEIGHTS[random.nextInt(DOCUMENT_HEIGHTS.length)];
            int viewportHeight = 800;
            long scrollAt = documentHeight > viewportHeight && random.nextInt(100) < 70 ? 1 + random.nextLong(duration - 1) : -1;
            int scrollY = scrollAt < 0 ? 0 : random.nextInt(documentHeight - viewportHeight + 1);
            List<GeneratedClick> clicks = new ArrayList<>();
            int clickCount = random.nextInt(6);
            for (int c = 0; c < clickCount; c++) {
                String[] target = TARGETS.get(random.nextInt(TARGETS.size()));
                clicks.add(new GeneratedClick(1 + random.nextLong(duration - 1), target[0], target[1],
                        random.nextInt(1200), random.nextInt(700)));
            }
            clicks.sort(Comparator.comparingLong(GeneratedClick::t));
            List<String> events = new ArrayList<>();
            if (path.equals("/checkout") && random.nextInt(100) < 60) {
                events.add("purchase");
            }
            if (path.equals("/pricing") && random.nextInt(100) < 30) {
                events.add("signup");
            }
            List<String> errors = random.nextInt(100) < 6 ? List.of(ERRORS.get(random.nextInt(ERRORS.size()))) : List.of();
            pages.add(new GeneratedPage(n, url, "shop.example.com" + (path.equals("/") ? "/" : path), previousUrl, at,
                    duration, viewportHeight, documentHeight, scrollY, scrollAt, clicks, events,
                    1 + random.nextLong(duration - 1), errors));
            previousUrl = url;
            at = at.plusMillis(duration + 500 + random.nextInt(4_500));
        }
        return new GeneratedSession(sessionId, visitorId, agent.userAgent(), agent.bot(), agent.device(),
                agent.browser(), agent.os(), source.channel(), source.referrer(), source.referrerHost(),
                source.utmSource(), source.utmMedium(), source.utmCampaign(), userId, plan, pages);
    }
}
