package dev.sightline.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sightline.contract.heatmap.PagePattern;
import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.ApiToken;
import dev.sightline.contract.meta.Invite;
import dev.sightline.contract.meta.LoginSession;
import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.meta.Membership;
import dev.sightline.contract.meta.PageGroup;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.meta.Role;
import dev.sightline.contract.store.StoreException;
import dev.sightline.contract.store.TestBatches;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the ClickHouse metadata store adds to the contract: the uniqueness it checks, several nodes on one
 * database, later writes winning over clocks, and texts kept intact.
 */
class ClickHouseMetadataStoreRulesTest {

    private static final Instant CREATED = Instant.parse("2026-03-02T09:30:00Z");

    @TempDir
    Path dataDir;

    private ClickHouseSettings settings;
    private ClickHouseMetadataStore store;

    @BeforeEach
    void openTheStore() {
        settings = ClickHouseServer.shared().settings(getClass(), dataDir);
        store = new ClickHouseMetadataStore(settings);
    }

    @AfterEach
    void closeTheStore() {
        store.close();
        ClickHouseServer.shared().drop(settings);
    }

    @Test
    void twoAccountsCannotShareAnEmailAddressInAnyCase() {
        store.saveAccount(new Account("a1", "Ada@Example.com", "h", true, CREATED));

        assertThatThrownBy(() -> store.saveAccount(new Account("a2", "ada@example.COM", "h", false, CREATED)))
                .isInstanceOf(StoreException.class);
        assertThat(store.accountCount()).isEqualTo(1);
        assertThat(store.accountByEmail("ADA@example.com").orElseThrow().id()).isEqualTo("a1");
    }

    @Test
    void twoProjectsCannotShareASiteKeyAndAFailedSaveChangesNothing() {
        Project first = project("p1", "key");
        Project second = project("p2", "other-key");
        store.saveProject(first);
        store.saveProject(second);

        assertThatThrownBy(() -> store.saveProject(project("p2", "key"))).isInstanceOf(StoreException.class);
        assertThat(store.project("p2")).as("the old row survives the failed replace").contains(second);
        assertThat(store.projectBySiteKey("key")).contains(first);
    }

