package dev.sightline.contract.meta;

import static org.assertj.core.api.Assertions.assertThat;

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
 * What every {@link MetadataStore#security()} must do: members by project, invitations, API tokens,
 * the login audit and the erasure log, each durable across a reopen.
 */
public abstract class SecurityStoreContract {

    protected static final Instant T0 = Instant.parse("2026-03-02T09:30:15.123456Z");

    @TempDir
    protected Path dataDir;

    private MetadataStore store;

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

    private SecurityStore security() {
        return store.security();
    }

    private void reopen() {
        store.close();
        store = null;
        store = openStore(dataDir);
    }

    @Test
    void theOwnerIsTheAccountMarkedAsOwner() {
        assertThat(security().owner()).isEmpty();
        Account owner = new Account("a1", "owner@example.com", "h", true, T0);
        store.saveAccount(new Account("a2", "member@example.com", "h", false, T0));
        store.saveAccount(owner);

        assertThat(security().owner()).contains(owner);
    }

    @Test
    void aProjectsMembersAreListedAndCanBeRemoved() {
        store.saveMembership(new Membership("a1", "p1", Role.ADMIN));
        store.saveMembership(new Membership("a2", "p1", Role.VIEWER));
        store.saveMembership(new Membership("a1", "p2", Role.MEMBER));

        assertThat(security().members("p1")).containsExactlyInAnyOrder(
                new Membership("a1", "p1", Role.ADMIN), new Membership("a2", "p1", Role.VIEWER));

        security().deleteMembership("a1", "p1");
        security().deleteMembership("a9", "p1");

        assertThat(security().members("p1")).containsExactly(new Membership("a2", "p1", Role.VIEWER));
        assertThat(store.memberships("a1")).containsExactly(new Membership("a1", "p2", Role.MEMBER));
    }

    @Test
    void anAccountsOtherLoginsCanBeEndedKeepingTheCurrentOne() {
        store.saveLoginSession(new LoginSession("current", "a1", "c1", T0, T0.plusSeconds(60)));
        store.saveLoginSession(new LoginSession("elsewhere", "a1", "c2", T0, T0.plusSeconds(60)));
        store.saveLoginSession(new LoginSession("someone-else", "a2", "c3", T0, T0.plusSeconds(60)));

        security().deleteLoginSessionsOf("a1", "current");

        assertThat(store.loginSession("current")).isPresent();
        assertThat(store.loginSession("elsewhere")).isEmpty();
        assertThat(store.loginSession("someone-else")).isPresent();
    }

    @Test
    void invitationsAreFoundByTheHashOfTheirSecretListedAndDeleted() {
        Invite first = invite("i1", "hash-1", "p1", T0);
        Invite second = invite("i2", "hash-2", "p1", T0.plusSeconds(1));
        security().saveInvite(second);
        security().saveInvite(first);
        security().saveInvite(invite("i3", "hash-3", "p2", T0));

        assertThat(security().inviteByTokenHash("hash-1")).contains(first);
        assertThat(security().inviteByTokenHash("unknown")).isEmpty();
        assertThat(security().invites("p1")).containsExactly(first, second);

        security().deleteInvite("i1");

        assertThat(security().inviteByTokenHash("hash-1")).isEmpty();
        assertThat(security().invites("p1")).containsExactly(second);
    }

    @Test
    void apiTokensAreFoundByHashListedByProjectAndRevokedOnlyInTheirProject() {
        ApiToken token = token("t1", "p1", "hash-a", T0);
        ApiToken other = token("t2", "p2", "hash-b", T0);
        security().saveApiToken(token);
        security().saveApiToken(other);

        assertThat(security().apiTokenByHash("hash-a")).contains(token);
        assertThat(security().apiTokens("p1")).containsExactly(token);

        assertThat(security().deleteApiToken("p1", "t2")).as("another project's token").isFalse();
        assertThat(security().apiTokenByHash("hash-b")).contains(other);
        assertThat(security().deleteApiToken("p1", "t1")).isTrue();
        assertThat(security().apiTokenByHash("hash-a")).isEmpty();
        assertThat(security().deleteApiToken("p1", "t1")).isFalse();
    }

    @Test
    void aTokensLastUseIsRemembered() {
        security().saveApiToken(token("t1", "p1", "hash-a", T0));

        security().apiTokenUsed("t1", T0.plusSeconds(90));

        assertThat(security().apiTokenByHash("hash-a").orElseThrow().lastUsedAt()).contains(T0.plusSeconds(90));
    }

    @Test
    void theLoginAuditListsNewestFirstAndForgetsOldLines() {
        LoginEvent old = login(T0, LoginEvent.Kind.WRONG_PASSWORD);
        LoginEvent recent = login(T0.plusSeconds(60), LoginEvent.Kind.SIGNED_IN);
        security().recordLogin(old);
        security().recordLogin(recent);

        assertThat(security().logins(10)).containsExactly(recent, old);
        assertThat(security().logins(1)).containsExactly(recent);

        assertThat(security().deleteLoginsBefore(T0.plusSeconds(1))).isEqualTo(1);
        assertThat(security().logins(10)).containsExactly(recent);
    }

    @Test
    void expiredLoginsAndInvitationsAreDeleted() {
        store.saveLoginSession(new LoginSession("expired", "a1", "c", T0, T0.plusSeconds(10)));
        store.saveLoginSession(new LoginSession("valid", "a1", "c", T0, T0.plusSeconds(1000)));
        security().saveInvite(new Invite("i1", "h1", "p1", "x@example.com", Role.VIEWER, "a1", T0, T0.plusSeconds(10)));
        security().saveInvite(new Invite("i2", "h2", "p1", "y@example.com", Role.VIEWER, "a1", T0, T0.plusSeconds(1000)));

        assertThat(security().deleteExpired(T0.plusSeconds(100))).isEqualTo(2);

        assertThat(store.loginSession("expired")).isEmpty();
        assertThat(store.loginSession("valid")).isPresent();
        assertThat(security().invites("p1")).extracting(Invite::id).containsExactly("i2");
    }

    @Test
    void erasuresAreListedByProjectNewestFirst() {
        ErasureRecord first = new ErasureRecord("e1", "p1", ErasureRecord.SubjectKind.VISITOR, "ab12…", 3, "a1", T0);
        ErasureRecord second = new ErasureRecord("e2", "p1", ErasureRecord.SubjectKind.USER, "9f…", 0, "a1",
                T0.plusSeconds(5));
        security().recordErasure(first);
        security().recordErasure(second);
        security().recordErasure(new ErasureRecord("e3", "p2", ErasureRecord.SubjectKind.USER, "x", 1, "a1", T0));

        assertThat(security().erasures("p1")).containsExactly(second, first);
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        store.saveMembership(new Membership("a1", "p1", Role.MEMBER));
        Invite invite = invite("i1", "h1", "p1", T0);
        ApiToken token = token("t1", "p1", "hash-a", T0);
        LoginEvent login = login(T0, LoginEvent.Kind.SIGNED_IN);
        ErasureRecord erasure = new ErasureRecord("e1", "p1", ErasureRecord.SubjectKind.VISITOR, "ab…", 2, "a1", T0);
        security().saveInvite(invite);
        security().saveApiToken(token);
        security().recordLogin(login);
        security().recordErasure(erasure);

        reopen();

        assertThat(security().members("p1")).containsExactly(new Membership("a1", "p1", Role.MEMBER));
        assertThat(security().invites("p1")).containsExactly(invite);
        assertThat(security().apiTokens("p1")).containsExactly(token);
        assertThat(security().logins(5)).containsExactly(login);
        assertThat(security().erasures("p1")).containsExactly(erasure);
    }

    @Test
    void aProjectsMaskAndUnmaskSelectorsRoundTrip() {
        Project project = new Project("p1", "Shop", "k1", List.of(), MaskingMode.RELAXED, false, false, 30, 395, T0,
                ".private, #account", "[data-public]");

        store.saveProject(project);
        reopen();

        assertThat(store.project("p1")).contains(project);
    }

    private static Invite invite(String id, String hash, String projectId, Instant at) {
        return new Invite(id, hash, projectId, id + "@example.com", Role.MEMBER, "a1", at, at.plus(Duration.ofDays(7)));
    }

    private static ApiToken token(String id, String projectId, String hash, Instant at) {
        return new ApiToken(id, projectId, "export " + id, hash, "slt_ab12", "a1", at, Optional.empty());
    }

    private static LoginEvent login(Instant at, LoginEvent.Kind kind) {
        return new LoginEvent(at, "a1", "ada@example.com", kind, "203.0.113.7", "Mozilla/5.0");
    }
}
