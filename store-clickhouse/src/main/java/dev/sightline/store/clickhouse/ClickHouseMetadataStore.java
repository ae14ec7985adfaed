package dev.sightline.store.clickhouse;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.DashboardStore;
import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.LoginSession;
import dev.sightline.contract.meta.Membership;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.PageGroup;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.meta.SecurityStore;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link MetadataStore} of a cluster: projects, accounts, memberships, login sessions, page groups
 * and the {@link SecurityStore}'s tables in one database on a ClickHouse server (see
 * {@link MetadataSchema}), so that every node reads the same metadata and none keeps a file of its own.
 * The database may be the event store's: the table names differ.
 *
 * <p>Every save appends a row under a new version and every deletion appends a deletion
 * ({@link MetadataTable}); a write is visible to the next read on any node as soon as it returns.
 * Uniqueness (site keys, e-mails in any case, the hashes of invitation and token secrets) is checked by
 * a read before the write: writes of this store run one at a time, but two nodes saving the same
 * unique value at the same moment are not kept apart. {@link #close()} waits for running calls and
 * makes every later call fail with {@link IllegalStateException}.
 */
public final class ClickHouseMetadataStore implements MetadataStore {

    private final ClickHouseDatabase database;
    private final ProjectRecords projects;
    private final AccountRecords accounts;
    private final LoginRecords logins;
    private final PageGroupRecords pageGroups;
    private final ClickHouseSecurityStore security;
    private final ClickHouseDashboardStore dashboards;
    private final StoreGate gate = new StoreGate("the metadata store");

    /** Connects and creates the database and its metadata tables where they do not exist. */
    public ClickHouseMetadataStore(ClickHouseSettings settings) {
        requireNonNull(settings, "settings is null");
        this.database = ClickHouseDatabase.open(settings);
        try {
            MetadataSchema.create(database);
            this.dashboards = new ClickHouseDashboardStore(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Versions versions = new Versions();
        this.projects = new ProjectRecords(database, versions);
        this.accounts = new AccountRecords(database, versions);
        this.logins = new LoginRecords(database, versions);
        this.pageGroups = new PageGroupRecords(database, versions);
        this.security = new ClickHouseSecurityStore(database, new ClickHouseSecurityStore.Calls() {
            @Override
            public <T> T read(Supplier<T> call) {
                return gate.whileOpen(call);
            }

            @Override
            public <T> T write(Supplier<T> call) {
                return gate.asWriter(call);
            }
        }, accounts, logins, new AccessRecords(database, versions), new ErasureRecords(database, versions));
    }

    @Override
    public List<Project> projects() {
        return gate.whileOpen(projects::all);
    }

    @Override
    public Optional<Project> project(String id) {
        requireNonNull(id, "id is null");
        return gate.whileOpen(() -> projects.byId(id));
    }

    @Override
    public Optional<Project> projectBySiteKey(String siteKey) {
        requireNonNull(siteKey, "siteKey is null");
        return gate.whileOpen(() -> projects.bySiteKey(siteKey));
    }

    /**
     * {@inheritDoc} Another project with the same site key makes this fail with a
     * {@link dev.sightline.contract.store.StoreException}, changing nothing.
     */
    @Override
    public void saveProject(Project project) {
        requireNonNull(project, "project is null");
        gate.asWriter(() -> {
            projects.save(project);
            return null;
        });
    }

    @Override
    public long accountCount() {
        return gate.whileOpen(accounts::count);
    }

    @Override
    public Optional<Account> account(String id) {
        requireNonNull(id, "id is null");
        return gate.whileOpen(() -> accounts.byId(id));
    }

    @Override
    public Optional<Account> accountByEmail(String email) {
        requireNonNull(email, "email is null");
        return gate.whileOpen(() -> accounts.byEmail(email));
    }

    /**
     * {@inheritDoc} Another account with the same e-mail (ignoring case) makes this fail with a
     * {@link dev.sightline.contract.store.StoreException}, changing nothing.
     */
    @Override
    public void saveAccount(Account account) {
        requireNonNull(account, "account is null");
        gate.asWriter(() -> {
            accounts.save(account);
            return null;
        });
    }

    @Override
    public List<Membership> memberships(String accountId) {
        requireNonNull(accountId, "accountId is null");
        return gate.whileOpen(() -> accounts.membershipsOf(accountId));
    }

    @Override
    public void saveMembership(Membership membership) {
        requireNonNull(membership, "membership is null");
        gate.asWriter(() -> {
            accounts.saveMembership(membership);
            return null;
        });
    }

    @Override
    public void saveLoginSession(LoginSession session) {
        requireNonNull(session, "session is null");
        gate.asWriter(() -> {
            logins.saveSession(session);
            return null;
        });
    }

    @Override
    public Optional<LoginSession> loginSession(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        return gate.whileOpen(() -> logins.session(tokenHash));
    }

    @Override
    public void deleteLoginSession(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        gate.asWriter(() -> {
            logins.deleteSession(tokenHash);
            return null;
        });
    }

    @Override
    public SecurityStore security() {
        return security;
    }

    @Override
    public DashboardStore dashboards() {
        return dashboards;
    }

    @Override
    public List<PageGroup> pageGroups(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return gate.whileOpen(() -> pageGroups.of(projectId));
    }

    @Override
    public void savePageGroup(PageGroup group) {
        requireNonNull(group, "group is null");
        gate.asWriter(() -> {
            pageGroups.save(group);
            return null;
        });
    }

    @Override
    public void deletePageGroup(String projectId, String groupId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(groupId, "groupId is null");
        gate.asWriter(() -> {
            pageGroups.delete(projectId, groupId);
            return null;
        });
    }



    @Override
    public void close() {
        gate.close(database::close);
    }
}
