package dev.openuapi.mysql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.PasswordRule;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.PlanService;

/**
 * Customers' databases and database users, created for real on the hosting MariaDB server
 * ({@link HostingServer}). Names carry cPanel's prefix ({@code <username>_}) and are checked against
 * {@code [A-Za-z0-9_]} before they reach the server; ownership rows decide which account may touch which
 * object, so an account can never reach another's databases, ours, or the system schemas.
 */
@ApplicationScoped
public class MysqlService {

    /** A database of the account, as the hosting server describes it. */
    public record Database(String name, long diskUsage, List<String> users) {
    }

    /** A database user of the account: its full name, the name without the prefix, its databases. */
    public record User(String name, String shortName, List<String> databases) {
    }

    private static final Logger LOG = Logger.getLogger(MysqlService.class);
    public static final int MAX_DATABASE_NAME = 64;
    public static final int MAX_USER_NAME = 80;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Set<String> PRIVILEGES = Set.of("ALTER", "ALTER ROUTINE", "CREATE", "CREATE ROUTINE",
            "CREATE TEMPORARY TABLES", "CREATE VIEW", "DELETE", "DROP", "EVENT", "EXECUTE", "INDEX", "INSERT", "LOCK TABLES",
            "REFERENCES", "SELECT", "SHOW VIEW", "TRIGGER", "UPDATE");

    private final MysqlDatabaseRepository databases;
    private final MysqlUserRepository users;
    private final AccountRepository accounts;
    private final HostingServer server;
    private final PlanService plans;

    MysqlService(MysqlDatabaseRepository databases, MysqlUserRepository users, AccountRepository accounts, HostingServer server,
            PlanService plans) {
        this.databases = databases;
        this.users = users;
        this.accounts = accounts;
        this.server = server;
        this.plans = plans;
    }

    /** cPanel's prefix of an account's database and database user names. */
    public static String prefix(String username) {
        return username + "_";
    }

    /** The hosting database server's version, or empty when it cannot be reached (say nothing rather than guess). */
    public Optional<String> serverVersion() {
        return server.version();
    }

    /** The hosting database server's host and version (cPanel's {@code Mysql::get_server_information}). */
    public record ServerInformation(String host, boolean remote, String version) {
    }

    /**
     * The host OpenUAPI reaches the hosting server at ({@code localhost} when it runs on this machine), whether that is
     * another machine, and its version.
     *
     * @throws ApiException when the server cannot be reached
     */
    public ServerInformation serverInformation() {
        HostingServer.Information info = server.information()
                .orElseThrow(() -> ApiException.invalid("The system could not connect to the MySQL server."));
        return new ServerInformation(info.host(), !isLocal(info.host()), info.version());
    }

