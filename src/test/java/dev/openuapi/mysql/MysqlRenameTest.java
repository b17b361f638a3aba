package dev.openuapi.mysql;

import static dev.openuapi.mysql.MysqlModuleTest.call;
import static dev.openuapi.mysql.MysqlModuleTest.login;
import static dev.openuapi.mysql.MysqlModuleTest.root;
import static dev.openuapi.mysql.MysqlModuleTest.rootExecute;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI Mysql::rename_database (and rename_user's same-name check) on the real MariaDB server. cPanel's reference:
 * api.docs.cpanel.net Mysql rename_database (oldname, newname; data null) and its code (Cpanel::API::Mysql
 * _do_admin_rename: "The “oldname” and “newname” parameters cannot be the same value."; Cpanel::MysqlUtils::Rename:
 * a new database, the tables moved, the grants copied, the old grants revoked and the old database dropped; a name
 * taken is "This MySQL cluster already has a database named “x”.").
 */
@QuarkusTest
class MysqlRenameTest {

    static boolean databaseExists(String name) throws SQLException {
        try (Connection root = root(); PreparedStatement s = root.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Rows of mysql.db for this user and database (the grant's _ escaped, as OpenUAPI and cPanel grant). */
    static int grantRows(String user, String database) throws SQLException {
        try (Connection root = root(); PreparedStatement s = root.prepareStatement("SELECT COUNT(*) FROM mysql.db WHERE User = ? AND (Db = ? OR Db = ?)")) {
            s.setString(1, user);
            s.setString(2, database);
            s.setString(3, database.replace("_", "\\_"));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static List<String> titles(Connection c) throws SQLException {
        List<String> titles = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT title FROM posts ORDER BY id")) {
            while (rs.next()) {
                titles.add(rs.getString(1));
            }
        }
        return titles;
    }

    @Test
    void theTablesTheRowsAndThePrivilegesMove() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String oldDb = alice.username() + "_app";
        String newDb = alice.username() + "_blog";
        String user = alice.username() + "_writer";
        String reader = alice.username() + "_reader";
        String password = "Pw-" + Fixtures.randomSuffix(16);
        Uapi.success(call(alice, token, "create_database", Map.of("name", oldDb)));
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", password)));
        Uapi.success(call(alice, token, "create_user", Map.of("name", reader, "password", password)));
        Uapi.success(call(alice, token, "set_privileges_on_database", Map.of("user", user, "database", oldDb)));
        Uapi.success(call(alice, token, "set_privileges_on_database", Map.of("user", reader, "database", oldDb, "privileges", "SELECT")));
        try (Connection c = login(user, password, oldDb); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(100)) ENGINE=InnoDB");
            s.execute("INSERT INTO posts VALUES (1, 'hello'), (2, 'world'), (3, 'ünïcödé')");
            s.execute("CREATE TABLE `odd name` (x INT) ENGINE=MyISAM");
            s.execute("INSERT INTO `odd name` VALUES (42)");
        }

        JsonNode answer = Uapi.success(call(alice, token, "rename_database", Map.of("oldname", oldDb, "newname", newDb)));
        assertTrue(answer.get("data").isNull(), "data is null, as cPanel's reference says");

        assertFalse(databaseExists(oldDb), "the old database is gone");
        assertTrue(databaseExists(newDb));
        try (Connection c = login(user, password, newDb); Statement s = c.createStatement()) {
            assertEquals(List.of("hello", "world", "ünïcödé"), titles(c), "every row moved");
            try (ResultSet rs = s.executeQuery("SELECT x FROM `odd name`")) {
                assertTrue(rs.next());
                assertEquals(42, rs.getInt(1));
            }
            s.execute("INSERT INTO posts VALUES (4, 'after the rename')"); // ALL PRIVILEGES kept
            s.execute("CREATE TABLE more (y INT)");
        }
        try (Connection c = login(reader, password, newDb); Statement s = c.createStatement()) {
            assertEquals(4, titles(c).size(), "the reader still reads ...");
            assertThrows(SQLException.class, () -> s.execute("INSERT INTO posts VALUES (5, 'no')"), "... and only reads");
        }
        assertThrows(SQLException.class, () -> login(user, password, oldDb).close(), "no access to the old name");
        assertEquals(0, grantRows(user, oldDb), "the old grants are revoked");
        assertEquals(0, grantRows(reader, oldDb));
        assertEquals(MysqlModuleTest.userHosts().size(), grantRows(reader, newDb), "one grant per user host, on the new name");

        JsonNode databases = Uapi.success(call(alice, token, "list_databases", Map.of())).get("data");
        assertEquals(1, databases.size(), databases.toString());
        assertEquals(newDb, databases.get(0).get("database").textValue());
        assertEquals("[\"" + reader + "\",\"" + user + "\"]", databases.get(0).get("users").toString());
        JsonNode users = Uapi.success(call(alice, token, "list_users", Map.of())).get("data");
        assertEquals("[\"" + newDb + "\"]", users.get(0).get("databases").toString());

        // the new name is the account's: it can be deleted, the old one no longer exists
        Uapi.failure(call(alice, token, "delete_database", Map.of("name", oldDb)), "The database “" + oldDb + "” does not exist.");
        Uapi.success(call(alice, token, "delete_database", Map.of("name", newDb)));
        assertFalse(databaseExists(newDb));
    }

    @Test
    void anEmptyDatabaseRenamesToo() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String oldDb = alice.username() + "_empty";
        String newDb = alice.username() + "_still_empty";
        Uapi.success(call(alice, token, "create_database", Map.of("name", oldDb)));
        Uapi.success(call(alice, token, "rename_database", Map.of("oldname", oldDb, "newname", newDb)));
        assertFalse(databaseExists(oldDb));
        assertTrue(databaseExists(newDb));
        Uapi.success(call(alice, token, "delete_database", Map.of("name", newDb)));
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String prefix = alice.username() + "_";
        String db = prefix + "keep";
        String other = prefix + "other";
        Uapi.success(call(alice, token, "create_database", Map.of("name", db)));
        Uapi.success(call(alice, token, "create_database", Map.of("name", other)));
        rootExecute("CREATE TABLE `" + db + "`.t (x INT)");
        rootExecute("INSERT INTO `" + db + "`.t VALUES (7)");

        Uapi.failure(call(alice, token, "rename_database", Map.of()), "Provide the “oldname” and “newname” arguments.");
        Uapi.failure(call(alice, token, "rename_database", Map.of("oldname", db, "newname", db)),
                "The “oldname” and “newname” parameters cannot be the same value.");
        Uapi.failure(call(alice, token, "rename_database", Map.of("oldname", prefix + "nope", "newname", prefix + "x")),
                "The database “" + prefix + "nope” does not exist.");
        Uapi.failure(call(alice, token, "rename_database", Map.of("oldname", db, "newname", "mysql")),
                "The database name “mysql” must begin with the prefix “" + prefix + "”, followed by the rest of the name.");
        Uapi.failure(call(alice, token, "rename_database", Map.of("oldname", db, "newname", prefix + "x`y")),
                "“" + prefix + "x`y” is not a valid database name: use only letters, digits and underscores.");
        Uapi.failure(call(alice, token, "rename_database", Map.of("oldname", db, "newname", other)),
                "This MySQL cluster already has a database named “" + other + "”.");
        // a database on the server that the account does not own (made behind OpenUAPI's back)
        String foreign = prefix + "foreign";
        rootExecute("CREATE DATABASE `" + foreign + "`");
        try {
            Uapi.failure(call(alice, token, "rename_database", Map.of("oldname", db, "newname", foreign)),
                    "This MySQL cluster already has a database named “" + foreign + "”.");
            assertTrue(databaseExists(foreign), "someone else's database stays");
        } finally {
            rootExecute("DROP DATABASE IF EXISTS `" + foreign + "`");
        }
        // another account may not take it either
        TestAccount bob = newAccount();
        Uapi.failure(call(bob, bob.newToken(), "rename_database", Map.of("oldname", db, "newname", bob.username() + "_stolen")),
                "The database “" + db + "” does not exist.");

        // a view cannot move with RENAME TABLE: refused before anything changes
        rootExecute("CREATE VIEW `" + db + "`.v AS SELECT x FROM `" + db + "`.t");
        Uapi.failure(call(alice, token, "rename_database", Map.of("oldname", db, "newname", prefix + "moved")),
                "The database “" + db + "” cannot be renamed without losing its view v: only tables can move to another database. "
                        + "Drop them, rename, then create them again.");

        assertTrue(databaseExists(db));
        assertFalse(databaseExists(prefix + "moved"));
        try (Connection root = root(); Statement s = root.createStatement(); ResultSet rs = s.executeQuery("SELECT x FROM `" + db + "`.t")) {
            assertTrue(rs.next());
            assertEquals(7, rs.getInt(1), "the data is where it was");
        }
        JsonNode databases = Uapi.success(call(alice, token, "list_databases", Map.of())).get("data");
        assertEquals(List.of(db, other), List.of(databases.get(0).get("database").textValue(), databases.get(1).get("database").textValue()));

        rootExecute("DROP VIEW `" + db + "`.v");
        Uapi.success(call(alice, token, "rename_database", Map.of("oldname", db, "newname", prefix + "moved")));
        Uapi.success(call(alice, token, "delete_database", Map.of("name", prefix + "moved")));
        Uapi.success(call(alice, token, "delete_database", Map.of("name", other)));
    }

    /**
     * rename_user of a user that defines a view: MariaDB's RENAME USER would leave the view's definer on the old
     * name (cPanel re-creates such objects, Cpanel::MysqlUtils::Rename::rename_user); OpenUAPI refuses instead,
     * before anything changes.
     */
    @Test
    void renameUserRefusesADefinerOfStoredObjects() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String db = alice.username() + "_views";
        String user = alice.username() + "_definer";
        Uapi.success(call(alice, token, "create_database", Map.of("name", db)));
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", "long-enough")));
        Uapi.success(call(alice, token, "set_privileges_on_database", Map.of("user", user, "database", db)));
        rootExecute("CREATE TABLE `" + db + "`.t (x INT)");
        rootExecute("CREATE DEFINER = '" + user + "'@'localhost' VIEW `" + db + "`.v AS SELECT x FROM `" + db + "`.t");
        Uapi.failure(call(alice, token, "rename_user", Map.of("oldname", user, "newname", alice.username() + "_renamed")),
                "The user “" + user + "” is the definer of view " + db + ".v, which would keep the old name as their definer and stop "
                        + "working. Drop them, rename the user, then create them again.");
        assertEquals(user, Uapi.success(call(alice, token, "list_users", Map.of())).get("data").get(0).get("user").textValue());
        rootExecute("DROP VIEW `" + db + "`.v");
        Uapi.success(call(alice, token, "rename_user", Map.of("oldname", user, "newname", alice.username() + "_renamed")));
        Uapi.success(call(alice, token, "delete_database", Map.of("name", db)));
        Uapi.success(call(alice, token, "delete_user", Map.of("name", alice.username() + "_renamed")));
    }

    /** rename_user: cPanel's same-value check comes first (before, the call failed as "already exists"). */
    @Test
    void renameUserToItsOwnName() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String user = alice.username() + "_same";
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", "long-enough")));
        Uapi.failure(call(alice, token, "rename_user", Map.of("oldname", user, "newname", user)),
                "The “oldname” and “newname” parameters cannot be the same value.");
        Uapi.success(call(alice, token, "delete_user", Map.of("name", user)));
    }
}
