package dev.sightline.contract.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sightline.contract.heatmap.PagePattern;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link MetadataStore} must do. A back end extends this class and says how to open itself
 * over a data directory; opening the same directory again must find everything saved before.
 * Instants round-trip exactly when they have no more than microsecond precision.
 */
public abstract class MetadataStoreContract {

    protected static final Instant CREATED = Instant.parse("2026-03-02T09:30:15.123456Z");

    @TempDir
    protected Path dataDir;

    private MetadataStore store;

    /** Opens the store over the directory; called again on the same directory to test durability. */
    protected abstract MetadataStore openStore(Path dataDir);

    @BeforeEach
    void openTheStore() {
        store = openStore(dataDir);
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            store.close();
        }
    }

    protected final MetadataStore store() {
        return store;
    }

    protected final void reopen() {
        store.close();
        store = null;
        store = openStore(dataDir);
    }

    // ---- projects ----

    @Test
    void aSavedProjectIsFoundByIdAndBySiteKey() {
        Project project = project("p1", "site-key-1", List.of("https://shop.example", "https://www.shop.example"));

        store.saveProject(project);

        assertThat(store.project("p1")).contains(project);
        assertThat(store.projectBySiteKey("site-key-1")).contains(project);
        assertThat(store.projects()).containsExactly(project);
    }

    @Test
    void unknownProjectsAndSiteKeysAreEmpty() {
        store.saveProject(project("p1", "site-key-1", List.of()));

        assertThat(store.project("p2")).isEmpty();
        assertThat(store.projectBySiteKey("site-key-2")).isEmpty();
        assertThat(store.projectBySiteKey("p1")).isEmpty();
    }

    @Test
    void savingAProjectAgainReplacesItIncludingItsSiteKey() {
        store.saveProject(project("p1", "old-key", List.of("https://a.example")));
        Project changed = new Project("p1", "Renamed", "new-key", List.of(), MaskingMode.STRICT, true, false, 7, 90,
                CREATED);

        store.saveProject(changed);

        assertThat(store.project("p1")).contains(changed);
        assertThat(store.projectBySiteKey("new-key")).contains(changed);
        assertThat(store.projectBySiteKey("old-key")).isEmpty();
        assertThat(store.projects()).containsExactly(changed);
    }

    @Test
    void projectsListsEveryProject() {
        Project first = project("p1", "k1", List.of());
        Project second = project("p2", "k2", List.of("https://b.example"));
        store.saveProject(first);
        store.saveProject(second);

        assertThat(store.projects()).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void everyMaskingModeAndFlagRoundTrips() {
        for (MaskingMode mode : MaskingMode.values()) {
            Project project = new Project("p-" + mode, "Site " + mode, "k-" + mode, List.of(), mode,
                    mode == MaskingMode.STRICT, mode == MaskingMode.RELAXED, 1, 2, CREATED);
            store.saveProject(project);
            assertThat(store.project(project.id())).contains(project);
        }
    }

    // ---- accounts ----

    @Test
    void anAccountIsFoundByIdAndByEmailIgnoringCase() {
        Account account = new Account("a1", "Ada@Example.com", "$argon2id$hash", true, CREATED);

        store.saveAccount(account);

        assertThat(store.account("a1")).contains(account);
        assertThat(store.accountByEmail("ada@example.com")).contains(account);
        assertThat(store.accountByEmail("ADA@EXAMPLE.COM")).contains(account);
        assertThat(store.accountByEmail("bob@example.com")).isEmpty();
        assertThat(store.account("a2")).isEmpty();
    }

    @Test
    void accountCountCountsAccounts() {
        assertThat(store.accountCount()).isZero();

        store.saveAccount(new Account("a1", "a@example.com", "h", true, CREATED));
        store.saveAccount(new Account("a2", "b@example.com", "h", false, CREATED));
        store.saveAccount(new Account("a2", "b@example.com", "h2", false, CREATED));

        assertThat(store.accountCount()).isEqualTo(2);
    }

    @Test
    void savingAnAccountAgainReplacesIt() {
        store.saveAccount(new Account("a1", "old@example.com", "h1", false, CREATED));
        Account changed = new Account("a1", "new@example.com", "h2", true, CREATED);

        store.saveAccount(changed);

        assertThat(store.account("a1")).contains(changed);
        assertThat(store.accountByEmail("new@example.com")).contains(changed);
        assertThat(store.accountByEmail("old@example.com")).isEmpty();
    }

    // ---- memberships ----

    @Test
    void anAccountsMembershipsAreListedAndSavingAgainChangesTheRole() {
        store.saveMembership(new Membership("a1", "p1", Role.ADMIN));
        store.saveMembership(new Membership("a1", "p2", Role.VIEWER));
        store.saveMembership(new Membership("a2", "p1", Role.MEMBER));

        store.saveMembership(new Membership("a1", "p2", Role.MEMBER));

        assertThat(store.memberships("a1")).containsExactlyInAnyOrder(
                new Membership("a1", "p1", Role.ADMIN), new Membership("a1", "p2", Role.MEMBER));
        assertThat(store.memberships("a2")).containsExactly(new Membership("a2", "p1", Role.MEMBER));
        assertThat(store.memberships("a3")).isEmpty();
    }

    // ---- login sessions ----

    @Test
    void loginSessionsAreSavedFoundAndDeleted() {
        LoginSession session = new LoginSession("token-hash-1", "a1", "csrf-1", CREATED, CREATED.plusSeconds(3_600));
        LoginSession other = new LoginSession("token-hash-2", "a1", "csrf-2", CREATED, CREATED.plusSeconds(7_200));
        store.saveLoginSession(session);
        store.saveLoginSession(other);

        assertThat(store.loginSession("token-hash-1")).contains(session);

        store.deleteLoginSession("token-hash-1");

        assertThat(store.loginSession("token-hash-1")).isEmpty();
        assertThat(store.loginSession("token-hash-2")).contains(other);
        store.deleteLoginSession("token-hash-1");
    }

    @Test
    void anExpiredLoginSessionIsStillReturnedBecauseTheCallerChecksExpiry() {
        LoginSession expired = new LoginSession("t", "a1", "c", Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2020-01-02T00:00:00Z"));

        store.saveLoginSession(expired);

        assertThat(store.loginSession("t")).contains(expired);
    }

    // ---- page groups ----

    @Test
    void aProjectsPageGroupsAreListedByNameSavedAgainReplacedAndDeleted() {
        PageGroup products = new PageGroup("p1", "g1", "Products", new PagePattern("/product/*"), CREATED);
        PageGroup blog = new PageGroup("p1", "g2", "Blog", new PagePattern("/blog/**"), CREATED);
        PageGroup elsewhere = new PageGroup("p2", "g1", "Products", new PagePattern("/p/*"), CREATED);
        store.savePageGroup(products);
        store.savePageGroup(blog);
        store.savePageGroup(elsewhere);
        PageGroup renamed = new PageGroup("p1", "g1", "Product pages", new PagePattern("/product/**"), CREATED);

        store.savePageGroup(renamed);

        assertThat(store.pageGroups("p1")).containsExactly(blog, renamed);
        store.deletePageGroup("p1", "g2");
        store.deletePageGroup("p1", "unknown");
        assertThat(store.pageGroups("p1")).containsExactly(renamed);
        assertThat(store.pageGroups("p2")).containsExactly(elsewhere);
        reopen();
        assertThat(store.pageGroups("p1")).containsExactly(renamed);
        assertThat(store.pageGroups("p3")).isEmpty();
    }

    // ---- durability ----

    @Test
    void everythingSurvivesCloseAndReopen() {
        Project project = project("p1", "k1", List.of("https://shop.example"));
        Account account = new Account("a1", "Ada@Example.com", "h", true, CREATED);
        Membership membership = new Membership("a1", "p1", Role.ADMIN);
        LoginSession session = new LoginSession("t1", "a1", "c1", CREATED, CREATED.plusSeconds(60));
        store.saveProject(project);
        store.saveAccount(account);
        store.saveMembership(membership);
        store.saveLoginSession(session);
        store.saveLoginSession(new LoginSession("t2", "a1", "c2", CREATED, CREATED.plusSeconds(60)));
        store.deleteLoginSession("t2");

        reopen();

        assertThat(store.projects()).containsExactly(project);
        assertThat(store.projectBySiteKey("k1")).contains(project);
        assertThat(store.accountCount()).isEqualTo(1);
        assertThat(store.accountByEmail("ada@example.com")).contains(account);
        assertThat(store.memberships("a1")).containsExactly(membership);
        assertThat(store.loginSession("t1")).contains(session);
        assertThat(store.loginSession("t2")).isEmpty();
    }

    protected static Project project(String id, String siteKey, List<String> allowedOrigins) {
        return new Project(id, "Shop " + id, siteKey, allowedOrigins, MaskingMode.BALANCED, false, true,
                Project.DEFAULT_RECORDING_RETENTION_DAYS, Project.DEFAULT_ANALYTICS_RETENTION_DAYS, CREATED);
    }
}
