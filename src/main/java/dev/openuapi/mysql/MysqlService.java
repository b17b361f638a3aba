package dev.openuapi.mysql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
    static final Set<String> PRIVILEGES = Set.of("ALTER", "ALTER ROUTINE", "CREATE", "CREATE ROUTINE",
            "CREATE TEMPORARY TABLES", "CREATE VIEW", "DELETE", "DROP", "EVENT", "EXECUTE", "INDEX", "INSERT", "LOCK TABLES",
            "REFERENCES", "SELECT", "SHOW VIEW", "TRIGGER", "UPDATE");

    private final MysqlDatabaseRepository databases;
    private final MysqlUserRepository users;
    private final AccountRepository accounts;
    private final HostingServer server;
    private final PlanService plans;
    private final TransactionSynchronizationRegistry transactions;

    MysqlService(MysqlDatabaseRepository databases, MysqlUserRepository users, AccountRepository accounts, HostingServer server,
            PlanService plans, TransactionSynchronizationRegistry transactions) {
        this.databases = databases;
        this.users = users;
        this.accounts = accounts;
        this.server = server;
        this.plans = plans;
        this.transactions = transactions;
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

    /**
     * Bytes of data and indexes in all of the account's databases, as the hosting server's information_schema reports
     * them (cPanel's "Use INFORMATION_SCHEMA to acquire database disk usage"); InnoDB's figures are estimates that the
     * server refreshes with its table statistics.
     */
    @Transactional
    public long diskUsage(long accountId) {
        return server.diskUsage(databases.forAccount(accountId).stream().map(db -> db.name).toList());
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

    /**
     * A renamed account's prefixed databases and database users take the new prefix ({@code alice_db} becomes
     * {@code alice2_db}), as cPanel's "Rename prefixed databases and database users" does. MariaDB has no RENAME
     * DATABASE, so each database is made anew, its tables moved by one atomic RENAME TABLE, and each database user's
     * privileges on it copied; then each user is renamed (RENAME USER carries its privileges, and its password, along).
     * What cannot move (views, routines, triggers, events; damaged tables; objects a user is the definer of), a new
     * name longer than the server allows or taken, refuses the rename before anything changes.
     *
     * <p>This observer runs last among the rename's observers, inside its transaction. A failure on the server undoes
     * every step done so far and fails the rename; once every step is done, the old, now empty databases and the old
     * grants are removed only when the transaction commits, and everything is undone when it does not.
     */
    void onAccountRenamed(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) AccountEvents.Renamed event) {
        PrefixRename rename = renamePrefix(event.account(), event.oldUsername());
        if (rename == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    rename.finish();
                } else {
                    LOG.warnf("The rename of account %s did not commit: its databases and database users get their old names back",
                            event.oldUsername());
                    rename.undo();
                }
            }
        });
    }

    /** Steps done on the hosting server: how to undo them, and what is left to tidy once the rename stands. */
    private record PrefixRename(Deque<Undo> steps, List<Runnable> tidy) {

        void undo() {
            while (!steps.isEmpty()) {
                Undo step = steps.pop();
                MysqlService.undo(step.action(), step.what());
            }
        }

        /** The old grants revoked and the old, empty databases dropped: failures are logged, the rename stands. */
        void finish() {
            for (Runnable step : tidy) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    LOG.errorf("An account's databases were renamed, but an old database could not be tidied up: %s", e.getMessage());
                }
            }
        }
    }

    private record Undo(Runnable action, String what) {
    }

    /** @return the steps done, or {@code null} when the account has no prefixed database or database user */
    private PrefixRename renamePrefix(Account account, String oldUsername) {
        String oldPrefix = prefix(oldUsername);
        String newPrefix = prefix(account.username);
        List<MysqlDatabase> dbs = databases.forAccount(account.id).stream().filter(d -> d.name.startsWith(oldPrefix)).toList();
        List<MysqlUser> dbUsers = users.forAccount(account.id).stream().filter(u -> u.name.startsWith(oldPrefix)).toList();
        if (dbs.isEmpty() && dbUsers.isEmpty()) {
            return null;
        }
        java.util.Map<String, String> newNames = new java.util.LinkedHashMap<>(); // old name -> new name, databases and users
        java.util.Map<String, List<String>> tablesOf = new java.util.LinkedHashMap<>();
        // 1. everything that would refuse, before anything changes
        for (MysqlDatabase db : dbs) {
            String newName = newPrefix + db.name.substring(oldPrefix.length());
            if (newName.length() > MAX_DATABASE_NAME) {
                throw ApiException.invalid("The database " + Quote.of(db.name) + " would be named " + Quote.of(newName) + ", which is longer than "
                        + MAX_DATABASE_NAME + " characters. Rename or remove it, or choose a shorter username.");
            }
            if (databases.exists(newName) || server.databaseExists(newName)) {
                throw ApiException.conflict("This MySQL cluster already has a database named " + Quote.of(newName) + ".");
            }
            List<String> stuck = server.objectsThatCannotMove(db.name);
            if (!stuck.isEmpty()) {
                throw ApiException.invalid("The database " + Quote.of(db.name) + " cannot be renamed without losing its " + String.join(", ", stuck)
                        + ": only tables can move to another database. Drop them, rename the account, then create them again.");
            }
            List<String> tables = server.tables(db.name);
            java.util.Map<String, String> damaged = server.damagedTables(db.name, tables);
            if (!damaged.isEmpty()) {
                throw ApiException.invalid("The database " + Quote.of(db.name) + " has damaged tables (" + String.join(", ", damaged.keySet())
                        + "): repair them before renaming the account.");
            }
            newNames.put(db.name, newName);
            tablesOf.put(db.name, tables);
        }
        for (MysqlUser user : dbUsers) {
            String newName = newPrefix + user.name.substring(oldPrefix.length());
            if (newName.length() > MAX_USER_NAME) {
                throw ApiException.invalid("The database user " + Quote.of(user.name) + " would be named " + Quote.of(newName)
                        + ", which is longer than " + MAX_USER_NAME + " characters. Rename or remove it, or choose a shorter username.");
            }
            if (users.exists(newName)) {
                throw ApiException.conflict("The user " + Quote.of(newName) + " already exists.");
            }
            List<String> defined = server.objectsDefinedBy(user.name);
            if (!defined.isEmpty()) {
                throw ApiException.invalid("The user " + Quote.of(user.name) + " is the definer of " + String.join(", ", defined)
                        + ", which would keep the old name as their definer and stop working. Drop them, rename the account, then create them again.");
            }
            newNames.put(user.name, newName);
        }
        // 2. the ownership rows (rolled back with the transaction)
        dbs.forEach(db -> db.name = newNames.get(db.name));
        List<String> oldUserNames = dbUsers.stream().map(u -> u.name).toList();
        dbUsers.forEach(user -> user.name = newNames.get(user.name));
        Unique.flush(databases.getEntityManager(), "A database or database user with the prefix " + Quote.of(newPrefix) + " already exists.");

        // 3. the server, each step with its undo
        record Grant(String user, String host, List<String> privileges) {
        }
        PrefixRename done = new PrefixRename(new ArrayDeque<>(), new ArrayList<>());
        try {
            for (var entry : tablesOf.entrySet()) {
                String oldName = entry.getKey();
                String newName = newNames.get(oldName);
                List<String> tables = entry.getValue();
                List<Grant> grants = new ArrayList<>();
                for (String user : oldUserNames) {
                    for (String host : server.userHosts()) {
                        List<String> privileges = server.privilegesOn(oldName, user, host);
                        if (!privileges.isEmpty()) {
                            grants.add(new Grant(user, host, privileges));
                        }
                    }
                }
                try {
                    server.createDatabase(newName);
                } catch (HostingServer.AlreadyExists e) {
                    throw ApiException.conflict("This MySQL cluster already has a database named " + Quote.of(newName) + ".");
                }
                done.steps().push(new Undo(() -> {
                    if (server.isEmpty(newName)) {
                        server.dropDatabase(newName);
                    }
                }, "drop the new database " + newName));
                server.moveTables(oldName, newName, tables);
                done.steps().push(new Undo(() -> server.moveTables(newName, oldName, tables), "move the tables of " + newName + " back to " + oldName));
                for (Grant grant : grants) {
                    server.grant(String.join(", ", grant.privileges()), newName, grant.user(), grant.host());
                    done.steps().push(new Undo(() -> server.revokeAll(newName, grant.user(), grant.host()), "revoke on " + newName));
                }
                done.tidy().add(() -> {
                    for (Grant grant : grants) {
                        server.revokeAll(oldName, newNames.getOrDefault(grant.user(), grant.user()), grant.host()); // logs, never throws
                    }
                    if (server.isEmpty(oldName)) {
                        server.dropDatabase(oldName);
                    } else {
                        LOG.warnf("The database %s got new tables during the account's rename, so it was kept", oldName);
                    }
                });
            }
            for (String oldName : oldUserNames) {
                String newName = newNames.get(oldName);
                for (String host : server.userHosts()) {
                    try {
                        server.renameUser(oldName, newName, host);
                    } catch (HostingServer.AlreadyExists e) {
                        throw ApiException.conflict("The user " + Quote.of(newName) + " already exists.");
                    }
                    done.steps().push(new Undo(() -> server.renameUser(newName, oldName, host), "rename " + newName + "@" + host + " back to " + oldName));
                }
            }
        } catch (RuntimeException e) {
            done.undo();
            throw e;
        }
        LOG.infof("Renamed the databases and database users of account %s (prefix %s to %s)", account.username, oldPrefix, newPrefix);
        return done;
    }

    /** Undoes part of a failed change; a failure here is logged, and the original error is what the caller gets. */
    private static void undo(Runnable step, String what) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.errorf("Could not undo part of a failed change on the hosting database server: %s", what);
        }
    }

    static void checkName(Account account, String name, String what, int max) {
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


    static String privileges(String raw) {
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
