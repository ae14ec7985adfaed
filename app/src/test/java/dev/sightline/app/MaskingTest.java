package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The masking bar: in each masking mode, a visitor in headless Chromium types known secrets into every
 * kind of field of a checkout page on another origin (text, e-mail, password, tel, number, search,
 * URL, textarea, contenteditable, a select, a hidden field set by script, the four credit-card
 * autocomplete fields and a React-style controlled input). Afterwards none of the secrets is in any
 * upload the browser sent, in any answer of the read API, or in any byte under the data directory —
 * while a value the page explicitly unmasks is, which shows the scan would have found a leak.
 */
@Tag("browser")
class MaskingTest {
    private static final List<String> MODES = List.of("STRICT", "BALANCED", "RELAXED");

    @TempDir
    Path data;

    /** What the visitor types in a mode, by field; every value is unique to its field and mode. */
    private static Map<String, String> typed(String mode) {
        String m = mode.charAt(0) + mode.substring(1).toLowerCase(Locale.ROOT);
        int n = MODES.indexOf(mode) + 1;
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("#f-text", "Quagga" + m + "Fullname");
        typed.put("#f-email", "quagga." + mode.toLowerCase(Locale.ROOT) + "@privacymail.example");
        typed.put("#f-password", "Hunter2-" + m + "-Passw0rd");
        typed.put("#f-tel", "+44 7700 90011" + n);
        typed.put("#f-number", "908172635" + n);
        typed.put("#f-search", "searchsecret-" + m + "-okapi");
        typed.put("#f-url", "https://" + mode.toLowerCase(Locale.ROOT) + "-okapi.example/private");
        typed.put("#f-textarea", "Textarea secret " + m + " tapir");
        typed.put("#f-editable", "Editable secret " + m + " dugong");
        typed.put("#f-cc-name", "Cardholder " + m + " Bongo");
        typed.put("#f-cc-number", "4000 0566 5566 555" + n);
        typed.put("#f-cc-exp", "09/203" + n);
        typed.put("#f-cc-csc", "042069133" + n);
        typed.put("#f-controlled", "PROMO-" + mode + "-KINKAJOU");
        return typed;
    }

    private static String selectSecret(String mode) {
        return "Branch Xylophone " + mode;
    }

    private static String hiddenSecret(String mode) {
        return "hidden-ref-" + mode + "-narwhal";
    }

    private static String unmaskedValue(String mode) {
        return "Teal ribbon " + mode;
    }

    /** Every secret of a mode, with the digits of the spaced ones also without spaces. */
    private static List<String> secrets(String mode) {
        List<String> secrets = new ArrayList<>(typed(mode).values());
        secrets.add(typed(mode).get("#f-tel").replace(" ", ""));
        secrets.add(typed(mode).get("#f-cc-number").replace(" ", ""));
        secrets.add(selectSecret(mode));
        secrets.add(hiddenSecret(mode));
        return secrets;
    }

    @Test
    void noTypedSecretLeavesTheBrowserOrReachesAnyStoreOrAnswerInAnyMaskingMode() throws Exception {
        Sightline sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0));
        String base = "http://localhost:" + sightline.start();
        List<String> uploads = Collections.synchronizedList(new ArrayList<>());
        List<String> answers = new ArrayList<>();
        List<String> all = new ArrayList<>();
        try (TestSite site = new TestSite(base)) {
            Team team = new Team(base, new Http(base).signUpOwner("owner@example.com", Team.PASSWORD));
            for (String mode : MODES) {
                var project = team.project("Shop " + mode);
                String projectId = project.get("id").asText();
                Team.require(team.owner().send("PATCH", "/api/projects/" + projectId + "/settings",
                        "{\"maskingMode\":\"" + mode + "\"}"), 200);
                visit(site, project.get("siteKey").asText(), mode, uploads);
                assertThat(sightline.awaitProcessed(30, TimeUnit.SECONDS)).isTrue();
                List<String> reads = ProjectReads.all(sightline, team.owner(), projectId);
                assertThat(String.join("\n", reads)).as("the unmasked control value of %s is recorded", mode)
                        .contains(unmaskedValue(mode))
                        .contains("*".repeat(typed(mode).get("#f-text").length()));
                answers.addAll(reads);
                all.addAll(secrets(mode));
            }
        } finally {
            sightline.close();
        }

        assertThat(String.join("\n", uploads)).as("the uploads were captured, unmasked control values included")
                .contains(MODES.stream().map(MaskingTest::unmaskedValue).toList());
        assertThat(found(uploads, all)).as("secrets in what the browser sent").isEmpty();
        assertThat(found(answers, all)).as("secrets in answers of the read API").isEmpty();
        assertThat(DataScan.find(data, all)).as("secrets under the data directory").isEmpty();
        assertThat(DataScan.find(data, MODES.stream().map(MaskingTest::unmaskedValue).toList()))
                .as("the unmasked control values are on disk").isNotEmpty();
    }

    private static void visit(TestSite site, String siteKey, String mode, List<String> uploads) {
        try (BrowserContext visitor = Chromium.visitor(1280, 900, false)) {
            visitor.route("**/collect", route -> {
                if (route.request().method().equals("POST")) {
                    uploads.add(decoded(route.request()));
                }
                route.resume();
            });
            Page page = visitor.newPage();
            page.waitForResponse(r -> r.url().endsWith("/collect") && r.status() == 200,
                    () -> page.navigate(site.page("every-field.html", Map.of("KEY", siteKey,
                            "SELECT_SECRET", selectSecret(mode)))));
            for (Map.Entry<String, String> field : typed(mode).entrySet()) {
                page.click(field.getKey());
                page.locator(field.getKey()).pressSequentially(field.getValue());
            }
            page.selectOption("#f-select", "b1");
            page.evaluate("v => { document.getElementById('f-hidden').value = v; }", hiddenSecret(mode));
            page.locator("#f-unmasked").pressSequentially(unmaskedValue(mode));
            page.click("#submit");
            page.click("h1");
            // The next upload carries everything typed; closing sends the rest as a beacon.
            page.waitForResponse(r -> r.url().endsWith("/collect") && r.status() == 200, () -> { });
            page.close(new Page.CloseOptions().setRunBeforeUnload(true));
        }
    }

    private static String decoded(Request request) {
        byte[] body = request.postDataBuffer();
        if (body == null) {
            return "";
        }
        if (body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new AssertionError("an upload that is not gzip after all", e);
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static List<String> found(List<String> texts, List<String> needles) {
        List<String> found = new ArrayList<>();
        for (String needle : needles) {
            for (String text : texts) {
                if (text.contains(needle)) {
                    found.add(needle);
                    break;
                }
            }
        }
        return found;
    }
}
