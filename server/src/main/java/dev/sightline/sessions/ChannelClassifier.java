package dev.sightline.sessions;

import dev.sightline.contract.store.Channel;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides a session's channel from its landing page's UTM parameters and click ids and from its
 * referrer, in the order marketers expect: tagged paid traffic first, then e-mail and social tags,
 * then what the referrer's host is known to be, then "referral" for any other site and "direct"
 * for none.
 */
public final class ChannelClassifier {
    private static final Set<String> PAID_MEDIUMS = Set.of("cpc", "ppc", "paid", "paidsearch", "paid_search",
            "paid-search", "paidsocial", "paid_social", "paid-social", "cpm", "cpv", "cpa", "display", "banner",
            "retargeting", "affiliate_paid", "ads");
    private static final Set<String> PAID_CLICK_IDS = Set.of("gclid", "gbraid", "wbraid", "msclkid", "fbclid",
            "ttclid", "li_fat_id", "twclid", "dclid");
    private static final Set<String> EMAIL_MEDIUMS = Set.of("email", "e-mail", "e_mail", "newsletter", "mail");
    private static final Set<String> SOCIAL_MEDIUMS = Set.of("social", "social-network", "social_network",
            "social-media", "social_media", "sm", "organic_social");
    private static final Set<String> AI_HOSTS = Set.of("chatgpt.com", "chat.openai.com", "openai.com",
            "perplexity.ai", "claude.ai", "gemini.google.com", "bard.google.com", "copilot.microsoft.com",
            "you.com", "phind.com", "poe.com", "chat.mistral.ai", "deepseek.com", "chat.deepseek.com", "meta.ai");
    private static final Set<String> AI_SOURCES = Set.of("chatgpt", "chatgpt.com", "openai", "perplexity",
            "claude", "gemini", "copilot");
    private static final Set<String> SEARCH_HOSTS = Set.of("google", "bing.com", "duckduckgo.com", "yahoo",
            "yandex", "baidu.com", "ecosia.org", "search.brave.com", "startpage.com", "qwant.com", "naver.com",
            "seznam.cz", "sogou.com", "ask.com", "aol.com");
    private static final Set<String> SOCIAL_HOSTS = Set.of("facebook.com", "m.facebook.com", "l.facebook.com",
            "lm.facebook.com", "instagram.com", "l.instagram.com", "t.co", "twitter.com", "x.com", "linkedin.com",
            "lnkd.in", "reddit.com", "old.reddit.com", "pinterest.com", "youtube.com", "m.youtube.com",
            "tiktok.com", "news.ycombinator.com", "threads.net", "bsky.app", "mastodon.social", "vk.com",
            "weibo.com", "quora.com", "discord.com", "t.me", "web.whatsapp.com", "snapchat.com", "tumblr.com");
    private static final Set<String> WEBMAIL_HOSTS = Set.of("mail.google.com", "outlook.live.com",
            "outlook.office.com", "outlook.office365.com", "mail.yahoo.com", "mail.proton.me", "mail.aol.com",
            "app.fastmail.com", "mail.zoho.com");

    public Channel classify(Map<String, String> landingParameters, String referrerHost, String siteHost) {
        String medium = lower(landingParameters.get("utm_medium"));
        String source = lower(landingParameters.get("utm_source"));
        if (PAID_MEDIUMS.contains(medium) || landingParameters.keySet().stream().anyMatch(PAID_CLICK_IDS::contains)) {
            return Channel.PAID;
        }
        if (EMAIL_MEDIUMS.contains(medium) || EMAIL_MEDIUMS.contains(source)) {
            return Channel.EMAIL;
        }
        if (AI_SOURCES.contains(source) || matches(referrerHost, AI_HOSTS)) {
            return Channel.AI_TOOLS;
        }
        if (SOCIAL_MEDIUMS.contains(medium)) {
            return Channel.SOCIAL;
        }
        if (medium.equals("organic")) {
            return Channel.ORGANIC_SEARCH;
        }
        boolean external = !referrerHost.isEmpty() && !sameSite(referrerHost, siteHost);
        if (external) {
            if (matches(referrerHost, WEBMAIL_HOSTS)) {
                return Channel.EMAIL;
            }
            if (isSearchEngine(referrerHost)) {
                return Channel.ORGANIC_SEARCH;
            }
            if (matches(referrerHost, SOCIAL_HOSTS)) {
                return Channel.SOCIAL;
            }
            return Channel.REFERRAL;
        }
        if (!source.isEmpty() || !medium.isEmpty()) {
            return Channel.REFERRAL;
        }
        return Channel.DIRECT;
    }

    private static boolean isSearchEngine(String host) {
        for (String engine : SEARCH_HOSTS) {
            if (engine.contains(".") ? matches(host, Set.of(engine)) : containsLabel(host, engine)) {
                return true;
            }
        }
        return false;
    }

    /** {@code google} matches google.com, www.google.co.uk, news.google.de but not googleusercontent.com. */
    private static boolean containsLabel(String host, String label) {
        for (String part : host.split("\\.")) {
            if (part.equals(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String host, Set<String> known) {
        String h = host.startsWith("www.") ? host.substring(4) : host;
        if (known.contains(h)) {
            return true;
        }
        for (String k : known) {
            if (h.endsWith("." + k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameSite(String referrerHost, String siteHost) {
        String a = referrerHost.startsWith("www.") ? referrerHost.substring(4) : referrerHost;
        String b = siteHost.startsWith("www.") ? siteHost.substring(4) : siteHost;
        return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
