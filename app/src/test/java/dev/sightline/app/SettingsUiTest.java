package dev.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings screens in Chromium against the real server: the owner creates a project and shapes
 * its privacy, a teammate joins through an invitation link, a viewer only looks, tokens are shown once,
 * an erasure is confirmed, a password changes, and only the owner sees the login audit.
 */
@Tag("browser")
class SettingsUiTest {
    @TempDir
    static Path data;
    static Sightline sightline;
    static String base;

    @BeforeAll
    static void start() {
        sightline = new Sightline(SightlineConfig.defaults().withDataDir(data).withPort(0));
        base = "http://localhost:" + sightline.start();
        new Http(base).signUpOwner("owner@example.com", Team.PASSWORD);
    }

    @AfterAll
    static void stop() {
        sightline.close();
    }

    private static Page signedIn(BrowserContext context, String email, String password) {
        Page page = context.newPage();
        page.navigate(base + "/login");
        page.fill("#login-email", email);
        page.fill("#login-password", password);
        page.click("#login-submit");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    @Test
    void theOwnerCreatesAProjectSetsItsPrivacyAndTheTrackerReceivesIt() {
        try (BrowserContext browser = Chromium.dashboard()) {
            Page page = signedIn(browser, "owner@example.com", Team.PASSWORD);
            page.click("#project-switcher, #create-first-project");
            if (page.isVisible("#new-project")) {
                page.click("#new-project");
            }
            page.fill("#new-project-name", "Checkout <b>site</b>");
            page.fill("#new-project-origins", "https://Shop.Example.com");
            page.click("#create-project-submit");
            page.waitForSelector("#settings-install #install-snippet");
            String snippet = page.textContent("#install-snippet");
            assertThat(snippet).contains("/sightline.js?k=");
            String siteKey = snippet.substring(snippet.indexOf("?k=") + 3, snippet.indexOf('"', snippet.indexOf("?k=")));

            page.click("#settings-nav-privacy");
            page.click("#mode-strict");
            page.fill("#mask-selector", "a:hover");
            assertThat(page.textContent("#mask-selector-error")).contains("Pseudo-classes");
            page.fill("#mask-selector", ".account-balance, #orders");
            page.fill("#unmask-selector", ".product-title");
            page.locator("label.switch:has(#consent-required)").click();
            assertThat(page.isChecked("#consent-required")).isTrue();
            page.click("#save-privacy");
            page.waitForSelector("#save-privacy:disabled");

            page.click("#settings-nav-general");
            assertThat(page.inputValue("#allowed-origins")).isEqualTo("https://shop.example.com");
            assertThat(page.textContent("#project-switcher")).contains("Checkout <b>site</b>");

            String script = new Http(base).get("/sightline.js?k=" + siteKey).body();
            assertThat(script).startsWith("self.__slcfg=").contains("\"mask\":\"strict\"", "\"consent\":true",
                    "\"ms\":\".account-balance, #orders\"", "\"us\":\".product-title\"");
        }
    }

    @Test
    void aTeammateJoinsByInvitationAndAViewerSeesSettingsWithoutChangingThem() {
        Team team = new Team(base, new Http(base).signIn("owner@example.com", Team.PASSWORD));
        String projectId = team.project("Team project").get("id").asText();
        String link;
        try (BrowserContext owner = Chromium.dashboard()) {
            Page page = signedIn(owner, "owner@example.com", Team.PASSWORD);
            page.navigate(base + "/p/" + projectId + "/settings/members");
            page.fill("#member-email", "viewer.person@example.com");
            page.selectOption("#member-role", "VIEWER");
            page.click("#add-member");
            link = page.textContent("#invite-link code");
            assertThat(page.textContent("#invites-table")).contains("viewer.person@example.com");
        }
        try (BrowserContext viewer = Chromium.dashboard()) {
            Page page = viewer.newPage();
            page.navigate(link);
            page.fill("#invite-password", "the viewer's password");
            page.fill("#invite-confirm", "the viewer's password");
            page.click("#invite-submit");
            page.waitForSelector("#recordings-page");

            page.navigate(base + "/p/" + projectId + "/settings/privacy");
            page.waitForSelector("#read-only-note");
            assertThat(page.isDisabled("#mask-selector")).isTrue();
            assertThat(page.isVisible("#save-privacy")).isFalse();
            assertThat(page.isVisible("#settings-nav-tokens")).as("tokens are for admins").isFalse();
            assertThat(page.isVisible("#settings-nav-audit")).as("the audit is for the owner").isFalse();
            page.navigate(base + "/p/" + projectId + "/settings/members");
            assertThat(page.textContent("#members-table")).contains("viewer.person@example.com", "Owner");
            assertThat(page.isVisible("#add-member")).isFalse();
        }
        try (BrowserContext owner = Chromium.dashboard()) {
            Page page = signedIn(owner, "owner@example.com", Team.PASSWORD);
            page.navigate(base + "/p/" + projectId + "/settings/audit");
            assertThat(page.textContent("#audit-table")).contains("Joined by invitation", "viewer.person@example.com");
        }
    }

    @Test
    void aTokenIsShownOnceWorksForReadingAndStopsWorkingWhenRevoked() {
        Team team = new Team(base, new Http(base).signIn("owner@example.com", Team.PASSWORD));
        String projectId = team.project("Token project").get("id").asText();
        try (BrowserContext owner = Chromium.dashboard()) {
            Page page = signedIn(owner, "owner@example.com", Team.PASSWORD);
            page.navigate(base + "/p/" + projectId + "/settings/tokens");
            page.waitForSelector("#no-tokens");
            page.fill("#token-name", "Nightly export");
            page.click("#create-token");
            String token = page.textContent("#new-token code");
            assertThat(new Http(base).bearer(token).get("/api/projects/" + projectId + "/sessions").status()).isEqualTo(200);

            page.reload();
            assertThat(page.textContent("#tokens-table")).contains("Nightly export").doesNotContain(token);
            page.click(".revoke-token");
            page.click("#confirm-revoke-token");
            page.waitForSelector("#no-tokens");
            assertThat(new Http(base).bearer(token).get("/api/projects/" + projectId + "/sessions").status()).isEqualTo(401);
        }
    }

    @Test
    void anAdminErasesAVisitorAfterSeeingHowMuchWillGo() throws Exception {
        Team team = new Team(base, new Http(base).signIn("owner@example.com", Team.PASSWORD));
        var project = team.project("Erasure project");
        String projectId = project.get("id").asText();
        Team.require(new Http(base).postBytes("/collect", Uploads.bytes(Uploads.visit(project.get("siteKey").asText(),
                "ui-erase-visitor", "ui-erase-session", "Title", "text", null)), null), 200);
        assertThat(sightline.awaitProcessed(30, TimeUnit.SECONDS)).isTrue();
        try (BrowserContext owner = Chromium.dashboard()) {
            Page page = signedIn(owner, "owner@example.com", Team.PASSWORD);
            page.navigate(base + "/p/" + projectId + "/settings/erasure");
            page.fill("#erasure-value", "ui-erase-visitor");
            page.click("#find-data");
            assertThat(page.textContent("#erasure-preview")).contains("1 session");
            page.click("#erase-data");
            page.click("#confirm-erase");
            page.waitForSelector("#erasures-table");
            assertThat(page.textContent("#erasures-table")).contains("ui-e…").doesNotContain("ui-erase-visitor");
        }
        assertThat(sightline.events().session(projectId, "ui-erase-session")).isEmpty();
    }

    @Test
    void changingThePasswordEndsTheOtherLoginsAndTheNewOneSignsIn() {
        Team team = new Team(base, new Http(base).signIn("owner@example.com", Team.PASSWORD));
        String projectId = team.project("Password project").get("id").asText();
        Http member = team.newMember(projectId, "changer@example.com", "MEMBER");
        try (BrowserContext browser = Chromium.dashboard()) {
            Page page = signedIn(browser, "changer@example.com", Team.PASSWORD);
            page.navigate(base + "/p/" + projectId + "/settings/account");
            page.fill("#current-password", "not the password");
            page.fill("#new-password", "a brand new passphrase");
            page.fill("#confirm-password", "a brand new passphrase");
            page.click("#change-password");
            assertThat(page.textContent("#current-password-error")).contains("not your current password");
            page.fill("#current-password", Team.PASSWORD);
            page.click("#change-password");
            page.waitForFunction("() => document.querySelector('#current-password').value === ''");

            assertThat(member.get("/api/projects").status()).as("the other login").isEqualTo(401);
            assertThat(page.evaluate("() => fetch('/api/projects').then(r => r.status)")).isEqualTo(200);
        }
        new Http(base).signIn("changer@example.com", "a brand new passphrase");
    }
}
