package dev.openuapi.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.openuapi.config.OpenUapiConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * The hosting MariaDB server, over JDBC (JPA cannot issue DDL and grants): databases, users and their
 * privileges, and the few reads of {@code information_schema} and {@code mysql.db} that describe them. It
 * decides nothing: {@link MysqlService} checks names and ownership first. Names are quoted here, and only
 * names of {@code [A-Za-z0-9_]} are accepted, so no quote can reach a statement; passwords travel as
 * statement parameters, never in the SQL text.
 */
@ApplicationScoped
public class HostingServer {

    /** The object a CREATE or RENAME would make exists already (MariaDB errors 1007 and 1396). */
    public static final class AlreadyExists extends RuntimeException {
        AlreadyExists(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final Logger LOG = Logger.getLogger(HostingServer.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%_-]{1,255}");
    private static final Pattern PRIVILEGE = Pattern.compile("[A-Z]+( [A-Z]+)*");
    private static final int DATABASE_EXISTS = 1007;
    private static final int CANNOT_CREATE_OR_RENAME_USER = 1396;
    private static final int NO_SUCH_GRANT = 1141;

    private final AgroalDataSource hosting;
    private final List<String> userHosts;

    HostingServer(@DataSource("hosting") AgroalDataSource hosting, OpenUapiConfig config) {
        this.hosting = hosting;
        this.userHosts = List.copyOf(config.mysql().userHosts());
        for (String host : userHosts) {
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("openuapi.mysql.user-hosts has an invalid host: " + host);
            }
        }
    }

    /** The hosts each database user is created for ({@code openuapi.mysql.user-hosts}). */
    public List<String> userHosts() {
        return userHosts;
    }

    /** The server's version, or empty when it cannot be reached. */
    public Optional<String> version() {
        try {
            List<String> values = queryStrings("SELECT VERSION()");
            return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
        } catch (IllegalStateException unreachable) {
            return Optional.empty();
        }
    }

    /** The server as cPanel's {@code GET_SERVER_INFORMATION} describes it: the host OpenUAPI connects to, and its version. */
    public record Information(String host, String version) {
    }