    @Test
    void twoInvitationsOrTwoTokensCannotShareTheHashOfTheirSecret() {
        store.security().saveInvite(invite("i1", "secret-hash"));
        store.security().saveApiToken(token("t1", "p1", "secret-hash"));

        assertThatThrownBy(() -> store.security().saveInvite(invite("i2", "secret-hash")))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.security().saveApiToken(token("t2", "p1", "secret-hash")))
                .isInstanceOf(StoreException.class);
        assertThat(store.security().invites("p1")).extracting(Invite::id).containsExactly("i1");
        assertThat(store.security().apiTokens("p1")).extracting(ApiToken::id).containsExactly("t1");
    }

    @Test
    void aWriteOnOneNodeIsSeenByAnotherAtOnce() {
        try (ClickHouseMetadataStore otherNode = new ClickHouseMetadataStore(settings)) {
            store.saveLoginSession(new LoginSession("cookie", "a1", "csrf", CREATED, CREATED.plusSeconds(60)));
            store.saveProject(project("p1", "site"));
            store.security().saveApiToken(token("t1", "p1", "hash"));

            assertThat(otherNode.loginSession("cookie")).isPresent();
            assertThat(otherNode.projectBySiteKey("site")).isPresent();
            otherNode.deleteLoginSession("cookie");
            otherNode.security().apiTokenUsed("t1", CREATED.plusSeconds(5));

            assertThat(store.loginSession("cookie")).isEmpty();
            assertThat(store.security().apiTokenByHash("hash").orElseThrow().lastUsedAt())
                    .contains(CREATED.plusSeconds(5));
        }
    }

    @Test
    void aDeletionWinsOverARowWrittenByANodeWhoseClockIsAhead() {
        long anHourAhead = Sql.micros(Instant.now().plus(Duration.ofHours(1)));
        try (ClickHouseDatabase database = ClickHouseDatabase.open(settings)) {
            database.insert("login_sessions", List.of(ClickHouseDatabase.row().put("token_hash", "cookie")
                    .put("account_id", "a1").put("csrf_token", "c").put("created_at", Sql.micros(CREATED))
                    .put("expires_at", Sql.micros(CREATED.plusSeconds(60))).put("version", anHourAhead)
                    .put("deleted", 0)));
        }
        assertThat(store.loginSession("cookie")).isPresent();

        store.deleteLoginSession("cookie");

        assertThat(store.loginSession("cookie")).isEmpty();
    }

    @Test
    void aRowSentTwiceIsListedOnce() {
        store.saveProject(project("p1", "site"));
        store.savePageGroup(new PageGroup("p1", "g1", "Products", new PagePattern("/product/*"), CREATED));
        try (ClickHouseDatabase database = ClickHouseDatabase.open(settings)) {
            database.execute("INSERT INTO projects SELECT * FROM projects");
            database.execute("INSERT INTO page_groups SELECT * FROM page_groups");
        }

        assertThat(store.projects()).extracting(Project::id).containsExactly("p1");
        assertThat(store.pageGroups("p1")).extracting(PageGroup::id).containsExactly("g1");
    }

    @Test
    void aRevokedTokenStaysRevokedWhenItsUseIsNotedAfterwards() {
        store.security().saveApiToken(token("t1", "p1", "hash"));
        store.security().deleteApiToken("p1", "t1");

        store.security().apiTokenUsed("t1", CREATED.plusSeconds(5));

        assertThat(store.security().apiTokenByHash("hash")).isEmpty();
        assertThat(store.security().apiTokens("p1")).isEmpty();
    }

    @Test
    void savingATokenAgainReplacesItsLastUseAndALaterUseReplacesTheSavedOne() {
        store.security().saveApiToken(token("t1", "p1", "hash"));
        store.security().apiTokenUsed("t1", CREATED.plusSeconds(5));

        store.security().saveApiToken(token("t1", "p1", "hash"));
        assertThat(store.security().apiTokenByHash("hash").orElseThrow().lastUsedAt()).isEmpty();

        store.security().apiTokenUsed("t1", CREATED.plusSeconds(9));
        assertThat(store.security().apiTokens("p1")).singleElement()
                .satisfies(token -> assertThat(token.lastUsedAt()).contains(CREATED.plusSeconds(9)));
    }

    @Test
    void deletedAndExpiredEntitiesLeaveTheTablesAtTheNextExpiryPass() {
        store.saveLoginSession(new LoginSession("signed-out", "a1", "c", CREATED, CREATED.plusSeconds(600)));
        store.saveLoginSession(new LoginSession("expired", "a1", "c", CREATED, CREATED.plusSeconds(10)));
        store.saveLoginSession(new LoginSession("valid", "a1", "c", CREATED, CREATED.plusSeconds(600)));
        store.saveMembership(new Membership("a1", "p1", Role.ADMIN));
        store.deleteLoginSession("signed-out");
        store.security().deleteMembership("a1", "p1");

        assertThat(store.security().deleteExpired(CREATED.plusSeconds(100))).isEqualTo(1);

        try (ClickHouseDatabase database = ClickHouseDatabase.open(settings)) {
            assertThat(database.query("SELECT token_hash FROM login_sessions"))
                    .extracting(row -> row.get("token_hash").asText()).containsExactly("valid");
            assertThat(database.query("SELECT account_id FROM memberships")).isEmpty();
        }
        assertThat(store.loginSession("valid")).isPresent();
        store.saveMembership(new Membership("a1", "p1", Role.VIEWER));
        assertThat(store.memberships("a1")).containsExactly(new Membership("a1", "p1", Role.VIEWER));
    }

    @Test
    void idsAndTextsWithQuotesBackslashesAndControlCharactersComeBackAsTheyWere() {
        String id = "a'1\\\"--\n";
        Account account = new Account(id, "O'Brien\\@Example.com", "h'\\", true, CREATED);
        Membership membership = new Membership(id, "p'1", Role.MEMBER);
        store.saveAccount(account);
        store.saveMembership(membership);
        Project project = new Project("p'1", "Bob's \\ shop\t", "k'\\", List.of("https://a.example/'\\"),
                MaskingMode.STRICT, true, true, 1, 2, CREATED, "[data-x='1']", "a\\b");
        store.saveProject(project);

        assertThat(store.account(id)).contains(account);
        assertThat(store.accountByEmail("o'brien\\@example.com")).contains(account);
        assertThat(store.account("a'1")).isEmpty();
        assertThat(store.memberships(id)).containsExactly(membership);
        assertThat(store.projectBySiteKey("k'\\")).contains(project);
        assertThat(store.security().members("p'1")).containsExactly(membership);
    }

    @Test
    void theMetadataCanShareTheEventStoresDatabase() {
        try (ClickHouseEventStore events = new ClickHouseEventStore(settings)) {
            events.write(List.of(TestBatches.batch("p1", "s1").build()));
            store.saveProject(project("p1", "site"));

            assertThat(events.session("p1", "s1")).isPresent();
            assertThat(store.project("p1")).isPresent();
        }
    }

    @Test
    void aClosedStoreRefusesWork() {
        ClickHouseMetadataStore closed = new ClickHouseMetadataStore(settings);
        closed.close();
        closed.close();

        assertThatThrownBy(closed::projects).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.security().owner()).isInstanceOf(IllegalStateException.class);
    }

    private static Project project(String id, String siteKey) {
        return new Project(id, "Shop", siteKey, List.of(), MaskingMode.BALANCED, false, false, 30, 395, CREATED);
    }

    private static Invite invite(String id, String hash) {
        return new Invite(id, hash, "p1", id + "@example.com", Role.VIEWER, "a1", CREATED, CREATED.plusSeconds(60));
    }

    private static ApiToken token(String id, String projectId, String hash) {
        return new ApiToken(id, projectId, "export", hash, "slt_ab12", "a1", CREATED, Optional.empty());
    }
}
