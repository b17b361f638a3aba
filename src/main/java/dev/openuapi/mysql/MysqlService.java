package dev.openuapi.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Unique;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.PlanService;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Customers' databases and database users, created for real on the hosting MariaDB server. Names carry
 * cPanel's prefix ({@code <username>_}), are checked against {@code [A-Za-z0-9_]} before they reach SQL and
 * are always quoted; ownership rows decide which account may touch which object, so an account can never
 * reach another's databases, ours, or the system schemas.
 */
@ApplicationScoped
public class MysqlService {

    private static final Logger LOG = Logger.getLogger(MysqlService.class);
    public static final int MAX_DATABASE_NAME = 64;
    public static final int MAX_USER_NAME = 80;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%_-]{1,255}");
    private static final Set<String> PRIVILEGES = Set.of("ALTER", "ALTER ROUTINE", "CREATE", "CREATE ROUTINE",
            "CREATE TEMPORARY TABLES", "CREATE VIEW", "DELETE", "DROP", "EVENT", "EXECUTE", "INDEX", "INSERT", "LOCK TABLES",
            "REFERENCES", "SELECT", "SHOW VIEW", "TRIGGER", "UPDATE");

    private final EntityManager em;
    private final AgroalDataSource hosting;
    private final List<String> hosts;
    private final PlanService plans;

    MysqlService(EntityManager em, @DataSource("hosting") AgroalDataSource hosting, OpenUapiConfig config, PlanService plans) {
        this.em = em;
        this.plans = plans;
        this.hosting = hosting;
        this.hosts = config.mysql().userHosts();
        for (String host : hosts) {
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("openuapi.mysql.user-hosts has an invalid host: " + host);
            }
        }
    }

    /** cPanel's prefix of an account's database and database user names. */
    public static String prefix(String username) {
        return username + "_";
    }

    public Map<String, Object> restrictions(String username) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("prefix", prefix(username));
        data.put("max_database_name_length", MAX_DATABASE_NAME);
        data.put("max_username_length", MAX_USER_NAME);
        return data;
    }

    /** The hosting database server's version, or empty when it cannot be reached (say nothing rather than guess). */
    public Optional<String> serverVersion() {
        try {
            return Optional.ofNullable(queryString("SELECT VERSION()"));
        } catch (IllegalStateException unreachable) {
            return Optional.empty();
        }
    }

    @Transactional
    public void createDatabase(long accountId, String name) {
        Account account = account(accountId);
        checkName(account, name, "database", MAX_DATABASE_NAME);
        plans.requireRoom(account, Limit.DATABASES, () -> countDatabases(accountId));
        MysqlDatabase row = new MysqlDatabase();
        row.account = account;
        row.name = name;
        row.createdAt = Epoch.now();
        Unique.insert(em, row, "The database “" + name + "” already exists.");
        execute("CREATE DATABASE " + ident(name), "The database “" + name + "” already exists.");
    }

    @Transactional
    public void deleteDatabase(long accountId, String name) {
        MysqlDatabase row = ownedDatabase(accountId, name);
        execute("DROP DATABASE IF EXISTS " + ident(name), null);
        em.remove(row);
    }

    @Transactional
    public void createUser(long accountId, String name, String password) {
        Account account = account(accountId);
        checkName(account, name, "user", MAX_USER_NAME);
        checkPassword(password);
        MysqlUser row = new MysqlUser();
        row.account = account;
        row.name = name;
        row.createdAt = Epoch.now();
        Unique.insert(em, row, "The user “" + name + "” already exists.");
        List<String> created = new ArrayList<>();
        try {
            for (String host : hosts) {
                executeWith("CREATE USER " + user(name, host) + " IDENTIFIED BY ?", password, "The user “" + name + "” already exists.");
                created.add(host);
            }
        } catch (RuntimeException e) {
            // the ownership row rolls back with the transaction; the users made on the hosts before do not
            for (String host : created) {
                undo("DROP USER IF EXISTS " + user(name, host));
            }
            throw e;
        }
    }

    @Transactional
    public void deleteUser(long accountId, String name) {
        MysqlUser row = ownedUser(accountId, name);
        for (String host : hosts) {
            execute("DROP USER IF EXISTS " + user(name, host), null);
        }
        em.remove(row);
    }

    @Transactional
    public void renameUser(long accountId, String oldName, String newName) {
        MysqlUser row = ownedUser(accountId, oldName);
        checkName(row.account, newName, "user", MAX_USER_NAME);
        row.name = newName;
        Unique.flush(em, "The user “" + newName + "” already exists.");
        List<String> renamed = new ArrayList<>();
        try {
            for (String host : hosts) {
                execute("RENAME USER " + user(oldName, host) + " TO " + user(newName, host), "The user “" + newName + "” already exists.");
                renamed.add(host);
            }
        } catch (RuntimeException e) {
            // the row keeps the old name (rollback): so must the hosts already renamed
            for (String host : renamed) {
                undo("RENAME USER " + user(newName, host) + " TO " + user(oldName, host));
            }
            throw e;
        }
    }

    /** @return the hosts whose password could not be set, with the reason (cPanel's {@code failures}). */
    @Transactional
    public List<Map<String, Object>> setPassword(long accountId, String name, String password) {
        ownedUser(accountId, name);
        checkPassword(password);
        List<Map<String, Object>> failures = new ArrayList<>();
        for (String host : hosts) {
            try {
                executeWith("ALTER USER " + user(name, host) + " IDENTIFIED BY ?", password, null);
            } catch (RuntimeException e) {
                failures.add(Map.of("host", host, "error", "The password could not be set for this host."));
            }
        }
        return failures;
    }

    @Transactional
    public void setPrivileges(long accountId, String name, String database, String privileges) {
        ownedUser(accountId, name);
        ownedDatabase(accountId, database);
        String granted = privileges(privileges);
        for (String host : hosts) {
            revokeQuietly(name, database, host);
            execute("GRANT " + granted + " ON " + grantTarget(database) + " TO " + user(name, host), null);
        }
    }

    @Transactional
    public void revokeAccess(long accountId, String name, String database) {
        ownedUser(accountId, name);
        ownedDatabase(accountId, database);
        for (String host : hosts) {
            revokeQuietly(name, database, host);
        }
    }

    @Transactional
    public List<Map<String, Object>> listDatabases(long accountId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MysqlDatabase db : em.createQuery("from MysqlDatabase where account.id = ?1 order by name", MysqlDatabase.class)
                .setParameter(1, accountId).getResultList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("database", db.name);
            row.put("disk_usage", diskUsage(db.name));
            row.put("users", grantees(db.name));
            rows.add(row);
        }
        return rows;
    }

    @Transactional
    public List<Map<String, Object>> listUsers(long accountId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MysqlUser user : em.createQuery("from MysqlUser where account.id = ?1 order by name", MysqlUser.class)
                .setParameter(1, accountId).getResultList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("user", user.name);
            row.put("shortuser", user.name.substring(user.account.username.length() + 1));
            row.put("databases", databasesOf(user.name));
            rows.add(row);
        }
        return rows;
    }

    /** An account going away takes its databases and database users with it. */
    void onAccountRemoving(@Observes AccountEvents.Removing event) {
        long id = event.account().id;
        for (MysqlDatabase db : em.createQuery("from MysqlDatabase where account.id = ?1", MysqlDatabase.class).setParameter(1, id)
                .getResultList()) {
            execute("DROP DATABASE IF EXISTS " + ident(db.name), null);
            em.remove(db);
        }
        for (MysqlUser user : em.createQuery("from MysqlUser where account.id = ?1", MysqlUser.class).setParameter(1, id)
                .getResultList()) {
            for (String host : hosts) {
                execute("DROP USER IF EXISTS " + user(user.name, host), null);
            }
            em.remove(user);
        }
        LOG.debugf("Dropped the databases and database users of account %s", event.account().username);
    }

    private static void checkName(Account account, String name, String what, int max) {
        String prefix = prefix(account.username);
        if (name == null || !name.startsWith(prefix) || name.length() == prefix.length()) {
            throw ApiException.invalid("The " + what + " name “" + name + "” must begin with the prefix “" + prefix
                    + "”, followed by the rest of the name.");
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiException.invalid("“" + name + "” is not a valid " + what + " name: use only letters, digits and underscores.");
        }
        if (name.length() > max) {
            throw ApiException.invalid("The " + what + " name “" + name + "” is longer than " + max + " characters.");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 8) {
            throw ApiException.invalid("The password must be at least 8 characters long.");
        }
    }

    private static String privileges(String raw) {
        String value = raw == null || raw.isBlank() ? "ALL PRIVILEGES" : raw.trim().toUpperCase(Locale.ROOT);
        if (value.equals("ALL PRIVILEGES") || value.equals("ALL")) {
            return "ALL PRIVILEGES";
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String privilege = part.trim().replaceAll("\\s+", " ");
            if (!PRIVILEGES.contains(privilege)) {
                throw ApiException.invalid("“" + part.trim() + "” is not a privilege that can be granted on a database.");
            }
            chosen.add(privilege);
        }
        return String.join(", ", chosen);
    }

    public long countDatabases(long accountId) {
        return em.createQuery("select count(d) from MysqlDatabase d where d.account.id = ?1", Long.class).setParameter(1, accountId)
                .getSingleResult();
    }

    private MysqlDatabase ownedDatabase(long accountId, String name) {
        return em.createQuery("from MysqlDatabase where account.id = ?1 and name = ?2", MysqlDatabase.class).setParameter(1, accountId)
                .setParameter(2, name).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("The database “" + name + "” does not exist."));
    }

    private MysqlUser ownedUser(long accountId, String name) {
        return em.createQuery("from MysqlUser where account.id = ?1 and name = ?2", MysqlUser.class).setParameter(1, accountId)
                .setParameter(2, name).getResultStream().findFirst()
                .orElseThrow(() -> ApiException.notFound("The user “" + name + "” does not exist."));
    }

    private Account account(long accountId) {
        return em.find(Account.class, accountId);
    }

    private long diskUsage(String database) {
        return queryLong("SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.TABLES WHERE table_schema = ?",
                database);
    }

    private List<String> grantees(String database) {
        return queryStrings("SELECT DISTINCT User FROM mysql.db WHERE Db = ? OR Db = ? ORDER BY User", database,
                database.replace("_", "\\_"));
    }

    private List<String> databasesOf(String user) {
        List<String> dbs = new ArrayList<>();
        for (String db : queryStrings("SELECT DISTINCT Db FROM mysql.db WHERE User = ? ORDER BY Db", user)) {
            dbs.add(db.replace("\\_", "_"));
        }
        return dbs;
    }

    private void revokeQuietly(String name, String database, String host) {
        try {
            execute("REVOKE ALL PRIVILEGES ON " + grantTarget(database) + " FROM " + user(name, host), null);
        } catch (RuntimeException noGrantYet) {
            // nothing was granted on this host: nothing to revoke
        }
    }

    /** {@code `db`} for DDL. Names were checked against [A-Za-z0-9_] first, so no quote can appear. */
    private static String ident(String name) {
        return "`" + name + "`";
    }

    /** Database-level grants treat _ as a wildcard: escape it, as cPanel does, so a grant covers exactly one database. */
    private static String grantTarget(String database) {
        return "`" + database.replace("_", "\\_") + "`.*";
    }

    private static String user(String name, String host) {
        return "'" + name + "'@'" + host + "'";
    }

    private void execute(String sql, String conflictMessage) {
        try (Connection c = hosting.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(e, conflictMessage);
        }
    }

    /** Undoes part of a failed change; a failure here is logged, and the original error is what the caller gets. */
    private void undo(String sql) {
        try {
            execute(sql, null);
        } catch (RuntimeException e) {
            LOG.errorf("Could not undo part of a failed change on the hosting database server: %s", sql);
        }
    }

    /** Runs a statement with one string parameter (a password), sent as an escaped literal, never concatenated. */
    private void executeWith(String sql, String value, String conflictMessage) {
        try (Connection c = hosting.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.execute();
        } catch (SQLException e) {
            throw failure(e, conflictMessage);
        }
    }

    private RuntimeException failure(SQLException e, String conflictMessage) {
        // 1007: database exists; 1396: CREATE/RENAME USER failed (it exists)
        if (conflictMessage != null && (e.getErrorCode() == 1007 || e.getErrorCode() == 1396)) {
            return ApiException.conflict(conflictMessage);
        }
        LOG.errorf("Hosting database server refused a statement: %s (error %d)", e.getMessage(), e.getErrorCode());
        return new IllegalStateException("The database server refused the operation.", e);
    }

    private String queryString(String sql) {
        List<String> values = queryStrings(sql);
        return values.isEmpty() ? null : values.get(0);
    }

    private long queryLong(String sql, String parameter) {
        try (Connection c = hosting.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read from the hosting database server", e);
        }
    }

    private List<String> queryStrings(String sql, String... parameters) {
        try (Connection c = hosting.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read from the hosting database server", e);
        }
    }
}
