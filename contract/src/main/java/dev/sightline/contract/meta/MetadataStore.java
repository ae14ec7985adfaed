package dev.sightline.contract.meta;

import dev.sightline.contract.dashboard.DashboardStore;
import java.util.List;
import java.util.Optional;

/** Projects, accounts, memberships and sign-ins: small, transactional, shared by every web node. */
public interface MetadataStore extends AutoCloseable {

    List<Project> projects();

    Optional<Project> project(String id);

    Optional<Project> projectBySiteKey(String siteKey);

    /** Inserts or replaces the project with this id. */
    void saveProject(Project project);

    long accountCount();

    Optional<Account> account(String id);

    Optional<Account> accountByEmail(String email);

    /** Inserts or replaces the account with this id. */
    void saveAccount(Account account);

    List<Membership> memberships(String accountId);

    /** Inserts or replaces the membership of this account in this project. */
    void saveMembership(Membership membership);

    void saveLoginSession(LoginSession session);

    Optional<LoginSession> loginSession(String tokenHash);

    void deleteLoginSession(String tokenHash);

    /** Members, invitations, API tokens, the login audit and the erasure log. */
    SecurityStore security();

    /** The project's page groups, by name then id. */
    List<PageGroup> pageGroups(String projectId);

    /** Inserts or replaces the page group with this project and id. */
    void savePageGroup(PageGroup group);

    /** Deletes the page group; an unknown one is ignored. */
    void deletePageGroup(String projectId, String groupId);

    /** Saved segments, saved funnels and notes on recordings. */
    DashboardStore dashboards();

    @Override
    void close();
}
