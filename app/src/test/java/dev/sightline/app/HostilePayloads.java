package dev.sightline.app;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored-XSS payloads, each of which sets {@code __pwned} to its own number (on itself, its parent and
 * its top window) or opens a dialog if it ever runs, and uploads that place them everywhere a recorded
 * visit can carry text: the recorded DOM (as text, as attribute values and as live markup), titles,
 * URLs, referrers, tags, event names, error messages, click selectors and user hashes.
 */
final class HostilePayloads {
    private static final String RUN = "top.__pwned=parent.__pwned=window.__pwned=%d";

    /** Templates; %d is the payload's number, %s the code that marks it as having run. */
    private static final List<String> TEMPLATES = List.of(
            "<script>%s</script>",
            "<img src=x onerror=\"%s\">",
            "\"><svg onload=%s>",
            "javascript:%s",
            "<iframe srcdoc=\"<script>%s</script>\"></iframe>",
            "'-%s-'",
            "</title><script>%s</script>",
            "<a href=\"javascript:%s\">click</a>",
            "{{constructor.constructor('%s')()}}",
            "${%s}",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:%s\">",
            "<base href=\"javascript:%s//\">",
            "<form action=\"javascript:%s\"><button>go</button></form>",
            "<details open ontoggle=\"%s\">",
            "<body onload=\"%s\">",
            "<input autofocus onfocus=\"%s\">",
            "<video><source onerror=\"%s\"></video>",
            "<object data=\"data:text/html,<script>%s</script>\"></object>",
            "<embed src=\"data:text/html,<script>%s</script>\">",
            "<svg><animate onbegin=\"%s\" attributeName=x dur=1s>",
            "data:text/html,<script>%s</script>",
            "\" onmouseover=\"%s\" x=\"",
            "<style>@import 'javascript:%s';</style>",
            "\\u003cscript\\u003e%s\\u003c/script\\u003e",
            "<scr<script>ipt>%s</scr</script>ipt>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"%s\">",
            "<noscript><p title=\"</noscript><img src=x onerror=%s>\">",
            "<svg><script>%s</script></svg>",
            "jav&#x09;ascript:%s",
            "<iframe src=\"javascript:%s\"></iframe>",
            "<img src=x onerror=alert(%d)>",
            "<a href=\" &#14; javascript:%s\">x</a>",
            "<svg><a xlink:href=\"javascript:%s\"><text x=20 y=20>x</text></a></svg>",
            "<isindex type=image src=1 onerror=%s>",
            "<img srcset=\",,,,,x\" onerror=\"%s\">");

    private HostilePayloads() {
    }

