package dev.sightline.store.duckdb;

import static java.util.Objects.requireNonNull;

import dev.sightline.contract.dashboard.RecordingNote;
import dev.sightline.contract.export.MetadataExport;
import dev.sightline.contract.meta.Account;
import dev.sightline.contract.meta.LoginSession;
import dev.sightline.contract.meta.MaskingMode;
import dev.sightline.contract.heatmap.PagePattern;
import dev.sightline.contract.meta.Membership;
import dev.sightline.contract.meta.MetadataStore;
import dev.sightline.contract.meta.PageGroup;
import dev.sightline.contract.meta.Project;
import dev.sightline.contract.meta.Role;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.duckdb.DuckDBConnection;

/**
 * The embedded {@link MetadataStore}: {@code <dataDir>/meta.duckdb}, a file of its own so that small
 * metadata writes never wait behind large analytical ones. Reads run concurrently on pooled
 * connections; saves run one at a time, each in its own transaction. Instants keep microseconds.
 */
public final class DuckDbMetadataStore implements MetadataStore, MetadataExport {

    /** The file name under the data directory. */
    public static final String FILE_NAME = "meta.duckdb";

    private static final String PROJECT_COLUMNS = """
            id, name, site_key, allowed_origins, masking_mode, consent_required, honor_global_privacy_control,
            recording_retention_days, analytics_retention_days, epoch_us(created_at), mask_selector, unmask_selector""";

    private static final String ACCOUNT_COLUMNS = "id, email, password_hash, owner, epoch_us(created_at)";

    private static final String LOGIN_SESSION_COLUMNS =
            "token_hash, account_id, csrf_token, epoch_us(created_at), epoch_us(expires_at)";

    private final DuckDbDatabase database;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final DuckDbSecurityStore security;
    private final DuckDbDashboardStore dashboards;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    public DuckDbMetadataStore(Path dataDir) {
        this(DuckDbDatabase.open(requireNonNull(dataDir, "dataDir is null").resolve(FILE_NAME), MetadataSchema.MIGRATIONS));
    }

    private DuckDbMetadataStore(DuckDbDatabase database) {
        this.database = database;
        this.security = new DuckDbSecurityStore(this::read, this::write);
        this.dashboards = new DuckDbDashboardStore(this::read, this::write);
    }

    /**
     * The metadata of a data folder no server runs on, opened for reading only (every save fails): what
     * a copy into another installation reads. Fails with {@link DatabaseInUseException} while a server runs on it.
     */
    public static DuckDbMetadataStore readOnly(Path dataDir) {
        requireNonNull(dataDir, "dataDir is null");
        return new DuckDbMetadataStore(DuckDbDatabase.openReadOnly(dataDir.resolve(FILE_NAME), MetadataSchema.MIGRATIONS));
    }

