package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored-XSS bar: {@link HostilePayloads} (more than 30) are uploaded into every place a visit
 * carries text — one session per payload, and one session with a page per payload — and every
 * dashboard page that shows visits is opened in headless Chromium with the dashboard's
 * Content-Security-Policy switched off, so escaping and sanitising alone must hold: the canary
 * {@code __pwned} stays unset in every frame, no dialog opens, the replay's sandbox has no script
 * permission and its document carries no event handler, script URL, {@code srcdoc}, refresh or base.
 *
 * <p>A page built later that shows recorded data joins {@link #PAGES} with one line.
 */
@Tag("browser")
class StoredXssTest {

    /** A dashboard page to open, its address for the project and session, and what it shows when ready. */
    record DashboardPage(String name, Function<Visit, String> address, String readySelector) {
    }

    /** The project and session a page is opened for. */
    record Visit(String projectId, String sessionId, long lastOffsetMs) {
    }

    static final List<DashboardPage> PAGES = List.of(
            new DashboardPage("recordings list", v -> "/p/" + v.projectId() + "/recordings?range=7d&limit=100",
                    "#recordings-page"),
            new DashboardPage("player", v -> "/p/" + v.projectId() + "/recordings/" + v.sessionId() + "?t="
                    + v.lastOffsetMs(), "body[data-player-state=ready], body[data-player-state=paused], "
                    + "body[data-player-state=ended]"),
            new DashboardPage("heatmaps index", v -> "/p/" + v.projectId() + "/heatmaps?range=30d", "#heatmap-pages tbody tr"),
            new DashboardPage("heatmap", v -> "/p/" + v.projectId() + "/heatmaps/view?range=30d&device=desktop&page="
                    + java.net.URLEncoder.encode(firstPageKey(v), java.nio.charset.StandardCharsets.UTF_8),
                    "#heatmap-map-a[data-heatmap-state=ready], #heatmap-map-a[data-heatmap-state=no-snapshot]"));

    private static String firstPageKey(Visit visit) {
        return sightline.events().session(visit.projectId(), visit.sessionId()).orElseThrow().pages().get(0).pageKey();
    }

    @TempDir
    static Path data;
    static Sightline sightline;
    static String base;
    static String projectId;
    static final List<String> sessions = new ArrayList<>();
    static final List<String> payloads = HostilePayloads.all();

    @BeforeAll
    static void uploadHostileVisits() throws Exception {
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0).withSourceRate(100_000));
        base = "http://localhost:" + sightline.start();
        Team team = new Team(base, new Http(base).signUpOwner("owner@example.com", Team.PASSWORD));
        JsonNode project = team.project("<img src=x onerror=top.__pwned=99> Shop");
        projectId = project.get("id").asText();
        String key = project.get("siteKey").asText();
        for (int i = 0; i < payloads.size(); i++) {
            String session = "xss-session-" + (i + 1);
            send(HostilePayloads.upload(key, session, 1, payloads.get(i), i + 1));
            sessions.add(session);
        }
        for (int i = 0; i < payloads.size(); i++) {
            send(HostilePayloads.upload(key, "xss-every-payload", i + 1, payloads.get(i), i + 1));
        }
        sessions.add(0, "xss-every-payload");
        assertThat(sightline.awaitProcessed(60, TimeUnit.SECONDS)).isTrue();
    }

    private static void send(com.fasterxml.jackson.databind.node.ObjectNode upload) {
        Team.require(new Http(base).postBytes("/collect", Uploads.gzip(Uploads.bytes(upload)), null,
                Chromium.DESKTOP_AGENT), 200);
    }

    @AfterAll
    static void stop() {
        sightline.close();
    }

    @Test
    void theCorpusHasMoreThanThirtyPayloads() {
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    }

    @Test
    void noPayloadRunsOnAnyDashboardPageEvenWithoutTheContentSecurityPolicy() {
        List<String> failures = new ArrayList<>();
        Browser.NewContextOptions options = new Browser.NewContextOptions().setViewportSize(1440, 900).setBypassCSP(true);
        try (BrowserContext dashboard = Chromium.browser().newContext(options)) {
            dashboard.request().post(base + "/api/auth/login", com.microsoft.playwright.options.RequestOptions.create()
                    .setData(java.util.Map.of("email", "owner@example.com", "password", Team.PASSWORD)));
            Page page = dashboard.newPage();
            page.onDialog(dialog -> {
                failures.add("a dialog opened: " + dialog.message() + " on " + page.url());
                dialog.dismiss();
            });
            List<String> shown = new ArrayList<>();
            for (String session : List.of(sessions.get(0), sessions.get(1), sessions.get(4), sessions.get(11),
                    sessions.get(sessions.size() - 1))) {
                Visit visit = new Visit(projectId, session, 2_000);
                for (DashboardPage dashboardPage : PAGES) {
                    page.navigate(base + dashboardPage.address().apply(visit));
                    page.waitForSelector(dashboardPage.readySelector());
                    page.waitForTimeout(300);
                    failures.addAll(canaries(page, dashboardPage.name() + " of " + session));
                    failures.addAll(replayProblems(page, dashboardPage.name() + " of " + session));
                    shown.add((String) page.evaluate("() => document.body.innerText"));
                }
            }
            assertThat(String.join("\n", shown)).as("payloads are shown as text, escaped")
                    .contains("<script>top.__pwned=parent.__pwned=window.__pwned=1</script>");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theDashboardSendsAStrictContentSecurityPolicy() {
        Http.Response page = new Http(base).get("/p/" + projectId + "/recordings");

        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void jsonAnswersCarryingPayloadsAreNeverServedAsHtml() {
        Http owner = new Http(base).signIn("owner@example.com", Team.PASSWORD);

        Http.Response detail = owner.get("/api/projects/" + projectId + "/sessions/xss-every-payload");
        Http.Response unknown = owner.get("/api/%3Cscript%3Etop.__pwned=1%3C/script%3E");

        assertThat(detail.body()).contains("onerror");
        assertThat(detail.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).doesNotContain("html");
    }

    /** Whether any frame of the page was marked by a payload. */
    private static List<String> canaries(Page page, String where) {
        List<String> found = new ArrayList<>();
        for (Frame frame : page.frames()) {
            Object marked;
            try {
                marked = frame.evaluate("() => window.__pwned");
            } catch (RuntimeException scriptsDisabled) {
                continue; // a sandboxed frame runs nothing, not even this check
            }
            if (marked != null) {
                found.add("payload " + marked + " ran in " + frame.url() + " on the " + where);
            }
        }
        Object viaParent = page.evaluate("() => [...document.querySelectorAll('iframe')]"
                + ".map(f => { try { return f.contentWindow.__pwned } catch (e) { return undefined } }).find(x => x !== undefined)");
        if (viaParent != null) {
            found.add("payload " + viaParent + " ran in a replay frame on the " + where);
        }
        return found;
    }

    /** What must never be in a replay: script permission, handlers, script URLs, srcdoc, refresh, base. */
    private static List<String> replayProblems(Page page, String where) {
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) page.evaluate("""
                () => {
                  const problems = [];
                  const bad = /^\\s*(javascript|vbscript|data:text\\/html)/i;
                  const inspect = (doc, label) => {
                    for (const el of doc.querySelectorAll('*')) {
                      for (const name of el.getAttributeNames()) {
                        const value = el.getAttribute(name) || '';
                        if (/^on/i.test(name)) problems.push(label + ': ' + el.localName + ' has ' + name);
                        if (name === 'srcdoc') problems.push(label + ': ' + el.localName + ' has srcdoc');
                        if (/^(href|src|action|formaction|data|values|poster|background|xlink:href)$/i.test(name) && bad.test(value.replace(/[\\u0000-\\u0020]/g, '')))
                          problems.push(label + ': ' + el.localName + ' ' + name + '=' + value.slice(0, 40));
                      }
                      if (el.localName === 'base' && el.hasAttribute('href')) problems.push(label + ': base href');
                      if (el.localName === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || ''))
                        problems.push(label + ': meta refresh');
                      if (el.localName === 'script' && el.textContent.includes('__pwned'))
                        problems.push(label + ': a script with the payload');
                    }
                  };
                  inspect(document, 'dashboard');
                  for (const frame of document.querySelectorAll('iframe')) {
                    const sandbox = frame.getAttribute('sandbox');
                    if (sandbox === null || /allow-scripts/.test(sandbox)) problems.push('a frame may run scripts: ' + sandbox);
                    if (frame.contentDocument) inspect(frame.contentDocument, 'replay');
                  }
                  return problems;
                }""");
        return problems.stream().map(p -> p + " (" + where + ")").toList();
    }
}
