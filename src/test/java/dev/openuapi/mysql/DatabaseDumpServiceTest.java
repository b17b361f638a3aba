package dev.openuapi.mysql;

import static dev.openuapi.mysql.MysqlModuleTest.call;
import static dev.openuapi.mysql.MysqlModuleTest.login;
import static dev.openuapi.mysql.MysqlModuleTest.root;
import static dev.openuapi.mysql.MysqlModuleTest.rootExecute;
import static dev.openuapi.mysql.MysqlRenameTest.databaseExists;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.common.ApiException;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The databases part of an account backup (issue 17 §1) on the real MariaDB server: an account with two databases and
 * a user with grants on one of them is exported into cPanel's pkgacct layout (mysql/&lt;db&gt;.create, mysql/&lt;db&gt;.sql,
 * mysql.sql), dropped, and restored under the same and under a new name; every row comes back byte for byte (the
 * old prefix inside the data included), the user logs in with its old password and has the same grants.
 *
 * <p>cPanel's reference for the layout: docs.cpanel.net "Backup Tarball Contents" (the mysql directory holds the
 * account's databases as .create and .sql files; mysql.sql the account's MySQL users and their grants), and pkgacct's
 * mysql.sql as SHOW GRANTS writes it, e.g. {@code GRANT USAGE ON *.* TO 'user_wp'@'localhost' IDENTIFIED BY PASSWORD
 * '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19';} and {@code GRANT ALL PRIVILEGES ON `user\_wp`.* TO 'user_wp'@'localhost';}.
 *
 * <p>Run it also as a hosting account with exactly the privileges src/docs/backup-databases.md lists (those of
 * docker/mariadb/10-openuapi-users.sh), not root: {@code -D%test.quarkus.datasource.hosting.username=...} and
 * {@code .password=...}. That run found that information_schema.SCHEMA_PRIVILEGES hides other users' grants from such
 * an account, so grants are read from mysql.db.
 */
@QuarkusTest
class DatabaseDumpServiceTest {

    @Inject
    DatabaseDumpService dumps;

