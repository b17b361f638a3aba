package dev.openuapi.mysql;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The databases part of an account backup, in cPanel's pkgacct layout: {@code mysql/<db>.create} (the database's
 * CREATE DATABASE, from SHOW CREATE DATABASE), {@code mysql/<db>.sql} (mariadb-dump of the database, without CREATE
 * DATABASE or USE, so it loads into a database of any name) and {@code mysql.sql} (the account's database users with
 * their password hashes, and their grants on the account's own databases, as GRANT statements).
 *
 * <p>A restore under another username renames the prefixed names {@code <old>_x} to {@code <new>_x} where names are
 * given, never in the data: the database is created under its new name and the dump loaded into it; users and grants
 * are read from {@code mysql.sql} (only the two GRANT forms written here are accepted) and made anew; DEFINER clauses
 * of views, routines, triggers and events name the renamed users. Rows are loaded byte for byte.
 */
@ApplicationScoped
public class DatabaseDumpService {

    static final String DIRECTORY = "mysql";
    static final String USERS_FILE = "mysql.sql";
    static final String CREATE_SUFFIX = ".create";
    static final String DUMP_SUFFIX = ".sql";

    private static final Logger LOG = Logger.getLogger(DatabaseDumpService.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** SHOW CREATE DATABASE's character set and collation (in a version comment or not). */
    private static final Pattern CHARSET = Pattern.compile("DEFAULT CHARACTER SET (\\w+)(?: COLLATE (\\w+))?");
    /**
     * A GRANT as SHOW GRANTS writes it and as cPanel's mysql.sql holds it: privileges, {@code *.*} or one whole database
     * ({@code _} escaped), the user in backticks or single quotes, and on the USAGE line the password hash.
     */
    private static final Pattern GRANT = Pattern.compile("GRANT (?<privileges>[A-Z ,]+) ON (?:\\*\\.\\*|`(?<db>(?:[A-Za-z0-9_]|\\\\_)+)`\\.\\*)"
            + " TO ([`'])(?<user>[A-Za-z0-9_]+)\\3@([`'])(?<host>[A-Za-z0-9.:%_-]+)\\5"
            + "(?: IDENTIFIED (?:BY PASSWORD '(?<hash>[A-Za-z0-9*+/=.]*)'|VIA (?<plugin>\\w+) USING '(?<auth>[A-Za-z0-9*+/=.$]*)'))?");
    /** A DEFINER clause of a view, routine, trigger or event in mariadb-dump's output. */
    private static final Pattern DEFINER = Pattern.compile("DEFINER=`((?:[^`]|``)*)`@`((?:[^`]|``)*)`");
    /** Statements no dump of one database holds, refused outside the row data (the dump is run as the hosting admin). */
    private static final Pattern FOREIGN = Pattern.compile("^\\s*(?:/\\*!\\d*\\s*)?(USE\\b|CREATE\\s+(DATABASE|SCHEMA|USER|ROLE)\\b|DROP\\s+(DATABASE|SCHEMA|USER|ROLE)\\b"
            + "|ALTER\\s+(SCHEMA|USER)\\b|RENAME\\s+USER\\b|GRANT\\b|REVOKE\\b|SET\\s+(PASSWORD|ROLE|DEFAULT\\s+ROLE|GLOBAL)\\b|INSTALL\\b|UNINSTALL\\b|SHUTDOWN\\b"
            + "|FLUSH\\b|KILL\\b|LOAD\\s+DATA\\b|CHANGE\\s+MASTER\\b|START\\s+SLAVE\\b|STOP\\s+SLAVE\\b)", Pattern.CASE_INSENSITIVE);
    /** mariadb-dump switches the database's collation around a routine with one of its own: the only place it names the database. */
    private static final Pattern ALTER_DATABASE = Pattern.compile("^ALTER DATABASE `((?:[^`]|``)+)`");
    private static final byte[] INSERT = "INSERT INTO `".getBytes(StandardCharsets.US_ASCII);

    private final MysqlDatabaseRepository databases;
    private final MysqlUserRepository users;
    private final AccountRepository accounts;
    private final HostingServer server;
    private final MariadbClient client;

    DatabaseDumpService(MysqlDatabaseRepository databases, MysqlUserRepository users, AccountRepository accounts, HostingServer server,
            MariadbClient client) {
        this.databases = databases;
        this.users = users;
        this.accounts = accounts;
        this.server = server;
        this.client = client;
    }

    // ---- export ----

    /**
     * Writes root/mysql/<db>.create (CREATE DATABASE), root/mysql/<db>.sql (mariadb-dump), root/mysql.sql (the
     * account's MariaDB users with their password hashes and their GRANTs on the account's databases).
     */
    public void export(String username, Path root) {
        record Owned(List<String> databases, List<String> users) {
        }
        Owned owned = QuarkusTransaction.joiningExisting().call(() -> {
            Account account = accounts.findByUsername(username)
                    .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
            return new Owned(databases.forAccount(account.id).stream().map(d -> d.name).toList(),
                    users.forAccount(account.id).stream().map(u -> u.name).toList());
        });
        try {
            Path dir = Files.createDirectories(root.resolve(DIRECTORY));
            for (String db : owned.databases()) {
                Files.writeString(ownerOnly(dir.resolve(db + CREATE_SUFFIX)), server.createDatabaseStatement(db) + ";\n", StandardCharsets.UTF_8);
                client.dump(db, ownerOnly(dir.resolve(db + DUMP_SUFFIX)));
            }
            StringBuilder sql = new StringBuilder();
            for (String user : owned.users()) {
                for (String host : server.userHosts()) {
                    HostingServer.Identity identity = server.identity(user, host).orElse(null);
                    if (identity == null) {
                        continue;
                    }
                    String line = usageLine(user, host, identity);
                    if (line == null) {
                        LOG.warnf("The database user %s@%s authenticates with %s, which a backup cannot carry: it is left out", user, host, identity.plugin());
                        continue;
                    }
                    sql.append(line).append(";\n");
                    for (String db : owned.databases()) {
                        String privileges = grantable(server.privilegesOn(db, user, host));
                        if (privileges != null) {
                            sql.append(grantLine(privileges, db, user, host)).append(";\n");
                        }
                    }
                }
            }
            Files.writeString(ownerOnly(root.resolve(USERS_FILE)), sql.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the databases of " + username + " into the backup", e);
        }
        LOG.infof("Exported %d databases and %d database users of account %s", owned.databases().size(), owned.users().size(), username);
    }

    /** An empty file of mode 0600 (pkgacct writes mysql.sql so too): password hashes and customers' rows. */
    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }

    /**
     * The user with its password hash, as pkgacct's mysql.sql holds it (SHOW GRANTS's first line): {@code GRANT USAGE ON
     * *.* TO 'u'@'h' IDENTIFIED BY PASSWORD '*…'}, or {@code IDENTIFIED VIA ed25519 USING '…'}; {@code null} for
     * another plugin (unix_socket, say), which has no password to carry.
     */
    static String usageLine(String user, String host, HostingServer.Identity identity) {
        String to = "GRANT USAGE ON *.* TO '" + user + "'@'" + host + "'";
        String hash = identity.hash() == null ? "" : identity.hash();
        if (!hash.matches("[A-Za-z0-9*+/=.]*")) {
            return null;
        }
        if ("mysql_native_password".equals(identity.plugin())) {
            return to + " IDENTIFIED BY PASSWORD '" + hash + "'";
        }
        if (HostingServer.PASSWORD_PLUGINS.contains(identity.plugin())) {
            return to + " IDENTIFIED VIA " + identity.plugin() + " USING '" + hash + "'";
        }
        return null;
    }

    /** {@code GRANT … ON `db`.* TO 'u'@'h'}, the database's {@code _} escaped as OpenUAPI and cPanel grant it. */
    static String grantLine(String privileges, String database, String user, String host) {
        return "GRANT " + privileges + " ON `" + database.replace("_", "\\_") + "`.* TO '" + user + "'@'" + host + "'";
    }

    /**
     * The privileges the server lists for a user on a database, as OpenUAPI grants them: every one of them is
     * {@code ALL PRIVILEGES}; otherwise those Mysql::set_privileges_on_database can grant; {@code null} for none.
     */
    static String grantable(List<String> privileges) {
        if (privileges.isEmpty()) {
            return null;
        }
        if (privileges.containsAll(MysqlService.PRIVILEGES)) {
            return "ALL PRIVILEGES";
        }
        List<String> known = privileges.stream().filter(MysqlService.PRIVILEGES::contains).sorted().toList();
        return known.isEmpty() ? null : String.join(", ", known);
    }

    // ---- reading an archive ----

    /** A database in the archive: its name, character set and collation (null: the server's default). */
    record ArchivedDatabase(String name, String charset, String collation, Path dump) {
    }

    /** A database user in the archive: per host, its password (plugin and hash) and its privileges per database. */
    record ArchivedUser(String name, Map<String, HostingServer.Identity> identities, Map<String, Map<String, String>> grants) {
    }

    record Archive(List<ArchivedDatabase> databases, Map<String, ArchivedUser> users) {
    }

    /** The database names an archive holds (names as in the archive). */
    public List<String> databasesIn(Path root) {
        return read(root).databases().stream().map(ArchivedDatabase::name).toList();
    }

    /** The database user names an archive holds (names as in the archive). */
    public List<String> usersIn(Path root) {
        return List.copyOf(read(root).users().keySet());
    }

    Archive read(Path root) {
        Path dir = root.resolve(DIRECTORY);
        List<ArchivedDatabase> dbs = new ArrayList<>();
        Map<String, ArchivedUser> dbUsers = new TreeMap<>();
        try {
            if (Files.isDirectory(dir)) {
                List<Path> creates = new ArrayList<>();
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + CREATE_SUFFIX)) {
                    files.forEach(creates::add);
                }
                creates.sort(null);
                for (Path create : creates) {
                    String file = create.getFileName().toString();
                    String name = file.substring(0, file.length() - CREATE_SUFFIX.length());
                    if (!NAME.matcher(name).matches()) {
                        throw ApiException.invalid("The backup holds a database with an invalid name: " + Quote.of(name) + ".");
                    }
                    Path dump = dir.resolve(name + DUMP_SUFFIX);
                    if (!Files.isRegularFile(dump)) {
                        throw ApiException.invalid("The backup has no dump of the database " + Quote.of(name) + " (mysql/" + name + DUMP_SUFFIX + ").");
                    }
                    Matcher cs = CHARSET.matcher(Files.readString(create, StandardCharsets.UTF_8));
                    dbs.add(cs.find() ? new ArchivedDatabase(name, cs.group(1), cs.group(2), dump) : new ArchivedDatabase(name, null, null, dump));
                }
            }
            Path usersFile = root.resolve(USERS_FILE);
            if (Files.isRegularFile(usersFile)) {
                int lineNumber = 0;
                for (String line : Files.readAllLines(usersFile, StandardCharsets.UTF_8)) {
                    lineNumber++;
                    String statement = line.strip();
                    if (statement.isEmpty() || statement.startsWith("--")) {
                        continue;
                    }
                    if (statement.endsWith(";")) {
                        statement = statement.substring(0, statement.length() - 1).strip();
                    }
                    readGrant(statement, lineNumber, dbUsers);
                }
            }
        } catch (IOException e) {
            throw ApiException.invalid("Could not read the databases of the backup: " + e.getMessage());
        }
        for (ArchivedUser user : dbUsers.values()) {
            if (user.identities().isEmpty()) {
                throw ApiException.invalid("The backup's mysql.sql has no password hash for the database user " + Quote.of(user.name()) + ".");
            }
        }
        return new Archive(dbs, dbUsers);
    }

    private static void readGrant(String statement, int lineNumber, Map<String, ArchivedUser> into) {
        Matcher m = GRANT.matcher(statement);
        if (!m.matches()) {
            throw ApiException.invalid("The backup's mysql.sql has a statement OpenUAPI does not restore (line " + lineNumber + "): "
                    + Quote.cut(statement));
        }
        ArchivedUser user = into.computeIfAbsent(m.group("user"), n -> new ArchivedUser(n, new LinkedHashMap<>(), new LinkedHashMap<>()));
        String host = m.group("host");
        if (m.group("db") == null) {
            String privileges = m.group("privileges").strip();
            if (!privileges.equals("USAGE")) {
                throw ApiException.invalid("The backup's mysql.sql grants global privileges (line " + lineNumber + "), which a database user of an account never has.");
            }
            if (m.group("hash") != null) {
                user.identities().put(host, new HostingServer.Identity("mysql_native_password", m.group("hash")));
            } else if (m.group("plugin") != null && HostingServer.PASSWORD_PLUGINS.contains(m.group("plugin"))) {
                user.identities().put(host, new HostingServer.Identity(m.group("plugin"), m.group("auth")));
            } else if (m.group("plugin") != null) {
                throw ApiException.invalid("The backup's mysql.sql has a database user with the authentication plugin " + Quote.of(m.group("plugin"))
                        + " (line " + lineNumber + "); only " + String.join(" and ", new java.util.TreeSet<>(HostingServer.PASSWORD_PLUGINS)) + " are restored.");
            }
            return;
        }
        String privileges;
        try {
            privileges = MysqlService.privileges(m.group("privileges"));
        } catch (ApiException e) {
            throw ApiException.invalid("The backup's mysql.sql (line " + lineNumber + "): " + e.getMessage());
        }
        user.grants().computeIfAbsent(host, h -> new TreeMap<>()).put(m.group("db").replace("\\_", "_"), privileges);
    }

    // ---- restore ----

    /** What a restore creates: database and user names in the archive mapped to their new names. */
    private record Plan(Archive archive, Map<String, String> databaseNames, Map<String, String> userNames) {
    }

    /**
     * Restores what export wrote for account newUsername (same or new name): databases and users prefixed
     * "<oldUsername>_" become "<newUsername>_", in grants and definers too; ownership recorded as MysqlService
     * records it. Refuses (ApiException with a clear message) before changing anything when a target name exists
     * already; on a failure half-way, removes what it created.
     */
    public void restore(Path root, String oldUsername, String newUsername) {
        Archive archive = read(root);
        if (archive.databases().isEmpty() && archive.users().isEmpty()) {
            return;
        }
        Plan plan = QuarkusTransaction.joiningExisting().call(() -> plan(archive, oldUsername, newUsername));
        for (ArchivedDatabase db : archive.databases()) {
            checkDump(db, plan);
        }
        Deque<Runnable> undo = new ArrayDeque<>();
        try {
            for (ArchivedDatabase db : archive.databases()) {
                String name = plan.databaseNames().get(db.name());
                try {
                    server.createDatabase(name, db.charset(), db.collation());
                } catch (HostingServer.AlreadyExists e) {
                    throw ApiException.conflict("This MySQL cluster already has a database named " + Quote.of(name) + ".");
                }
                undo.push(() -> server.dropDatabase(name));
                try (InputStream dump = new Renaming(Files.newInputStream(db.dump()), plan.databaseNames(), plan.userNames())) {
                    client.load(name, dump);
                }
            }
            for (ArchivedUser user : archive.users().values()) {
                String name = plan.userNames().get(user.name());
                HostingServer.Identity first = user.identities().values().iterator().next();
                Map<String, String> firstGrants = user.grants().isEmpty() ? Map.of() : user.grants().values().iterator().next();
                for (String host : server.userHosts()) {
                    HostingServer.Identity identity = user.identities().getOrDefault(host, first);
                    try {
                        server.createUserWithHash(name, host, identity.plugin(), identity.hash());
                    } catch (HostingServer.AlreadyExists e) {
                        throw ApiException.conflict("The user " + Quote.of(name) + " already exists.");
                    }
                    undo.push(() -> server.dropUser(name, host));
                    for (Map.Entry<String, String> grant : user.grants().getOrDefault(host, firstGrants).entrySet()) {
                        server.grant(grant.getValue(), plan.databaseNames().get(grant.getKey()), name, host);
                    }
                }
            }
            QuarkusTransaction.joiningExisting().run(() -> recordOwnership(plan, newUsername));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("The restore of the databases of %s as %s failed, removing what it created: %s", oldUsername, newUsername, e.getMessage());
            while (!undo.isEmpty()) {
                try {
                    undo.pop().run();
                } catch (RuntimeException again) {
                    LOG.errorf("Could not remove part of a failed database restore: %s", again.getMessage());
                }
            }
            if (e instanceof ApiException api) {
                throw api;
            }
            throw new IllegalStateException("The databases could not be restored: " + e.getMessage(), e);
        }
        LOG.infof("Restored %d databases and %d database users of %s as %s", archive.databases().size(), archive.users().size(), oldUsername, newUsername);
    }

    /** The new names, checked as MysqlService checks names it creates; refuses when any exists already. */
    private Plan plan(Archive archive, String oldUsername, String newUsername) {
        Account account = accounts.findByUsername(newUsername)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(newUsername) + " does not exist."));
        Map<String, String> dbNames = new LinkedHashMap<>();
        for (ArchivedDatabase db : archive.databases()) {
            String name = renamed(db.name(), oldUsername, newUsername, "database");
            MysqlService.checkName(account, name, "database", MysqlService.MAX_DATABASE_NAME);
            if (databases.exists(name) || server.databaseExists(name)) {
                throw ApiException.conflict("This MySQL cluster already has a database named " + Quote.of(name) + ".");
            }
            dbNames.put(db.name(), name);
        }
        Map<String, String> userNames = new LinkedHashMap<>();
        for (ArchivedUser user : archive.users().values()) {
            String name = renamed(user.name(), oldUsername, newUsername, "database user");
            MysqlService.checkName(account, name, "user", MysqlService.MAX_USER_NAME);
            if (users.exists(name) || server.userExists(name)) {
                throw ApiException.conflict("The user " + Quote.of(name) + " already exists.");
            }
            userNames.put(user.name(), name);
            for (Map<String, String> grants : user.grants().values()) {
                for (String db : grants.keySet()) {
                    if (!dbNames.containsKey(db)) {
                        throw ApiException.invalid("The backup grants the database user " + Quote.of(user.name()) + " privileges on "
                                + Quote.of(db) + ", a database the backup does not hold.");
                    }
                }
            }
        }
        return new Plan(archive, dbNames, userNames);
    }

    /** {@code <old>_x} as {@code <new>_x}; a name without the old prefix was not the account's. */
    static String renamed(String name, String oldUsername, String newUsername, String what) {
        String oldPrefix = MysqlService.prefix(oldUsername);
        if (!name.startsWith(oldPrefix) || name.length() == oldPrefix.length()) {
            throw ApiException.invalid("The backup's " + what + " " + Quote.of(name) + " does not begin with the prefix " + Quote.of(oldPrefix)
                    + " of the account " + Quote.of(oldUsername) + ".");
        }
        return MysqlService.prefix(newUsername) + name.substring(oldPrefix.length());
    }

    /**
     * Before anything changes: outside the row data, the dump holds no statement that reaches beyond its database
     * (it runs as the hosting server's admin), and each DEFINER is one of the archive's own users.
     */
    private static void checkDump(ArchivedDatabase db, Plan plan) {
        try (InputStream in = Files.newInputStream(db.dump())) {
            DumpLines lines = new DumpLines(in);
            InsertCheck insert = null;
            byte[] line;
            int number = 0;
            while ((line = lines.next()) != null) {
                number++;
                if (lines.isData()) {
                    if (insert == null) {
                        insert = new InsertCheck();
                    }
                    boolean ended;
                    try {
                        ended = insert.line(new String(line, StandardCharsets.ISO_8859_1));
                    } catch (IllegalArgumentException e) {
                        throw ApiException.invalid("The dump of the database " + Quote.of(db.name()) + " has an INSERT that is not rows of literal values "
                                + "into one of its tables (line " + number + "): " + e.getMessage());
                    }
                    if (ended != !lines.inInsert) {
                        throw ApiException.invalid("The dump of the database " + Quote.of(db.name()) + " has an INSERT whose end is unclear (line " + number + ").");
                    }
                    if (ended) {
                        insert = null;
                    }
                    continue;
                }
                String text = new String(line, StandardCharsets.UTF_8);
                if (FOREIGN.matcher(text).find()) {
                    throw ApiException.invalid("The dump of the database " + Quote.of(db.name()) + " has a statement that does not belong in the dump of "
                            + "one database (line " + number + "): " + Quote.cut(text.strip()));
                }
                Matcher alter = ALTER_DATABASE.matcher(text);
                if (alter.find() && !alter.group(1).equals(db.name())) { // the routine's own database only
                    throw ApiException.invalid("The dump of the database " + Quote.of(db.name()) + " changes another database (line " + number + "): "
                            + Quote.cut(text.strip()));
                }
                Matcher definer = DEFINER.matcher(text);
                while (definer.find()) {
                    if (!plan.userNames().containsKey(definer.group(1))) {
                        throw ApiException.invalid("The dump of the database " + Quote.of(db.name()) + " has an object defined by "
                                + Quote.of(definer.group(1)) + ", who is not one of the backup's database users (line " + number + ").");
                    }
                }
            }
        } catch (IOException e) {
            throw ApiException.invalid("Could not read the dump of the database " + Quote.of(db.name()) + ": " + e.getMessage());
        }
    }

    private void recordOwnership(Plan plan, String newUsername) {
        Account account = accounts.findByUsername(newUsername)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(newUsername) + " does not exist."));
        long now = Epoch.now();
        for (String name : plan.databaseNames().values()) {
            MysqlDatabase row = new MysqlDatabase();
            row.account = account;
            row.name = name;
            row.createdAt = now;
            Unique.insert(databases.getEntityManager(), row, "This MySQL cluster already has a database named " + Quote.of(name) + ".");
        }
        for (String name : plan.userNames().values()) {
            MysqlUser row = new MysqlUser();
            row.account = account;
            row.name = name;
            row.createdAt = now;
            Unique.insert(users.getEntityManager(), row, "The user " + Quote.of(name) + " already exists.");
        }
    }

    /**
     * Undo of a whole restore (used when a later part of the account's restore fails): drops the archive's databases
     * and users under their new names, and their ownership rows, unless another account owns them.
     */
    public void discard(Path root, String oldUsername, String newUsername) {
        Archive archive = read(root);
        QuarkusTransaction.joiningExisting().run(() -> {
            for (ArchivedDatabase db : archive.databases()) {
                String name = renamed(db.name(), oldUsername, newUsername, "database");
                MysqlDatabase row = databases.find("name", name).firstResult();
                if (row != null && !row.account.username.equals(newUsername)) {
                    continue;
                }
                server.dropDatabase(name);
                if (row != null) {
                    databases.delete(row);
                }
            }
            for (ArchivedUser user : archive.users().values()) {
                String name = renamed(user.name(), oldUsername, newUsername, "database user");
                MysqlUser row = users.find("name", name).firstResult();
                if (row != null && !row.account.username.equals(newUsername)) {
                    continue;
                }
                for (String host : server.userHosts()) {
                    server.dropUser(name, host);
                }
                if (row != null) {
                    users.delete(row);
                }
            }
        });
    }

    // ---- the dump, as it is loaded ----

    /**
     * mariadb-dump's output line by line, telling the row data from the rest. Rows are only in INSERT statements, and a
     * value never holds a raw line break (mariadb-dump writes it as {@code \n}): an INSERT starts a line, and its rows
     * (one a line, with --extended-insert) run until the line that ends with {@code ;}.
     */
    static final class DumpLines {
        private final InputStream in;
        /** Whether the statement of the line last returned goes on (an INSERT without its ; yet). */
        boolean inInsert;
        private boolean data;

        DumpLines(InputStream in) {
            this.in = new BufferedInputStream(in, 1 << 16);
        }

        /** The next line with its line break, or {@code null} at the end. */
        byte[] next() throws IOException {
            byte[] line = readLine(in);
            if (line == null) {
                return null;
            }
            data = inInsert || startsWith(line, INSERT);
            inInsert = data && !endsStatement(line);
            return line;
        }

        /** Whether the line last returned is (part of) an INSERT: row data, never to be changed. */
        boolean isData() {
            return data;
        }

        private static boolean endsStatement(byte[] line) {
            int end = line.length;
            while (end > 0 && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
                end--;
            }
            return end > 0 && line[end - 1] == ';';
        }
    }

    /**
     * Checks that an INSERT holds nothing but rows of literal values into a table of the database being loaded (an
     * unqualified name): NULL, numbers, quoted strings, {@code 0x} hex (--hex-blob), {@code _binary '…'}, {@code X'…'}
     * and {@code b'…'}. It reads the statement line by line (a value never spans lines); text is read as ISO-8859-1 so
     * that every byte is one character (bytes above 127 occur only inside strings).
     */
    static final class InsertCheck {
        private static final Pattern HEAD = Pattern.compile("INSERT INTO `(?:[^`]|``)+`(?: \\((?:`(?:[^`]|``)+`(?:,\\s*)?)+\\))? VALUES");
        private static final Pattern NUMBER = Pattern.compile("[-+]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?");
        private static final Pattern HEX = Pattern.compile("0x[0-9A-Fa-f]+");

        private enum Expect { ROW, VALUE, AFTER_VALUE, AFTER_ROW, END }

        private Expect expect;

        /**
         * @return whether the statement ends on this line
         * @throws IllegalArgumentException what is not rows of literals
         */
        boolean line(String text) {
            int i = 0;
            if (expect == null) {
                Matcher head = HEAD.matcher(text);
                if (!head.lookingAt()) {
                    throw new IllegalArgumentException("not INSERT INTO `table` VALUES");
                }
                i = head.end();
                expect = Expect.ROW;
            }
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    i++;
                    continue;
                }
                switch (expect) {
                    case ROW -> {
                        require(c == '(', "a row begins with (");
                        expect = Expect.VALUE;
                        i++;
                    }
                    case VALUE -> {
                        i = value(text, i);
                        expect = Expect.AFTER_VALUE;
                    }
                    case AFTER_VALUE -> {
                        require(c == ',' || c == ')', "a value is followed by , or )");
                        expect = c == ',' ? Expect.VALUE : Expect.AFTER_ROW;
                        i++;
                    }
                    case AFTER_ROW -> {
                        require(c == ',' || c == ';', "a row is followed by , or ;");
                        expect = c == ',' ? Expect.ROW : Expect.END;
                        i++;
                    }
                    case END -> throw new IllegalArgumentException("text after the end of the statement");
                }
            }
            return expect == Expect.END;
        }

        /** The index after the literal that begins at {@code i}. */
        private static int value(String text, int i) {
            if (text.startsWith("NULL", i)) {
                return i + 4;
            }
            if (text.startsWith("_binary '", i)) {
                return string(text, i + 8);
            }
            char c = text.charAt(i);
            if (c == '\'') {
                return string(text, i);
            }
            if ((c == 'X' || c == 'x' || c == 'b' || c == 'B') && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                int end = string(text, i + 1);
                String digits = text.substring(i + 2, end - 1);
                require(digits.matches(c == 'b' || c == 'B' ? "[01]*" : "[0-9A-Fa-f]*"), "a bit or hex string holds only its digits");
                return end;
            }
            Matcher m = HEX.matcher(text).region(i, text.length());
            if (m.lookingAt()) {
                return m.end();
            }
            m = NUMBER.matcher(text).region(i, text.length());
            require(m.lookingAt(), "a value is NULL, a number, a string or hex");
            return m.end();
        }

        /** A quoted string from its opening quote at {@code i}: backslash escapes and doubled quotes; it ends on this line. */
        private static int string(String text, int i) {
            int j = i + 1;
            while (j < text.length()) {
                char c = text.charAt(j);
                if (c == '\\') {
                    j += 2;
                } else if (c == '\'') {
                    if (j + 1 < text.length() && text.charAt(j + 1) == '\'') {
                        j += 2;
                    } else {
                        return j + 1;
                    }
                } else {
                    j++;
                }
            }
            throw new IllegalArgumentException("a string that does not end on its line");
        }

        private static void require(boolean condition, String what) {
            if (!condition) {
                throw new IllegalArgumentException(what);
            }
        }
    }

    /** One line of the stream with its {@code \n}, or {@code null} at its end. */
    static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static boolean startsWith(byte[] line, byte[] prefix) {
        if (line.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The dump as mariadb-dump wrote it, except where it names the archive's databases and users outside the row data:
     * DEFINER clauses name the users' new names, and a database name standing alone (a trigger or routine created with
     * a qualified name keeps that text; the ALTER DATABASE around a routine) the database's new name. Row data (see
     * {@link DumpLines}), and every line that names none of them, passes byte for byte.
     */
    static final class Renaming extends InputStream {
        private final DumpLines lines;
        private final Map<String, String> databaseNames;
        private final Map<String, String> userNames;
        private final Pattern databases;
        private byte[] line = new byte[0];
        private int position;

        Renaming(InputStream in, Map<String, String> databaseNames, Map<String, String> userNames) {
            this.lines = new DumpLines(in);
            this.databaseNames = databaseNames;
            this.userNames = userNames;
            this.databases = namesPattern(databaseNames);
        }

        /** The names that change, each as a whole word (names are [A-Za-z0-9_]: no quoting needed). */
        static Pattern namesPattern(Map<String, String> names) {
            List<String> changed = names.entrySet().stream().filter(e -> !e.getKey().equals(e.getValue())).map(Map.Entry::getKey).toList();
            return changed.isEmpty() ? null : Pattern.compile("(?<![A-Za-z0-9_$])(" + String.join("|", changed) + ")(?![A-Za-z0-9_$])");
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return line[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, line.length - position);
            System.arraycopy(line, position, b, off, n);
            position += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (position >= line.length) {
                byte[] next = lines.next();
                if (next == null) {
                    return false;
                }
                line = lines.isData() ? next : rewrite(next, databases, databaseNames, userNames);
                position = 0;
            }
            return true;
        }

        /** One line that is not row data, with the archive's names replaced. */
        static byte[] rewrite(byte[] line, Pattern databases, Map<String, String> databaseNames, Map<String, String> userNames) {
            String text = new String(line, StandardCharsets.UTF_8);
            boolean changed = false;
            if (text.contains("DEFINER=`")) {
                Matcher m = DEFINER.matcher(text);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String user = userNames.getOrDefault(m.group(1), m.group(1));
                    m.appendReplacement(out, Matcher.quoteReplacement("DEFINER=`" + user + "`@`" + m.group(2) + "`"));
                }
                m.appendTail(out);
                text = out.toString();
                changed = true;
            }
            if (databases != null) {
                Matcher m = databases.matcher(text);
                if (m.find()) {
                    text = m.replaceAll(r -> Matcher.quoteReplacement(databaseNames.get(r.group(1))));
                    changed = true;
                }
            }
            return changed ? text.getBytes(StandardCharsets.UTF_8) : line;
        }

        @Override
        public void close() throws IOException {
            lines.in.close();
        }
    }
}