    /** localhost, a loopback address or an address of this machine's own interfaces (no name is looked up). */
    static boolean isLocal(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.equals("localhost") || h.startsWith("localhost.") || h.isEmpty()) {
            return true;
        }
        byte[] literal = dev.openuapi.common.IpAddresses.parse(h);
        if (literal == null) {
            return false;
        }
        try {
            java.net.InetAddress address = java.net.InetAddress.getByAddress(literal);
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || java.net.NetworkInterface.getByInetAddress(address) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Transactional
    public void createDatabase(long accountId, String name) {
        Account account = accounts.findById(accountId);
        checkName(account, name, "database", MAX_DATABASE_NAME);
        plans.requireRoom(account, Limit.DATABASES, () -> countDatabases(accountId));
        MysqlDatabase row = new MysqlDatabase();
        row.account = account;
        row.name = name;
        row.createdAt = Epoch.now();
        String exists = "The database " + Quote.of(name) + " already exists.";
        Unique.insert(databases.getEntityManager(), row, exists);
        try {
            server.createDatabase(name);
        } catch (HostingServer.AlreadyExists e) {
            throw ApiException.conflict(exists);
        }
    }

    @Transactional
    public void deleteDatabase(long accountId, String name) {
        MysqlDatabase row = ownedDatabase(accountId, name);
        server.dropDatabase(name);
        databases.delete(row);
    }

    @Transactional
    public void createUser(long accountId, String name, String password) {
        Account account = accounts.findById(accountId);
        checkName(account, name, "user", MAX_USER_NAME);
        PasswordRule.requireMinimumLength(password);
        MysqlUser row = new MysqlUser();
        row.account = account;
        row.name = name;
        row.createdAt = Epoch.now();
        String exists = "The user " + Quote.of(name) + " already exists.";
        Unique.insert(users.getEntityManager(), row, exists);
        List<String> created = new ArrayList<>();
        try {
            for (String host : server.userHosts()) {
                server.createUser(name, host, password);
                created.add(host);
            }
        } catch (RuntimeException e) {
            // the ownership row rolls back with the transaction; the users made on the hosts before do not
            for (String host : created) {
                undo(() -> server.dropUser(name, host), "drop " + name + "@" + host);
            }
            throw e instanceof HostingServer.AlreadyExists ? ApiException.conflict(exists) : e;
        }
    }

    @Transactional
    public void deleteUser(long accountId, String name) {
        MysqlUser row = ownedUser(accountId, name);
        for (String host : server.userHosts()) {
            server.dropUser(name, host);
        }
        users.delete(row);
    }

    @Transactional
    public void renameUser(long accountId, String oldName, String newName) {
        requireDifferent(oldName, newName);
        MysqlUser row = ownedUser(accountId, oldName);
        checkName(row.account, newName, "user", MAX_USER_NAME);
        // cPanel re-creates such objects with the new definer; OpenUAPI refuses rather than leave them orphaned
        List<String> defined = server.objectsDefinedBy(oldName);
        if (!defined.isEmpty()) {
            throw ApiException.invalid("The user " + Quote.of(oldName) + " is the definer of " + String.join(", ", defined)
                    + ", which would keep the old name as their definer and stop working. Drop them, rename the user, then create them again.");
        }
        row.name = newName;
        String exists = "The user " + Quote.of(newName) + " already exists.";
        Unique.flush(users.getEntityManager(), exists);
        List<String> renamed = new ArrayList<>();
        try {
            for (String host : server.userHosts()) {
                server.renameUser(oldName, newName, host);
                renamed.add(host);
            }
        } catch (RuntimeException e) {
            // the row keeps the old name (rollback): so must the hosts already renamed
            for (String host : renamed) {
                undo(() -> server.renameUser(newName, oldName, host), "rename " + newName + "@" + host + " back to " + oldName);
            }
            throw e instanceof HostingServer.AlreadyExists ? ApiException.conflict(exists) : e;
        }
    }

    /**
     * Renames a database as cPanel does on MySQL (MariaDB has no RENAME DATABASE): a new database, every table
     * moved into it by one atomic RENAME TABLE, each of the account's users given the same privileges on it, then
     * the old grants revoked and the old database dropped, only once it is empty. Views, routines, triggers and
     * events cannot move with RENAME TABLE, and damaged tables must not; a database with any of them is refused
     * before anything changes. A failure while moving puts everything back.
     *
     * @return warnings: what could not be tidied up after the rename succeeded (cPanel answers those as warnings too)
     */
    @Transactional
    public List<String> renameDatabase(long accountId, String oldName, String newName) {
        requireDifferent(oldName, newName);
        MysqlDatabase row = ownedDatabase(accountId, oldName);
        checkName(row.account, newName, "database", MAX_DATABASE_NAME);
        List<String> stuck = server.objectsThatCannotMove(oldName);
        if (!stuck.isEmpty()) {
            throw ApiException.invalid("The database " + Quote.of(oldName) + " cannot be renamed without losing its "
                    + String.join(", ", stuck) + ": only tables can move to another database. Drop them, rename, then create them again.");
        }
        List<String> tables = server.tables(oldName);
        java.util.Map<String, String> damaged = server.damagedTables(oldName, tables);
        if (!damaged.isEmpty()) {
            throw ApiException.invalid("The database " + Quote.of(oldName) + " has damaged tables (" + damaged.keySet().stream()
                    .map(t -> t + ": " + damaged.get(t)).collect(java.util.stream.Collectors.joining("; ")) + "): repair them before renaming it.");
        }
        // cPanel's NameConflict wording
        String exists = "This MySQL cluster already has a database named " + Quote.of(newName) + ".";
        row.name = newName;
        Unique.flush(databases.getEntityManager(), exists);

        record Grant(String user, String host, List<String> privileges) {
        }
        List<Grant> grants = new ArrayList<>();
        for (MysqlUser user : users.forAccount(accountId)) {
            for (String host : server.userHosts()) {
                List<String> privileges = server.privilegesOn(oldName, user.name, host);
                if (!privileges.isEmpty()) {
                    grants.add(new Grant(user.name, host, privileges));
                }
            }
        }
        try {
            server.createDatabase(newName);
        } catch (HostingServer.AlreadyExists e) {
            throw ApiException.conflict(exists);
        }
        boolean moved = false;
        try {
            server.moveTables(oldName, newName, tables);
            moved = true;
            for (Grant grant : grants) {
                server.grant(String.join(", ", grant.privileges()), newName, grant.user(), grant.host());
            }
        } catch (RuntimeException e) {
            // the ownership row keeps the old name (rollback); so must the server
            for (Grant grant : grants) {
                undo(() -> server.revokeAll(newName, grant.user(), grant.host()), "revoke on " + newName);
            }
            if (moved) {
                undo(() -> server.moveTables(newName, oldName, tables), "move the tables of " + newName + " back to " + oldName);
            }
            undo(() -> {
                if (server.isEmpty(newName)) {
                    server.dropDatabase(newName);
                }
            }, "drop the new database " + newName);
            throw e;
        }
        // The new database is complete. What is left only tidies up: as on cPanel, a failure here is a warning and the
        // rename stands (the ownership row must follow the data, so nothing may throw from here on).
        List<String> warnings = new ArrayList<>();
        for (Grant grant : grants) {
            server.revokeAll(oldName, grant.user(), grant.host()); // logs, never throws
        }
        try {
            if (server.isEmpty(oldName)) {
                server.dropDatabase(oldName);
            } else {
                warnings.add("The database " + Quote.of(oldName) + " got new tables during the rename, so it was kept.");
            }
        } catch (RuntimeException e) {
            LOG.errorf("Renamed database %s to %s, but could not drop the old one", oldName, newName);
            warnings.add("The system renamed the database, but could not delete the old database " + Quote.of(oldName) + ".");
        }
        return warnings;
    }

    /** cPanel's courtesy check in {@code Cpanel::API::Mysql::_do_admin_rename}, in its words. */
    private static void requireDifferent(String oldName, String newName) {
        if (oldName.equals(newName)) {
            throw ApiException.invalid("The “oldname” and “newname” parameters cannot be the same value.");
        }
    }

    /** @return the hosts whose password could not be set (cPanel's {@code failures}); the others have the new one */
    @Transactional
    public List<String> setPassword(long accountId, String name, String password) {
        ownedUser(accountId, name);
        PasswordRule.requireMinimumLength(password);
        List<String> failed = new ArrayList<>();
        for (String host : server.userHosts()) {
            try {
                server.setPassword(name, host, password);
            } catch (RuntimeException e) {
                failed.add(host);
            }
        }
        return failed;
    }

    @Transactional
    public void setPrivileges(long accountId, String name, String database, String privileges) {
        ownedUser(accountId, name);
        ownedDatabase(accountId, database);
        String granted = privileges(privileges);
        for (String host : server.userHosts()) {
            server.revokeAll(database, name, host);
            server.grant(granted, database, name, host);
        }
    }

    @Transactional
    public void revokeAccess(long accountId, String name, String database) {
        ownedUser(accountId, name);
        ownedDatabase(accountId, database);
        for (String host : server.userHosts()) {
            server.revokeAll(database, name, host);
        }
    }

    /** The account's databases by name, with their size and users as the hosting server reports them. */
    @Transactional
    public List<Database> listDatabases(long accountId) {
        List<Database> list = new ArrayList<>();
        for (MysqlDatabase db : databases.forAccount(accountId)) {
            list.add(new Database(db.name, server.diskUsage(db.name), server.grantees(db.name)));
        }
        return list;
    }

    /** The account's database users by name, with the databases each has privileges on. */
    @Transactional
    public List<User> listUsers(long accountId) {
        List<User> list = new ArrayList<>();
        for (MysqlUser user : users.forAccount(accountId)) {
            list.add(new User(user.name, user.name.substring(prefix(user.account.username).length()), server.databasesOf(user.name)));
        }
        return list;
    }

    public long countDatabases(long accountId) {
        return databases.countFor(accountId);
    }

    /** An account going away takes its databases and database users with it. */
    void onAccountRemoving(@Observes AccountEvents.Removing event) {
        long id = event.account().id;
        for (MysqlDatabase db : databases.forAccount(id)) {
            server.dropDatabase(db.name);
            databases.delete(db);
        }
        for (MysqlUser user : users.forAccount(id)) {
            for (String host : server.userHosts()) {
                server.dropUser(user.name, host);
            }
            users.delete(user);
        }
        LOG.debugf("Dropped the databases and database users of account %s", event.account().username);
    }

    /** Undoes part of a failed change; a failure here is logged, and the original error is what the caller gets. */
    private static void undo(Runnable step, String what) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.errorf("Could not undo part of a failed change on the hosting database server: %s", what);
        }
    }

    private static void checkName(Account account, String name, String what, int max) {
        String prefix = prefix(account.username);
        if (name == null || !name.startsWith(prefix) || name.length() == prefix.length()) {
            throw ApiException.invalid("The " + what + " name " + Quote.of(name) + " must begin with the prefix " + Quote.of(prefix)
                    + ", followed by the rest of the name.");
        }
        if (!NAME.matcher(name).matches()) {
            throw ApiException.invalid(Quote.of(name) + " is not a valid " + what + " name: use only letters, digits and underscores.");
        }
        if (name.length() > max) {
            throw ApiException.invalid("The " + what + " name " + Quote.of(name) + " is longer than " + max + " characters.");
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
                throw ApiException.invalid(Quote.of(part.trim()) + " is not a privilege that can be granted on a database.");
            }
            chosen.add(privilege);
        }
        return String.join(", ", chosen);
    }

    private MysqlDatabase ownedDatabase(long accountId, String name) {
        return databases.byName(accountId, name).orElseThrow(() -> ApiException.notFound("The database " + Quote.of(name) + " does not exist."));
    }

    private MysqlUser ownedUser(long accountId, String name) {
        return users.byName(accountId, name).orElseThrow(() -> ApiException.notFound("The user " + Quote.of(name) + " does not exist."));
    }
}