    /** Every payload, numbered from 1. */
    static List<String> all() {
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < TEMPLATES.size(); i++) {
            int number = i + 1;
            String template = TEMPLATES.get(i);
            payloads.add(template.contains("%d") ? String.format(template, number)
                    : String.format(template, String.format(RUN, number)));
        }
        return payloads;
    }

    /** An upload of one page view whose every text field and recorded page carries the payload. */
    static ObjectNode upload(String siteKey, String sessionId, int page, String payload, int number) {
        ObjectNode upload = Uploads.upload(siteKey, sessionId, page, 0)
                .put("url", "https://shop.example.com/search?q=" + payload);
        long ts = upload.get("ts").asLong();
        ArrayNode events = upload.putArray("a");
        events.add(Uploads.JSON.createArrayNode().add("page").add(0).add(payload).add(cut(payload, 512))
                .add(payload).add(1280).add(800).add(1280).add(800).add(100).add("en").add("UTC").add(2400).add(0));
        events.add(Uploads.JSON.createArrayNode().add("click").add(300).add(10).add(20).add(cut(payload, 512))
                .add(5000).add(5000).add("button").add(cut(payload, 64)).add(1).add(100).add(40));
        events.add(Uploads.JSON.createArrayNode().add("event").add(400).add(cut(payload, 128)));
        events.add(Uploads.JSON.createArrayNode().add("tag").add(500).add(cut(payload, 64)).add(cut(payload, 256)));
        events.add(Uploads.JSON.createArrayNode().add("error").add(600).add(payload).add(payload).add(1).add(1).add(0));
        events.add(Uploads.JSON.createArrayNode().add("identify").add(700).add(cut(payload, 128)));
        upload.set("r", recording(ts, payload, number));
        return upload;
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Meta, a full snapshot full of live hostile markup, and a mutation that adds more and rewrites attributes. */
    private static ArrayNode recording(long ts, String payload, int number) {
        String run = String.format(RUN, number);
        ArrayNode events = Uploads.JSON.createArrayNode();
        events.addObject().put("type", 4).put("timestamp", ts + 10).putObject("data")
                .put("href", "javascript:" + run).put("width", 1280).put("height", 800);
        ObjectNode full = events.addObject().put("type", 2).put("timestamp", ts + 20);
        ObjectNode data = full.putObject("data");
        data.putObject("initialOffset").put("top", 0).put("left", 0);
        Ids ids = new Ids();
        ObjectNode document = data.putObject("node").put("type", 0).put("id", ids.next());
        ArrayNode top = document.putArray("childNodes");
        top.addObject().put("type", 1).put("id", ids.next()).put("name", "html").put("publicId", "").put("systemId", "");
        ObjectNode html = element(top, ids, "html");
        ArrayNode head = element(html.withArray("childNodes"), ids, "head").withArray("childNodes");
        text(element(head, ids, "title"), ids, payload);
        element(head, ids, "meta").putObject("attributes").put("http-equiv", "refresh").put("content", "0;url=javascript:" + run);
        element(head, ids, "base").putObject("attributes").put("href", "javascript:" + run + "//");
        ObjectNode body = element(html.withArray("childNodes"), ids, "body");
        body.putObject("attributes").put("onload", run);
        ArrayNode content = body.withArray("childNodes");
        hostileMarkup(content, ids, payload, run);
        int scriptId = ids.peek();
        ObjectNode script = element(content, ids, "script");
        text(script, ids, run);
        ObjectNode mutation = events.addObject().put("type", 3).put("timestamp", ts + 60).putObject("data").put("source", 0);
        ArrayNode adds = mutation.putArray("adds");
        int bodyId = body.get("id").asInt();
        ArrayNode added = Uploads.JSON.createArrayNode();
        hostileMarkup(added, ids, payload, run);
        for (var node : added) {
            adds.addObject().put("parentId", bodyId).putNull("nextId").set("node", node);
        }
        mutation.putArray("attributes").addObject().put("id", bodyId).putObject("attributes")
                .put("onclick", run).put("title", payload);
        mutation.putArray("texts").addObject().put("id", scriptId + 1).put("value", run);
        mutation.putArray("removes");
        return events;
    }

    private static void hostileMarkup(ArrayNode parent, Ids ids, String payload, String run) {
        ObjectNode p = element(parent, ids, "p");
        p.putObject("attributes").put("title", payload).put("data-payload", payload).put("class", "payload");
        text(p, ids, payload);
        element(parent, ids, "img").putObject("attributes").put("src", "x").put("onerror", run);
        element(parent, ids, "a").putObject("attributes").put("href", "javascript:" + run);
        element(parent, ids, "iframe").putObject("attributes").put("srcdoc", "<script>" + run + "</script>");
        element(parent, ids, "iframe").putObject("attributes").put("src", "javascript:" + run);
        element(parent, ids, "object").putObject("attributes").put("data", "data:text/html,<script>" + run + "</script>");
        element(parent, ids, "embed").putObject("attributes").put("src", "data:text/html,<script>" + run + "</script>");
        ObjectNode form = element(parent, ids, "form");
        form.putObject("attributes").put("action", "javascript:" + run);
        element(form.withArray("childNodes"), ids, "button").putObject("attributes").put("formaction", "javascript:" + run);
        element(parent, ids, "details").putObject("attributes").put("open", "").put("ontoggle", run);
        element(parent, ids, "input").putObject("attributes").put("autofocus", "").put("onfocus", run);
        ObjectNode svg = element(parent, ids, "svg");
        svg.put("isSVG", true);
        ObjectNode animate = element(svg.withArray("childNodes"), ids, "animate");
        animate.put("isSVG", true);
        animate.putObject("attributes").put("attributeName", "href").put("values", "x;javascript:" + run)
                .put("onbegin", run).put("dur", "1s");
    }

    private static ObjectNode element(ArrayNode parent, Ids ids, String tag) {
        ObjectNode element = parent.addObject().put("type", 2).put("id", ids.next()).put("tagName", tag);
        element.putObject("attributes");
        element.putArray("childNodes");
        return element;
    }

    private static void text(ObjectNode parent, Ids ids, String text) {
        parent.withArray("childNodes").addObject().put("type", 3).put("id", ids.next()).put("textContent", text);
    }

    private static final class Ids {
        private int next = 1;

        int next() {
            return next++;
        }

        int peek() {
            return next;
        }
    }
}
