package dev.sightline.bench.tracker;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

/**
 * JavaScript time on a page's renderer main thread so far, from Chrome's own counter (DevTools
 * protocol {@code Performance.getMetrics}, {@code ScriptDuration}).
 */
final class MainThreadTime {
    private final CDPSession devtools;

    MainThreadTime(Page page) {
        this.devtools = page.context().newCDPSession(page);
        devtools.send("Performance.enable");
    }

    double scriptMs() {
        JsonObject answer = devtools.send("Performance.getMetrics");
        for (JsonElement metric : answer.getAsJsonArray("metrics")) {
            JsonObject m = metric.getAsJsonObject();
            if (m.get("name").getAsString().equals("ScriptDuration")) {
                return m.get("value").getAsDouble() * 1000;
            }
        }
        throw new IllegalStateException("Chromium reported no ScriptDuration: " + answer);
    }
}