    @Override
    public List<Account> accounts() {
        return read("listing accounts", c -> {
            List<Account> accounts = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + ACCOUNT_COLUMNS + " FROM accounts ORDER BY created_at, id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    accounts.add(account(rows));
                }
            }
            return List.copyOf(accounts);
        });
    }

    @Override
    public List<LoginSession> loginSessions() {
        return read("listing login sessions", c -> {
            List<LoginSession> sessions = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + LOGIN_SESSION_COLUMNS + " FROM login_sessions ORDER BY created_at, token_hash");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sessions.add(new LoginSession(rows.getString(1), rows.getString(2), rows.getString(3),
                            Micros.toInstant(rows.getLong(4)), Micros.toInstant(rows.getLong(5))));
                }
            }
            return List.copyOf(sessions);
        });
    }

    @Override
    public List<RecordingNote> notes(String projectId) {
        requireNonNull(projectId, "projectId is null");
        List<String> sessionIds = read("listing notes", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT session_id FROM recording_notes WHERE project_id = ? ORDER BY session_id")) {
                select.setString(1, projectId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            return ids;
        });
        java.util.Map<String, RecordingNote> notes = dashboards.notes(projectId, sessionIds);
        return sessionIds.stream().map(notes::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public List<Project> projects() {
        return read("listing projects", c -> {
            List<Project> projects = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + PROJECT_COLUMNS + " FROM projects ORDER BY created_at, id");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    projects.add(project(rows));
                }
            }
            return List.copyOf(projects);
        });
    }

    @Override
    public Optional<Project> project(String id) {
        requireNonNull(id, "id is null");
        return read("reading project " + id, c -> one(c, "SELECT " + PROJECT_COLUMNS + " FROM projects WHERE id = ?",
                id, DuckDbMetadataStore::project));
    }

    @Override
    public Optional<Project> projectBySiteKey(String siteKey) {
        requireNonNull(siteKey, "siteKey is null");
        return read("finding a project by site key", c -> one(c,
                "SELECT " + PROJECT_COLUMNS + " FROM projects WHERE site_key = ?", siteKey, DuckDbMetadataStore::project));
    }

    @Override
    public void saveProject(Project project) {
        requireNonNull(project, "project is null");
        write("saving project " + project.id(), c -> {
            Statements.execute(c, "DELETE FROM projects WHERE id = ?", project.id());
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO projects (id, name, site_key, allowed_origins, masking_mode, consent_required,
                        honor_global_privacy_control, recording_retention_days, analytics_retention_days, created_at,
                        mask_selector, unmask_selector)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, make_timestamp(?::BIGINT), ?, ?)""")) {
                insert.setString(1, project.id());
                insert.setString(2, project.name());
                insert.setString(3, project.siteKey());
                insert.setArray(4, c.createArrayOf("VARCHAR", project.allowedOrigins().toArray()));
                insert.setString(5, project.maskingMode().name());
                insert.setBoolean(6, project.consentRequired());
                insert.setBoolean(7, project.honorGlobalPrivacyControl());
                insert.setInt(8, project.recordingRetentionDays());
                insert.setInt(9, project.analyticsRetentionDays());
                insert.setLong(10, Micros.of(project.createdAt()));
                insert.setString(11, project.maskSelector());
                insert.setString(12, project.unmaskSelector());
                insert.execute();
            }
        });
    }

    @Override
    public long accountCount() {
        return read("counting accounts", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM accounts");
                 ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    @Override
    public Optional<Account> account(String id) {
        requireNonNull(id, "id is null");
        return read("reading account " + id, c -> one(c, "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE id = ?",
                id, DuckDbMetadataStore::account));
    }

    @Override
    public Optional<Account> accountByEmail(String email) {
        requireNonNull(email, "email is null");
        return read("finding an account by e-mail", c -> one(c,
                "SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE email_key = ?", emailKey(email),
                DuckDbMetadataStore::account));
    }

    /**
     * {@inheritDoc} Another account with the same e-mail (ignoring case) makes this fail with a
     * {@link dev.sightline.contract.store.StoreException}.
     */
    @Override
    public void saveAccount(Account account) {
        requireNonNull(account, "account is null");
        write("saving account " + account.id(), c -> {
            Statements.execute(c, "DELETE FROM accounts WHERE id = ?", account.id());
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO accounts VALUES (?, ?, ?, ?, ?, make_timestamp(?::BIGINT))")) {
                insert.setString(1, account.id());
                insert.setString(2, account.email());
                insert.setString(3, emailKey(account.email()));
                insert.setString(4, account.passwordHash());
                insert.setBoolean(5, account.owner());
                insert.setLong(6, Micros.of(account.createdAt()));
                insert.execute();
            }
        });
    }

    @Override
    public List<Membership> memberships(String accountId) {
        requireNonNull(accountId, "accountId is null");
        return read("listing memberships", c -> {
            List<Membership> memberships = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT account_id, project_id, role FROM memberships WHERE account_id = ? ORDER BY project_id")) {
                select.setString(1, accountId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        memberships.add(new Membership(rows.getString(1), rows.getString(2),
                                Role.valueOf(rows.getString(3))));
                    }
                }
            }
            return List.copyOf(memberships);
        });
    }

    @Override
    public void saveMembership(Membership membership) {
        requireNonNull(membership, "membership is null");
        write("saving a membership", c -> {
            Statements.execute(c, "DELETE FROM memberships WHERE account_id = ? AND project_id = ?",
                    membership.accountId(), membership.projectId());
            Statements.execute(c, "INSERT INTO memberships VALUES (?, ?, ?)", membership.accountId(),
                    membership.projectId(), membership.role().name());
        });
    }

    @Override
    public void saveLoginSession(LoginSession session) {
        requireNonNull(session, "session is null");
        write("saving a login session", c -> {
            Statements.execute(c, "DELETE FROM login_sessions WHERE token_hash = ?", session.tokenHash());
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO login_sessions VALUES (?, ?, ?, make_timestamp(?::BIGINT), make_timestamp(?::BIGINT))")) {
                insert.setString(1, session.tokenHash());
                insert.setString(2, session.accountId());
                insert.setString(3, session.csrfToken());
                insert.setLong(4, Micros.of(session.createdAt()));
                insert.setLong(5, Micros.of(session.expiresAt()));
                insert.execute();
            }
        });
    }

    @Override
    public Optional<LoginSession> loginSession(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        return read("reading a login session", c -> one(c,
                "SELECT " + LOGIN_SESSION_COLUMNS + " FROM login_sessions WHERE token_hash = ?", tokenHash,
                rows -> new LoginSession(rows.getString(1), rows.getString(2), rows.getString(3),
                        Micros.toInstant(rows.getLong(4)), Micros.toInstant(rows.getLong(5)))));
    }

    @Override
    public void deleteLoginSession(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash is null");
        write("deleting a login session", c -> Statements.execute(c, "DELETE FROM login_sessions WHERE token_hash = ?", tokenHash));
    }

    @Override
    public dev.sightline.contract.meta.SecurityStore security() {
        return security;
    }

    @Override
    public List<PageGroup> pageGroups(String projectId) {
        requireNonNull(projectId, "projectId is null");
        return read("listing page groups", c -> {
            List<PageGroup> groups = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT project_id, id, name, pattern, "
                    + "epoch_us(created_at) FROM page_groups WHERE project_id = ? ORDER BY name, id")) {
                select.setString(1, projectId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        groups.add(new PageGroup(rows.getString(1), rows.getString(2), rows.getString(3),
                                new PagePattern(rows.getString(4)), Micros.toInstant(rows.getLong(5))));
                    }
                }
            }
            return List.copyOf(groups);
        });
    }

    @Override
    public void savePageGroup(PageGroup group) {
        requireNonNull(group, "group is null");
        write("saving page group " + group.id(), c -> {
            Statements.execute(c, "DELETE FROM page_groups WHERE project_id = ? AND id = ?", group.projectId(), group.id());
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO page_groups VALUES (?, ?, ?, ?, make_timestamp(?::BIGINT))")) {
                insert.setString(1, group.projectId());
                insert.setString(2, group.id());
                insert.setString(3, group.name());
                insert.setString(4, group.pattern().text());
                insert.setLong(5, Micros.of(group.createdAt()));
                insert.execute();
            }
        });
    }

    @Override
    public void deletePageGroup(String projectId, String groupId) {
        requireNonNull(projectId, "projectId is null");
        requireNonNull(groupId, "groupId is null");
        write("deleting page group " + groupId, c -> Statements.execute(c,
                "DELETE FROM page_groups WHERE project_id = ? AND id = ?", projectId, groupId));
    }

    @Override
    public dev.sightline.contract.dashboard.DashboardStore dashboards() {
        return dashboards;
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                database.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface SqlStatements {
        void run(DuckDBConnection connection) throws SQLException;
    }

    private <T> T read(String what, SqlWork<T> work) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return database.inTransaction(what, work);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void write(String what, SqlStatements statements) {
        lifecycle.readLock().lock();
        writeLock.lock();
        try {
            checkOpen();
            database.inTransaction(what, c -> {
                statements.run(c);
                return null;
            });
        } finally {
            writeLock.unlock();
            lifecycle.readLock().unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the metadata store is closed");
        }
    }

    private static <T> Optional<T> one(DuckDBConnection c, String sql, String parameter, RowReader<T> reader)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, parameter);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        }
    }

    private static Project project(ResultSet row) throws SQLException {
        Object[] origins = (Object[]) row.getArray(4).getArray();
        return new Project(row.getString(1), row.getString(2), row.getString(3),
                Arrays.stream(origins).map(String.class::cast).toList(), MaskingMode.valueOf(row.getString(5)),
                row.getBoolean(6), row.getBoolean(7), row.getInt(8), row.getInt(9), Micros.toInstant(row.getLong(10)),
                row.getString(11), row.getString(12));
    }

    private static Account account(ResultSet row) throws SQLException {
        return new Account(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4),
                Micros.toInstant(row.getLong(5)));
    }

    private static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