    private final List<String> accountsMade = new ArrayList<>();
    private final List<Path> directories = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        for (String username : accountsMade) {
            Fixtures.asRoot().delete("/api/v1/accounts/" + username); // drops its databases and users
        }
        for (Path dir : directories) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An account named with this helper's test prefix, so its databases and users never collide with others'. */
    private TestAccount account(String username) {
        String password = "pw-" + Fixtures.randomSuffix(16);
        String domain = username + ".example";
        Fixtures.asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "domain", domain, "contact_email", "owner@" + domain))
                .post("/api/v1/accounts").then().statusCode(201);
        accountsMade.add(username);
        return new TestAccount(username, password, domain);
    }

    private static String newUsername() {
        return "h3" + Fixtures.randomSuffix(8);
    }

    private Path stagingDirectory() throws IOException {
        Path dir = Files.createTempDirectory("h3-backup-");
        directories.add(dir);
        return dir;
    }

    /** An account with two databases full of awkward rows, a user with password and grants on one, and objects it defines. */
    private record Source(TestAccount account, String token, String app, String log, String writer, String password) {
    }

    private Source source() throws SQLException {
        TestAccount alice = account(newUsername());
        String token = alice.newToken();
        String app = alice.username() + "_app";
        String log = alice.username() + "_log";
        String writer = alice.username() + "_writer";
        String password = "Pw'\"#\\ " + Fixtures.randomSuffix(12);
        Uapi.success(call(alice, token, "create_database", Map.of("name", app)));
        Uapi.success(call(alice, token, "create_database", Map.of("name", log)));
        Uapi.success(call(alice, token, "create_user", Map.of("name", writer, "password", password)));
        Uapi.success(call(alice, token, "set_privileges_on_database", Map.of("user", writer, "database", app, "privileges", "SELECT, INSERT, UPDATE, TRIGGER")));
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `" + app + "`.posts (id INT PRIMARY KEY, title VARCHAR(200) CHARACTER SET utf8mb4, body MEDIUMTEXT CHARACTER SET utf8mb4, "
                    + "data BLOB, note VARCHAR(100) CHARACTER SET latin1)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO `" + app + "`.posts VALUES (?, ?, ?, ?, ?)")) {
                Object[][] rows = {
                    {1, "Grüße 🎉 日本語 ∑", "the database " + app + " of " + alice.username() + "_writer; DEFINER=`" + writer + "`@`localhost`",
                        everyByte, "café"},
                    {2, "USE `" + app + "`; CREATE DATABASE `" + app + "`;", "line 1\nline 2\r\n'single' \"double\" \\ back\\slash \u0000 nul",
                        new byte[] {0, '\n', '\'', '\\', (byte) 0xff}, null},
                    {3, null, "x".repeat(70_000), new byte[0], "plain"},
                };
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.execute();
                }
            }
            s.execute("CREATE DEFINER=`" + writer + "`@`localhost` SQL SECURITY DEFINER VIEW `" + app + "`.titles AS SELECT id, title FROM `" + app + "`.posts");
            s.execute("CREATE DEFINER=`" + writer + "`@`localhost` TRIGGER `" + app + "`.posts_note BEFORE INSERT ON `" + app
                    + "`.posts FOR EACH ROW SET NEW.note = COALESCE(NEW.note, 'by trigger')");
            s.execute("CREATE DEFINER=`" + writer + "`@`localhost` PROCEDURE `" + app + "`.count_posts() SELECT COUNT(*) FROM posts");
            s.execute("CREATE TABLE `" + log + "`.entries (id BIGINT AUTO_INCREMENT PRIMARY KEY, at DATETIME(6), amount DECIMAL(20,6), msg LONGTEXT) "
                    + "DEFAULT CHARSET=utf8mb4");
            for (int i = 0; i < 50; i++) {
                s.execute("INSERT INTO `" + log + "`.entries (at, amount, msg) VALUES ('2026-01-02 03:04:05.123456', " + i + ".5, 'entry " + i + " "
                        + alice.username() + "_log')");
            }
        }
        return new Source(alice, token, app, log, writer, password);
    }

    /** Every row of every base table of the database, each column's bytes in hex (null as null), in key order. */
    static Map<String, List<List<String>>> rows(String database) throws SQLException {
        Map<String, List<List<String>>> tables = new TreeMap<>();
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute("USE `" + database + "`");
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<List<String>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM `" + table + "` ORDER BY 1")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            row.add(value == null ? null : value instanceof byte[] bytes ? "0x" + HexFormat.of().formatHex(bytes) : value.getClass().getSimpleName() + ":" + value);
                        }
                        rows.add(row);
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** SHOW GRANTS for the user on each host it exists on, with the prefix replaced, so grants of two names compare. */
    static Map<String, List<String>> grants(String user, String prefix) throws SQLException {
        Map<String, List<String>> grants = new TreeMap<>();
        try (Connection c = root(); PreparedStatement hosts = c.prepareStatement("SELECT Host FROM mysql.user WHERE User = ?")) {
            hosts.setString(1, user);
            try (ResultSet rs = hosts.executeQuery()) {
                while (rs.next()) {
                    String host = rs.getString(1);
                    List<String> lines = new ArrayList<>();
                    try (Statement s = c.createStatement(); ResultSet g = s.executeQuery("SHOW GRANTS FOR '" + user + "'@'" + host + "'")) {
                        while (g.next()) {
                            lines.add(g.getString(1).replace(prefix, "PREFIX_").replace(prefix.replace("_", "\\_"), "PREFIX\\_"));
                        }
                    }
                    lines.sort(null);
                    grants.put(host, lines);
                }
            }
        }
        return grants;
    }

    static String definerOf(String kind, String schema, String name) throws SQLException {
        String sql = switch (kind) {
            case "view" -> "SELECT DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
            case "trigger" -> "SELECT DEFINER FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?";
            default -> "SELECT DEFINER FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_NAME = ?";
        };
        try (Connection c = root(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, schema);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static boolean userExists(String user) throws SQLException {
        try (Connection c = root(); PreparedStatement s = c.prepareStatement("SELECT 1 FROM mysql.user WHERE User = ?")) {
            s.setString(1, user);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> listed(TestAccount account, String token, String function, String field) {
        List<String> names = new ArrayList<>();
        for (JsonNode row : Uapi.success(call(account, token, function, Map.of())).get("data")) {
            names.add(row.get(field).textValue());
        }
        names.sort(null);
        return names;
    }

    @Test
    void theExportHasCpanelsLayoutAndTheDumpNamesNoDatabase() throws Exception {
        Source src = source();
        Path root = stagingDirectory();
        dumps.export(src.account().username(), root);

        assertTrue(Files.isRegularFile(root.resolve("mysql/" + src.app() + ".create")));
        assertTrue(Files.isRegularFile(root.resolve("mysql/" + src.log() + ".sql")));
        String create = Files.readString(root.resolve("mysql/" + src.app() + ".create"));
        assertTrue(create.startsWith("CREATE DATABASE `" + src.app() + "`"), create);
        assertTrue(create.contains("CHARACTER SET"), create);
        String dump = Files.readString(root.resolve("mysql/" + src.app() + ".sql"), StandardCharsets.UTF_8);
        int dataLines = 0;
        try (InputStream in = Files.newInputStream(root.resolve("mysql/" + src.app() + ".sql"))) {
            DatabaseDumpService.DumpLines lines = new DatabaseDumpService.DumpLines(in);
            byte[] bytes;
            while ((bytes = lines.next()) != null) {
                String line = new String(bytes, StandardCharsets.UTF_8);
                if (lines.isData()) {
                    dataLines++;
                    continue;
                }
                assertFalse(line.matches("(?is)^\\s*(USE|CREATE DATABASE)\\b.*"), line);
                if (!line.startsWith("--") && !line.contains("TRIGGER")) { // the trigger was created with qualified names: its text keeps them
                    assertFalse(line.contains(src.app()), "only the data and comments name the database: " + line);
                }
            }
        }
        assertEquals(1 + 3, dataLines, "INSERT INTO `posts` VALUES and its three rows, one a line");
        assertTrue(dump.contains("CREATE TABLE `posts`"));
        assertTrue(dump.contains("TRIGGER") && dump.contains("PROCEDURE `count_posts`"), "triggers and routines are dumped");

        List<String> grants = Files.readAllLines(root.resolve("mysql.sql"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("mysql.sql"))));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("mysql/" + src.app() + ".sql"))));
        String quotedUser = "'" + src.writer() + "'@'localhost'";
        assertTrue(grants.stream().anyMatch(l -> l.matches("GRANT USAGE ON \\*\\.\\* TO " + quotedUser + " IDENTIFIED BY PASSWORD '\\*[0-9A-F]{40}';")), grants.toString());
        assertTrue(grants.contains("GRANT INSERT, SELECT, TRIGGER, UPDATE ON `" + src.app().replace("_", "\\_") + "`.* TO " + quotedUser + ";"), grants.toString());
        assertFalse(grants.stream().anyMatch(l -> l.contains(src.log())), "no grant on the other database");
        assertFalse(String.join("\n", grants).contains(src.password()), "the password itself is nowhere");

        assertEquals(List.of(src.app(), src.log()), dumps.databasesIn(root));
        assertEquals(List.of(src.writer()), dumps.usersIn(root));
    }

    @Test
    void anAccountRemovedAndRestoredUnderTheSameNameGetsEverythingBack() throws Exception {
        Source src = source();
        String username = src.account().username();
        Path root = stagingDirectory();
        dumps.export(username, root);
        Map<String, List<List<String>>> app = rows(src.app());
        Map<String, List<List<String>>> log = rows(src.log());
        Map<String, List<String>> grants = grants(src.writer(), username + "_");

        Fixtures.asRoot().delete("/api/v1/accounts/" + username).then().statusCode(204);
        assertFalse(databaseExists(src.app()));
        assertFalse(userExists(src.writer()));
        TestAccount again = account(username);
        String token = again.newToken();

        dumps.restore(root, username, username);

        assertEquals(app, rows(src.app()));
        assertEquals(log, rows(src.log()));
        assertEquals(grants, grants(src.writer(), username + "_"));
        assertEquals(List.of(src.app(), src.log()), listed(again, token, "list_databases", "database"));
        assertEquals(List.of(src.writer()), listed(again, token, "list_users", "user"));
        try (Connection c = login(src.writer(), src.password(), src.app()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM titles")) {
            rs.next();
            assertEquals(3, rs.getInt(1), "the view works for its definer");
        }
    }

    @Test
    void aRestoreUnderANewNameRenamesTheIdentifiersButNotTheData() throws Exception {
        Source src = source();
        String old = src.account().username();
        Path root = stagingDirectory();
        dumps.export(old, root);
        Map<String, List<List<String>>> app = rows(src.app());
        Map<String, List<List<String>>> log = rows(src.log());
        Map<String, List<String>> grants = grants(src.writer(), old + "_");

        TestAccount bob = account(newUsername());
        String token = bob.newToken();
        String app2 = bob.username() + "_app";
        String log2 = bob.username() + "_log";
        String writer2 = bob.username() + "_writer";
        dumps.restore(root, old, bob.username());

        assertEquals(app, rows(app2), "every row, byte for byte: the old prefix in the data stays");
        assertEquals(log, rows(log2));
        assertTrue(rows(app2).get("posts").get(0).get(2).contains("DEFINER=`" + src.writer() + "`"), "the old names in the data stay");
        assertEquals(grants, grants(writer2, bob.username() + "_"), "the same grants, on the renamed database");
        assertEquals(List.of(app2, log2), listed(bob, token, "list_databases", "database"));
        assertEquals(List.of(writer2), listed(bob, token, "list_users", "user"));
        assertEquals(writer2 + "@localhost", definerOf("view", app2, "titles"));
        assertEquals(writer2 + "@localhost", definerOf("trigger", app2, "posts_note"));
        assertEquals(writer2 + "@localhost", definerOf("procedure", app2, "count_posts"));
        assertEquals(src.writer() + "@localhost", definerOf("view", src.app(), "titles"), "the source is untouched");

        try (Connection c = login(writer2, src.password(), app2); Statement s = c.createStatement()) {
            s.execute("INSERT INTO posts (id, title) VALUES (4, 'new')"); // the trigger runs as its renamed definer
            try (ResultSet rs = s.executeQuery("SELECT note FROM posts WHERE id = 4")) {
                rs.next();
                assertEquals("by trigger", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM titles")) {
                rs.next();
                assertEquals(4, rs.getInt(1));
            }
            assertThrows(SQLException.class, () -> s.execute("DELETE FROM posts"), "DELETE was not granted");
            assertThrows(SQLException.class, () -> s.executeQuery("SELECT * FROM `" + log2 + "`.entries"), "no grant on the other database");
        }

        // a second restore under the same name finds its names taken: refused, nothing changed
        ApiException taken = assertThrows(ApiException.class, () -> dumps.restore(root, old, bob.username()));
        assertEquals(ApiException.Kind.CONFLICT, taken.kind());
        assertTrue(taken.getMessage().contains(app2), taken.getMessage());
        assertEquals(4, rows(app2).get("posts").size(), "the restored database is untouched");
        login(writer2, src.password(), app2).close();
    }

    @Test
    void aTargetThatExistsRefusesTheRestoreBeforeAnythingChanges() throws Exception {
        Source src = source();
        Path root = stagingDirectory();
        dumps.export(src.account().username(), root);
        TestAccount carol = account(newUsername());
        String token = carol.newToken();
        // only the user's name is taken (the databases are free): still nothing may be created
        Uapi.success(call(carol, token, "create_user", Map.of("name", carol.username() + "_writer", "password", "carols-own-password")));

        ApiException refused = assertThrows(ApiException.class, () -> dumps.restore(root, src.account().username(), carol.username()));
        assertEquals("The user “" + carol.username() + "_writer” already exists.", refused.getMessage());
        assertFalse(databaseExists(carol.username() + "_app"));
        assertFalse(databaseExists(carol.username() + "_log"));
        assertEquals(List.of(), listed(carol, token, "list_databases", "database"));
        login(carol.username() + "_writer", "carols-own-password", "").close(); // carol's user keeps its password
    }

    @Test
    void aFailureHalfWayRemovesWhatTheRestoreCreated() throws Exception {
        Source src = source();
        Path root = stagingDirectory();
        dumps.export(src.account().username(), root);
        Files.writeString(root.resolve("mysql/" + src.log() + ".sql"), "INSERT INTO `no_such_table` VALUES (1);\n", StandardOpenOption.APPEND);
        TestAccount dave = account(newUsername());
        String token = dave.newToken();

        assertThrows(RuntimeException.class, () -> dumps.restore(root, src.account().username(), dave.username()));
        assertFalse(databaseExists(dave.username() + "_app"), "the first database, loaded completely, is dropped again");
        assertFalse(databaseExists(dave.username() + "_log"));
        assertFalse(userExists(dave.username() + "_writer"));
        assertEquals(List.of(), listed(dave, token, "list_databases", "database"));
        assertEquals(List.of(), listed(dave, token, "list_users", "user"));
    }

    @Test
    void discardUndoesARestore() throws Exception {
        Source src = source();
        Path root = stagingDirectory();
        dumps.export(src.account().username(), root);
        TestAccount erin = account(newUsername());
        String token = erin.newToken();
        dumps.restore(root, src.account().username(), erin.username());
        assertTrue(databaseExists(erin.username() + "_app"));

        dumps.discard(root, src.account().username(), erin.username());
        assertFalse(databaseExists(erin.username() + "_app"));
        assertFalse(databaseExists(erin.username() + "_log"));
        assertFalse(userExists(erin.username() + "_writer"));
        assertEquals(List.of(), listed(erin, token, "list_databases", "database"));
        assertTrue(databaseExists(src.app()), "the source account's databases stay");
    }

    @Test
    void aDumpWithAStatementBeyondItsDatabaseIsRefusedBeforeAnythingChanges() throws Exception {
        Source src = source();
        Path root = stagingDirectory();
        dumps.export(src.account().username(), root);
        Files.writeString(root.resolve("mysql/" + src.log() + ".sql"), "GRANT ALL PRIVILEGES ON *.* TO `" + src.writer() + "`@`localhost`;\n",
                StandardOpenOption.APPEND);
        TestAccount frank = account(newUsername());

        ApiException refused = assertThrows(ApiException.class, () -> dumps.restore(root, src.account().username(), frank.username()));
        assertTrue(refused.getMessage().contains("does not belong in the dump of one database"), refused.getMessage());
        assertFalse(databaseExists(frank.username() + "_app"));
    }

    /** The issue's "done when": the dump file alone, loaded by the mariadb client into a fresh database, gives the same rows. */
    @Test
    void theMariadbClientLoadsADumpFileIntoAFreshDatabase() throws Exception {
        Source src = source();
        Path root = stagingDirectory();
        dumps.export(src.account().username(), root);
        String fresh = src.account().username() + "_fresh";
        rootExecute("CREATE DATABASE `" + fresh + "`");
        try {
            // the test profile's hosting admin is root without a password: no secret in these arguments
            Process p = new ProcessBuilder("mariadb", "--protocol=TCP", "-h", "127.0.0.1", "-u", "root", fresh)
                    .redirectInput(root.resolve("mysql/" + src.log() + ".sql").toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), output);
            assertEquals(rows(src.log()), rows(fresh));
        } finally {
            rootExecute("DROP DATABASE IF EXISTS `" + fresh + "`");
        }
    }

    @Test
    void definersAndDatabaseNamesAreRenamedOnlyOutsideTheRows() throws IOException {
        String dump = String.join("\n",
                "/*!50013 DEFINER=`old_w`@`localhost` SQL SECURITY DEFINER */",
                "INSERT INTO `t` VALUES ('DEFINER=`old_w`@`localhost` old_db',",
                "('old_db.t'),",
                "(0x6F6C645F6462);",
                "ALTER DATABASE `old_db` CHARACTER SET latin1 COLLATE latin1_swedish_ci ;",
                "/*!50003 TRIGGER `old_db`.tr BEFORE INSERT ON old_db.t FOR EACH ROW SET NEW.a = 'old_dbx' */;;",
                "INSERT INTO `t` VALUES ('old_db');",
                "");
        String expected = String.join("\n",
                "/*!50013 DEFINER=`new_w`@`localhost` SQL SECURITY DEFINER */",
                "INSERT INTO `t` VALUES ('DEFINER=`old_w`@`localhost` old_db',",
                "('old_db.t'),",
                "(0x6F6C645F6462);",
                "ALTER DATABASE `new_db` CHARACTER SET latin1 COLLATE latin1_swedish_ci ;",
                "/*!50003 TRIGGER `new_db`.tr BEFORE INSERT ON new_db.t FOR EACH ROW SET NEW.a = 'old_dbx' */;;",
                "INSERT INTO `t` VALUES ('old_db');",
                "");
        try (InputStream renamed = new DatabaseDumpService.Renaming(new ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)),
                Map.of("old_db", "new_db"), Map.of("old_w", "new_w"))) {
            assertEquals(expected, new String(renamed.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void mysqlSqlLinesAreAsPkgacctWritesThem() {
        assertEquals("GRANT USAGE ON *.* TO 'al_w'@'localhost' IDENTIFIED BY PASSWORD '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'",
                DatabaseDumpService.usageLine("al_w", "localhost", new HostingServer.Identity("mysql_native_password", "*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19")));
        assertEquals("GRANT USAGE ON *.* TO 'al_w'@'::1' IDENTIFIED VIA ed25519 USING 'ZIgUREUg5PVgQ6LskhXmO+eZLS0nC8be6HPjYWR4YJY'",
                DatabaseDumpService.usageLine("al_w", "::1", new HostingServer.Identity("ed25519", "ZIgUREUg5PVgQ6LskhXmO+eZLS0nC8be6HPjYWR4YJY")));
        assertEquals(null, DatabaseDumpService.usageLine("al_w", "localhost", new HostingServer.Identity("unix_socket", "")), "no password to carry");
        assertEquals("GRANT ALL PRIVILEGES ON `al\\_app`.* TO 'al_w'@'localhost'", DatabaseDumpService.grantLine("ALL PRIVILEGES", "al_app", "al_w", "localhost"));
        List<String> all = new ArrayList<>(MysqlService.PRIVILEGES);
        all.add("DELETE HISTORY");
        assertEquals("ALL PRIVILEGES", DatabaseDumpService.grantable(all));
        assertEquals("INSERT, SELECT", DatabaseDumpService.grantable(List.of("SELECT", "INSERT")));
        assertEquals(null, DatabaseDumpService.grantable(List.of()));
    }
}
