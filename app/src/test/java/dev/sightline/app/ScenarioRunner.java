package dev.sightline.app;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs scenarios in one browser, several at once, from one thread (Playwright's Java API is not
 * thread-safe): each running visit has its own context and the time its next step is due; the runner
 * always performs the step due first, and looks again a little later at a step that waits for uploads. A visit ends by leaving for {@code about:blank}, so the tracker
 * sends its last upload, and its context closes a second later.
 */
final class ScenarioRunner {

    /** A finished visit: the scenario and the Sightline session it made. */
    record Visit(Scenario scenario, String sessionId) {
    }

    private static final long CLOSE_AFTER_MS = 1_000;
    private static final long GATE_RETRY_MS = 100;
    private static final long UPLOAD_TIMEOUT_MS = 20_000;

    private static final class Running {
        final Scenario scenario;
        final BrowserContext context;
        final Page page;
        final int[] uploads = new int[1];
        int next;
        long dueAt;
        long waitingSince;
        String sessionId;

        Running(Scenario scenario, BrowserContext context, long now) {
            this.scenario = scenario;
            this.context = context;
            this.page = context.newPage();
            // Sent, not answered: Playwright never sees the answers to the tracker's keepalive fetches.
            page.onRequest(request -> {
                if (request.url().endsWith("/collect")) {
                    uploads[0]++;
                }
            });
            this.dueAt = now + scenario.steps.get(0).pauseMs();
        }
    }

    private ScenarioRunner() {
    }

    static List<Visit> run(List<Scenario> scenarios, int parallel, String site) {
        Deque<Scenario> waiting = new ArrayDeque<>(scenarios);
        List<Running> running = new ArrayList<>();
        List<Visit> visits = new ArrayList<>();
        while (!waiting.isEmpty() || !running.isEmpty()) {
            while (running.size() < parallel && !waiting.isEmpty()) {
                Scenario scenario = waiting.poll();
                BrowserContext context = scenario.phone ? Chromium.visitor(390, 844, true) : Chromium.visitor(1280, 800, false);
                running.add(new Running(scenario, context, System.currentTimeMillis()));
            }
            Running due = running.get(0);
            for (Running r : running) {
                if (r.dueAt < due.dueAt) {
                    due = r;
                }
            }
            long wait = due.dueAt - System.currentTimeMillis();
            if (wait > 0) {
                sleep(wait);
            }
            if (advance(due, site)) {
                running.remove(due);
                visits.add(new Visit(due.scenario, due.sessionId));
            }
        }
        return visits;
    }

    /** Performs the visit's next step; true when the visit is over. */
    private static boolean advance(Running r, String site) {
        List<Scenario.Step> steps = r.scenario.steps;
        try {
            if (r.next < steps.size()) {
                Scenario.Step step = steps.get(r.next);
                // A round trip to the browser, so Playwright delivers the events that arrived meanwhile.
                r.page.evaluate("1");
                if (r.uploads[0] < step.uploadsBefore()) {
                    if (r.waitingSince == 0) {
                        r.waitingSince = System.currentTimeMillis();
                    } else if (System.currentTimeMillis() - r.waitingSince > UPLOAD_TIMEOUT_MS) {
                        throw new IllegalStateException("the tracker sent no upload within " + UPLOAD_TIMEOUT_MS + " ms");
                    }
                    r.dueAt = System.currentTimeMillis() + GATE_RETRY_MS;
                    return false;
                }
                r.waitingSince = 0;
                r.next++;
                step.action().accept(r.page);
                r.dueAt = System.currentTimeMillis()
                        + (r.next < steps.size() ? steps.get(r.next).pauseMs() : r.scenario.endPause());
                return false;
            }
            if (r.sessionId == null) {
                r.sessionId = sessionId(r.context, site);
                r.page.navigate("about:blank");
                r.dueAt = System.currentTimeMillis() + CLOSE_AFTER_MS;
                return false;
            }
        } catch (RuntimeException e) {
            r.context.close();
            throw new AssertionError("scenario '" + r.scenario.name + "' failed at step " + r.next, e);
        }
        r.context.close();
        return true;
    }

    /** The session id from the tracker's {@code _sls} cookie ({@code sessionId.pageCount.lastActivity}). */
    private static String sessionId(BrowserContext context, String site) {
        for (Cookie cookie : context.cookies(site)) {
            if (cookie.name.equals("_sls")) {
                return cookie.value.substring(0, cookie.value.indexOf('.'));
            }
        }
        throw new AssertionError("the tracker set no session cookie on " + site);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
