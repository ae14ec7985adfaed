package dev.sightline.traffic;

import dev.sightline.traffic.GeneratedPage.GeneratedClick;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A generated visit as the tracker would upload it: one upload per page (sequence 0, the page's last),
 * sent as the page is left, shaped as wire-format.json describes.
 */
public final class TrafficUploads {

    /** One upload: when it leaves the browser, the user agent that sends it, and its JSON body. */
    public record Upload(Instant sentAt, String userAgent, String body) {
    }

    private TrafficUploads() {
    }

    public static List<Upload> of(String siteKey, GeneratedSession session) {
        List<Upload> uploads = new ArrayList<>();
        for (GeneratedPage page : session.pages()) {
            uploads.add(new Upload(page.startedAt().plusMillis(page.durationMs()), session.userAgent(),
                    body(siteKey, session, page)));
        }
        return uploads;
    }

    private record Event(long t, String json) {
    }

    private static String body(String siteKey, GeneratedSession session, GeneratedPage page) {
        long start = page.startedAt().toEpochMilli();
        List<Event> events = new ArrayList<>();
        events.add(new Event(0, "[\"page\",0,%s,%s,%s,1280,%d,1280,%d,100,\"en\",\"UTC\",%d,0]".formatted(
                quote(page.url()), quote("Shop " + page.pageKey()), quote(page.referrer()), page.viewportHeight(),
                page.viewportHeight(), page.documentHeight())));
        for (GeneratedClick click : page.clicks()) {
            events.add(new Event(click.t(), "[\"click\",%d,%d,%d,%s,5000,5000,\"button\",%s,1,100,40]".formatted(
                    click.t(), click.x(), click.y(), quote(click.selector()), quote(click.text()))));
        }
        if (page.scrollAt() >= 0) {
            events.add(new Event(page.scrollAt(), "[\"scroll\",%d,0,%d,%d,%d]".formatted(page.scrollAt(),
                    page.scrollY(), page.documentHeight(), page.viewportHeight())));
        }
        for (String name : page.customEvents()) {
            events.add(new Event(page.customEventAt(), "[\"event\",%d,%s]".formatted(page.customEventAt(), quote(name))));
        }
        for (String message : page.errors()) {
            events.add(new Event(page.customEventAt(), "[\"error\",%d,%s,%s,12,7,0]".formatted(page.customEventAt(),
                    quote(message), quote(TrafficGenerator.SITE + "/app.js"))));
        }
        if (page.number() == 1 && session.tagValue() != null) {
            events.add(new Event(1, "[\"tag\",1,\"plan\",%s]".formatted(quote(session.tagValue()))));
        }
        if (page.number() == 1 && session.userId() != null) {
            events.add(new Event(1, "[\"identify\",1,%s]".formatted(quote(sha256(session.userId())))));
        }
        events.sort(Comparator.comparingLong(Event::t));
        StringBuilder json = new StringBuilder(512);
        json.append("{\"v\":1,\"key\":").append(quote(siteKey)).append(",\"vid\":").append(quote(session.visitorId()))
                .append(",\"sid\":").append(quote(session.sessionId())).append(",\"pn\":").append(page.number())
                .append(",\"seq\":0,\"ts\":").append(start).append(",\"sent\":").append(start + page.durationMs())
                .append(",\"last\":true,\"url\":").append(quote(page.url())).append(",\"a\":[");
        for (int i = 0; i < events.size(); i++) {
            json.append(i == 0 ? "" : ",").append(events.get(i).json());
        }
        json.append("],\"r\":[{\"type\":3,\"timestamp\":").append(start + 10).append(",\"data\":{\"source\":1}}]}");
        return json.toString();
    }

    /** SHA-256 in hex, as the tracker's identify sends an id. */
    public static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