    /** The host (from the connection's JDBC URL) and the full version, or empty when the server cannot be reached. */
    public Optional<Information> information() {
        try (Connection c = hosting.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            String version = rs.next() ? rs.getString(1) : null;
            return version == null ? Optional.empty() : Optional.of(new Information(hostOf(c.getMetaData().getURL()), version));
        } catch (SQLException e) {
            LOG.debugf("The hosting database server cannot be reached: %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code jdbc:mariadb://HOST:3306/…} (or {@code [v6]}, or several hosts: the first) to HOST. */
    static String hostOf(String jdbcUrl) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int slash = rest.indexOf('/');
        int at = rest.lastIndexOf('@', slash < 0 ? rest.length() : slash);
        if (at >= 0) {
            rest = rest.substring(at + 1); // user:password@host
        }
        int end = 0;
        if (rest.startsWith("[")) {
            end = rest.indexOf(']') + 1;
            return rest.substring(1, end - 1);
        }
        while (end < rest.length() && ":/,?".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return rest.substring(0, end);
    }

    /** @throws AlreadyExists when the database exists */
    public void createDatabase(String name) {
        execute("CREATE DATABASE " + ident(name), true);
    }

    public void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + ident(name), false);
    }

    /** @throws AlreadyExists when the user exists on this host */
    public void createUser(String name, String host, String password) {
        executeWith("CREATE USER " + user(name, host) + " IDENTIFIED BY ?", password, true);
    }

    public void dropUser(String name, String host) {
        execute("DROP USER IF EXISTS " + user(name, host), false);
    }

    /** @throws AlreadyExists when {@code newName} exists on this host */
    public void renameUser(String oldName, String newName, String host) {
        execute("RENAME USER " + user(oldName, host) + " TO " + user(newName, host), true);
    }

    /** @throws IllegalStateException when the server refuses (the user does not exist on this host, say) */
    public void setPassword(String name, String host, String password) {
        executeWith("ALTER USER " + user(name, host) + " IDENTIFIED BY ?", password, false);
    }

    /** @param privileges {@code ALL PRIVILEGES} or a list of privileges that {@link MysqlService} checked */
    public void grant(String privileges, String database, String name, String host) {
        execute("GRANT " + privileges + " ON " + grantTarget(database) + " TO " + user(name, host), false);
    }

    /** Revokes every privilege of the user on the database; nothing granted is nothing to revoke. */
    public void revokeAll(String database, String name, String host) {
        try (Connection c = hosting.getConnection(); Statement s = c.createStatement()) {
            s.execute("REVOKE ALL PRIVILEGES ON " + grantTarget(database) + " FROM " + user(name, host));
        } catch (SQLException e) {
            if (e.getErrorCode() != NO_SUCH_GRANT) {
                LOG.errorf("Hosting database server refused a statement: %s (error %d)", e.getMessage(), e.getErrorCode());
            }
        }
    }

    // ---- backup and restore of an account's databases (DatabaseDumpService) ----

    private static final Pattern CHARSET = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** The authentication plugins a restored user may carry its password hash for. */
    static final java.util.Set<String> PASSWORD_PLUGINS = java.util.Set.of("mysql_native_password", "ed25519");

    /** {@code SHOW CREATE DATABASE}: the statement that makes the database with its character set and collation. */
    public String createDatabaseStatement(String name) {
        try (Connection c = hosting.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW CREATE DATABASE " + ident(name))) {
            if (!rs.next()) {
                throw new IllegalStateException("The server did not describe the database " + name);
            }
            return rs.getString(2);
        } catch (SQLException e) {
            throw failure(e, false);
        }
    }

    /**
     * @param charset a character set name, or {@code null} for the server's default
     * @param collation a collation name, or {@code null} for the character set's default
     * @throws AlreadyExists when the database exists
     */
    public void createDatabase(String name, String charset, String collation) {
        StringBuilder sql = new StringBuilder("CREATE DATABASE " + ident(name));
        if (charset != null) {
            sql.append(" CHARACTER SET ").append(checked(charset));
        }
        if (collation != null) {
            sql.append(" COLLATE ").append(checked(collation));
        }
        execute(sql.toString(), true);
    }

    private static String checked(String charsetOrCollation) {
        if (!CHARSET.matcher(charsetOrCollation).matches()) {
            throw new IllegalArgumentException("Not a character set or collation name");
        }
        return charsetOrCollation;
    }

    /** Whether the server has a user of this name, on any host (mysql.global_priv, MariaDB 10.4+). */
    public boolean userExists(String name) {
        return !queryStrings("SELECT User FROM mysql.global_priv WHERE User = ?", safe(name)).isEmpty();
    }

    /** Whether the server has this user on this host. */
    public boolean userExists(String name, String host) {
        return !queryStrings("SELECT User FROM mysql.global_priv WHERE User = ? AND Host = ?", safe(name), host).isEmpty();
    }

    /** A user's authentication: its plugin and what the plugin keeps (for mysql_native_password, the password hash). */
    public record Identity(String plugin, String hash) {
    }

    /** The user's authentication on this host, from mysql.global_priv; empty when the user does not exist there. */
    public Optional<Identity> identity(String name, String host) {
        try (Connection c = hosting.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT JSON_VALUE(Priv, '$.plugin'), JSON_VALUE(Priv, '$.authentication_string') FROM mysql.global_priv WHERE User = ? AND Host = ?")) {
            s.setString(1, safe(name));
            s.setString(2, host);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Identity(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read from the hosting database server", e);
        }
    }

    /**
     * Creates the user with a password hash kept from a backup ({@code IDENTIFIED VIA plugin USING 'hash'}): the user
     * logs in with the same password, which OpenUAPI never learns. The hash travels as a statement parameter.
     *
     * @throws AlreadyExists when the user exists on this host
     */
    public void createUserWithHash(String name, String host, String plugin, String hash) {
        if (!PASSWORD_PLUGINS.contains(plugin)) {
            throw new IllegalArgumentException("Not a supported authentication plugin");
        }
        executeWith("CREATE USER " + user(name, host) + " IDENTIFIED VIA " + plugin + " USING ?", hash, true);
    }

    /** Bytes of data and indexes in the database. */
    public long diskUsage(String database) {
        try (Connection c = hosting.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.TABLES WHERE table_schema = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read from the hosting database server", e);
        }
    }

    /** Bytes of data and indexes in all of {@code databases} together (one query; 0 for none). */
    public long diskUsage(List<String> databases) {
        if (databases.isEmpty()) {
            return 0;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(databases.size(), "?"));
        try (Connection c = hosting.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.TABLES WHERE table_schema IN (" + marks + ")")) {
            for (int i = 0; i < databases.size(); i++) {
                s.setString(i + 1, databases.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read from the hosting database server", e);
        }
    }

    /** The users with privileges on the database, by name. */
    public List<String> grantees(String database) {
        return queryStrings("SELECT DISTINCT User FROM mysql.db WHERE Db = ? OR Db = ? ORDER BY User", database,
                database.replace("_", "\\_"));
    }

    /** The databases the user has privileges on, by name. */
    public List<String> databasesOf(String user) {
        List<String> databases = new ArrayList<>();
        for (String db : queryStrings("SELECT DISTINCT Db FROM mysql.db WHERE User = ? ORDER BY Db", user)) {
            databases.add(db.replace("\\_", "_"));
        }
        return databases;
    }

    // ---- renaming a database (Mysql::rename_database): MariaDB has no RENAME DATABASE, so the tables move ----

    /** Whether a database of this name exists on the server (whoever owns it). */
    public boolean databaseExists(String name) {
        return !queryStrings("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", safe(name)).isEmpty();
    }

    /** The database's base tables, by name. */
    public List<String> tables(String database) {
        return queryStrings("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' "
                + "ORDER BY TABLE_NAME", database);
    }

    /** Whether the database holds no table or view at all (only then may a rename drop it). */
    public boolean isEmpty(String database) {
        return queryStrings("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", database).isEmpty();
    }

    /**
     * What RENAME TABLE cannot carry to another database: views, stored procedures and functions, triggers and
     * events, as "kind name".
     */
    public List<String> objectsThatCannotMove(String database) {
        List<String> objects = new ArrayList<>();
        queryStrings("SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?", database).forEach(n -> objects.add("view " + n));
        queryStrings("SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_NAME) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?", database)
                .forEach(objects::add);
        queryStrings("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?", database)
                .forEach(n -> objects.add("trigger " + n));
        queryStrings("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?", database).forEach(n -> objects.add("event " + n));
        return objects;
    }

    /**
     * The views, routines, triggers and events whose definer is this user (on any host), as "kind db.name": MariaDB's
     * RENAME USER leaves their definer pointing at the old name.
     */
    public List<String> objectsDefinedBy(String name) {
        String user = safe(name);
        List<String> objects = new ArrayList<>();
        objects.addAll(queryStrings("SELECT CONCAT('view ', TABLE_SCHEMA, '.', TABLE_NAME) FROM information_schema.VIEWS "
                + "WHERE SUBSTRING_INDEX(DEFINER, '@', 1) = ?", user));
        objects.addAll(queryStrings("SELECT CONCAT(LOWER(ROUTINE_TYPE), ' ', ROUTINE_SCHEMA, '.', ROUTINE_NAME) FROM information_schema.ROUTINES "
                + "WHERE SUBSTRING_INDEX(DEFINER, '@', 1) = ?", user));
        objects.addAll(queryStrings("SELECT CONCAT('trigger ', TRIGGER_SCHEMA, '.', TRIGGER_NAME) FROM information_schema.TRIGGERS "
                + "WHERE SUBSTRING_INDEX(DEFINER, '@', 1) = ?", user));
        objects.addAll(queryStrings("SELECT CONCAT('event ', EVENT_SCHEMA, '.', EVENT_NAME) FROM information_schema.EVENTS "
                + "WHERE SUBSTRING_INDEX(DEFINER, '@', 1) = ?", user));
        return objects;
    }

    /** CHECK TABLE on each table: the tables the server reports an error for, with its message (cPanel checks first too). */
    public java.util.Map<String, String> damagedTables(String database, List<String> tables) {
        java.util.Map<String, String> damaged = new java.util.TreeMap<>();
        if (tables.isEmpty()) {
            return damaged;
        }
        String list = String.join(", ", tables.stream().map(t -> ident(database) + "." + tableIdent(t)).toList());
        try (Connection c = hosting.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CHECK TABLE " + list)) {
            while (rs.next()) {
                if ("error".equalsIgnoreCase(rs.getString("Msg_type"))) {
                    damaged.put(rs.getString("Table"), rs.getString("Msg_text"));
                }
            }
        } catch (SQLException e) {
            throw failure(e, false);
        }
        return damaged;
    }

    /** Moves every listed table in one RENAME TABLE statement, which MariaDB applies all or not at all. */
    public void moveTables(String from, String to, List<String> tables) {
        if (tables.isEmpty()) {
            return;
        }
        execute("RENAME TABLE " + String.join(", ",
                tables.stream().map(t -> ident(from) + "." + tableIdent(t) + " TO " + ident(to) + "." + tableIdent(t)).toList()), false);
    }

    /**
     * The privileges the user has on exactly this database (a grant made as OpenUAPI makes them, _ escaped), read from
     * mysql.db: information_schema.SCHEMA_PRIVILEGES lists other users' grants only to an account with SELECT on the
     * whole mysql database, which the hosting account does not have (docker/mariadb/10-openuapi-users.sh grants SELECT
     * on mysql.db alone). GRANT OPTION is not a privilege on the data and is left out, as SCHEMA_PRIVILEGES leaves it.
     */
    public List<String> privilegesOn(String database, String name, String host) {
        List<String> privileges = new ArrayList<>();
        try (Connection c = hosting.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM mysql.db WHERE User = ? AND Host = ? AND (Db = ? OR Db = ?)")) {
            s.setString(1, safe(name));
            s.setString(2, host);
            s.setString(3, safe(database));
            s.setString(4, database.replace("_", "\\_"));
            try (ResultSet rs = s.executeQuery()) {
                java.sql.ResultSetMetaData columns = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        String column = columns.getColumnLabel(i);
                        if (column.endsWith("_priv") && !column.equals("Grant_priv") && "Y".equalsIgnoreCase(rs.getString(i))) {
                            String privilege = privilegeOf(column);
                            if (!PRIVILEGE.matcher(privilege).matches()) {
                                throw new IllegalStateException("Unexpected privilege name from the server");
                            }
                            if (!privileges.contains(privilege)) {
                                privileges.add(privilege);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read from the hosting database server", e);
        }
        privileges.sort(null);
        return privileges;
    }

    /** {@code Create_tmp_table_priv} to {@code CREATE TEMPORARY TABLES}; the others by their words ({@code Show_view_priv}: SHOW VIEW). */
    static String privilegeOf(String column) {
        String words = column.substring(0, column.length() - "_priv".length());
        return words.equals("Create_tmp_table") ? "CREATE TEMPORARY TABLES" : words.replace('_', ' ').toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code `table`}: a table name as the server reported it, quoted (a backtick doubled). */
    private static String tableIdent(String table) {
        return "`" + table.replace("`", "``") + "`";
    }

    /** {@code `db`} for DDL. */
    private static String ident(String name) {
        return "`" + safe(name) + "`";
    }

    /** Database-level grants treat _ as a wildcard: escape it, as cPanel does, so a grant covers exactly one database. */
    private static String grantTarget(String database) {
        return "`" + safe(database).replace("_", "\\_") + "`.*";
    }

    /** {@code 'name'@'host'}; hosts were checked when the configuration was read. */
    private static String user(String name, String host) {
        return "'" + safe(name) + "'@'" + host + "'";
    }

    private static String safe(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a checked database or user name");
        }
        return name;
    }

    private void execute(String sql, boolean mayExist) {
        try (Connection c = hosting.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(e, mayExist);
        }
    }

    /** Runs a statement with one string parameter (a password), sent as an escaped literal, never concatenated. */
    private void executeWith(String sql, String value, boolean mayExist) {
        try (Connection c = hosting.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.execute();
        } catch (SQLException e) {
            throw failure(e, mayExist);
        }
    }

    private static RuntimeException failure(SQLException e, boolean mayExist) {
        if (mayExist && (e.getErrorCode() == DATABASE_EXISTS || e.getErrorCode() == CANNOT_CREATE_OR_RENAME_USER)) {
            return new AlreadyExists(e);
        }
        LOG.errorf("Hosting database server refused a statement: %s (error %d)", e.getMessage(), e.getErrorCode());
        return new IllegalStateException("The database server refused the operation.", e);
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
