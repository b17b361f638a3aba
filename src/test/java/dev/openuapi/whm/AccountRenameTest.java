package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Sessions;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * WHM API 1 {@code modifyacct newuser}: the account's rename (issue 15 §2). cPanel's reference: api.docs.cpanel.net
 * WHM API 1 modifyacct ({@code user}: "The cPanel account's current username."; the example
 * {@code /json-api/modifyacct?api.version=1&user=tweedledee&QUOTA=unlimited&newuser=tweedledum}, answer
 * {@code {"metadata":{"command":"modifyacct","reason":"OK","result":1,"version":1}, …}}), and WHM's "Modify an Account"
 * page: the new username must be unique, 16 characters or fewer, letters and digits, not starting with a digit; "Only
 * the root user can rename a self-owned reseller account."; "Rename prefixed databases and database users" (on by
 * default); "The system renames the user's home directory." Every test account is named hb… (MySQL users and databases
 * are server-wide, shared with other test runs).
 */
@QuarkusTest
class AccountRenameTest {

    record Account(String user, String password, String domain) {
        RequestSpecification withPassword() {
            return given().auth().preemptive().basic(user, password);
        }
    }

    /** Every name an account of this test had: each test removes its accounts, with their databases and users. */
    static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    static String name() {
        String name = "hb" + Fixtures.randomSuffix(8);
        NAMES.add(name);
        return name;
    }

    @AfterEach
    void removeTheAccounts() {
        List<String> listed = listedUsers();
        for (String user : NAMES) {
            if (listed.contains(user)) {
                WhmChecks.ok(asRoot(), "removeacct", Map.of("username", user));
            }
        }
        NAMES.clear();
    }

    static Account create(Map<String, String> extra) {
        String user = name();
        String password = "pw-" + Fixtures.randomSuffix(16);
        Map<String, String> args = new java.util.HashMap<>(Map.of("username", user, "domain", user + ".example", "password", password));
        args.putAll(extra);
        WhmChecks.ok(asRoot(), "createacct", args);
        return new Account(user, password, user + ".example");
    }

    static String token(Account account) {
        return account.withPassword().contentType(ContentType.JSON).body(Map.of("name", "t" + Fixtures.randomSuffix(8)))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
    }

    static int uapiStatus(RequestSpecification as) {
        return as.get("/execute/Tokens/list").then().extract().statusCode();
    }

    static String uapi(String user, String token, String function, Map<String, String> args) {
        return given().header("Authorization", "cpanel " + user + ":" + token).formParams(args).post("/execute/" + function).then()
                .statusCode(200).extract().asString();
    }

    static JsonNode rename(RequestSpecification as, String user, String newUser) {
        return Whm.json(as, "modifyacct", Map.of("user", user, "newuser", newUser));
    }

    static List<String> listedUsers() {
        return Whm.names(WhmChecks.ok(asRoot(), "listaccts", Map.of()).get("data").get("acct"), "user");
    }

    // --- the hosting MariaDB server, as root and as a database user ---

    static Connection root() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
    }

    static Connection login(String user, String password, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, user, password);
    }

    static boolean databaseExists(String name) throws SQLException {
        try (Connection c = root(); PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static boolean userExists(String name) throws SQLException {
        try (Connection c = root(); PreparedStatement s = c.prepareStatement("SELECT 1 FROM mysql.user WHERE User = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void rootExecute(String sql) throws SQLException {
        try (Connection c = root(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<String> userHosts() {
        return List.of(ConfigProvider.getConfig().getOptionalValue("openuapi.mysql.user-hosts", String.class).orElse("localhost,127.0.0.1,::1")
                .split(","));
    }

    static String titleIn(String user, String password, String database) throws SQLException {
        try (Connection c = login(user, password, database); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT title FROM posts WHERE id = 1")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    /** An account with a database {@code <user>_shop} and a user {@code <user>_app} holding ALL on it, and one row. */
    record WithDatabase(Account account, String token, String database, String dbUser, String dbPassword) {
    }

    static WithDatabase withDatabase() throws SQLException {
        Account account = create(Map.of());
        String token = token(account);
        String database = account.user() + "_shop";
        String dbUser = account.user() + "_app";
        String dbPassword = "Db-" + Fixtures.randomSuffix(16);
        Uapi.success(uapi(account.user(), token, "Mysql/create_database", Map.of("name", database)));
        Uapi.success(uapi(account.user(), token, "Mysql/create_user", Map.of("name", dbUser, "password", dbPassword)));
        Uapi.success(uapi(account.user(), token, "Mysql/set_privileges_on_database", Map.of("user", dbUser, "database", database)));
        try (Connection c = login(dbUser, dbPassword, database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(100)) ENGINE=InnoDB");
            s.execute("INSERT INTO posts VALUES (1, 'kept through the rename')");
        }
        return new WithDatabase(account, token, database, dbUser, dbPassword);
    }

    @Test
    void theAccountAnswersToItsNewNameAndItsTokenKeepsWorking() {
        Account alice = create(Map.of());
        String token = token(alice);
        Sessions.Session session = Sessions.login(alice.user(), alice.password());
        assertEquals(200, session.withCookie().get(session.under("/execute/Tokens/list")).statusCode());
        String newName = name();

        JsonNode answer = WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", alice.user(), "newuser", newName));
        assertEquals("modifyacct", answer.get("metadata").get("command").textValue());

        List<String> users = listedUsers();
        assertTrue(users.contains(newName), users.toString());
        assertFalse(users.contains(alice.user()), "the old name no longer exists");
        JsonNode summary = WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", newName)).get("data").get("acct").get(0);
        assertEquals(newName, summary.get("user").textValue());
        assertEquals(alice.domain(), summary.get("domain").textValue(), "the domain does not change");
        assertEquals("The account “" + alice.user() + "” does not exist.",
                Whm.reason(asRoot(), "accountsummary", Map.of("user", alice.user())));

        // spec §3.4: the same token under the new name; under the old name it is refused (that name no longer exists)
        assertEquals(200, uapiStatus(given().header("Authorization", "cpanel " + newName + ":" + token)));
        assertEquals(401, uapiStatus(given().header("Authorization", "cpanel " + alice.user() + ":" + token)));
        assertEquals(200, uapiStatus(given().auth().preemptive().basic(newName, alice.password())), "the password logs in under the new name");
        assertEquals(401, uapiStatus(alice.withPassword()));
        assertEquals(401, session.withCookie().get(session.under("/execute/Tokens/list")).statusCode(),
                "a session issued to the old name ends: its user logs in again under the new one");

        // the home directory is <root>/<new name>: the document root and the zone follow
        String home = Fixtures.homeOf(given().auth().preemptive().basic(newName, alice.password()));
        assertEquals(newName, java.nio.file.Path.of(home).getFileName().toString());
        JsonNode userdata = WhmChecks.ok(asRoot(), "domainuserdata", Map.of("domain", alice.domain())).get("data").get("userdata");
        assertEquals(home + "/public_html", userdata.get("documentroot").textValue());
        assertEquals(home, userdata.get("homedir").textValue());
        assertEquals(newName, userdata.get("user").textValue());
        Uapi.success(uapi(newName, token, "DNS/parse_zone", Map.of("zone", alice.domain())));
    }

    @Test
    void ftpLoginsKeepTheirNamesAndTheirDirectoriesFollowTheHome() {
        Account alice = create(Map.of());
        String token = token(alice);
        Uapi.success(uapi(alice.user(), token, "Ftp/add_ftp", Map.of("user", "deploy", "pass", "ftp-password-1")));
        String oldHome = Fixtures.homeOf(given().auth().preemptive().basic(alice.user(), alice.password()));
        String newName = name();
        WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", alice.user(), "newuser", newName));

        String home = Fixtures.homeOf(given().auth().preemptive().basic(newName, alice.password()));
        assertEquals(java.nio.file.Path.of(oldHome).resolveSibling(newName).toString(), home, "the home moved beside the old one");
        assertFalse(java.nio.file.Files.exists(java.nio.file.Path.of(oldHome)), "nothing is left at " + oldHome);
        JsonNode logins = Uapi.success(uapi(newName, token, "Ftp/list_ftp", Map.of())).get("data");
        assertEquals(newName, logins.get(0).get("user").textValue(), "the main FTP login is the username: " + logins);
        assertEquals(home, logins.get(0).get("homedir").textValue());
        assertEquals("deploy@" + alice.domain(), logins.get(1).get("user").textValue(), "an FTP login at the domain keeps its name");
        assertEquals(home + "/public_html/deploy", logins.get(1).get("homedir").textValue());
        assertTrue(java.nio.file.Files.isDirectory(java.nio.file.Path.of(home, "public_html", "deploy")), "the FTP directory moved with the home");
    }

    @Test
    void theDatabasesAndDatabaseUsersTakeTheNewPrefixWithTheirData() throws Exception {
        WithDatabase w = withDatabase();
        String newName = name();
        WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", w.account().user(), "newuser", newName));

        String newDatabase = newName + "_shop";
        String newDbUser = newName + "_app";
        assertFalse(databaseExists(w.database()), "the old database is gone");
        assertTrue(databaseExists(newDatabase));
        assertFalse(userExists(w.dbUser()), "the old database user is gone");
        assertEquals("kept through the rename", titleIn(newDbUser, w.dbPassword(), newDatabase), "the row, read by the renamed user");
        try (Connection c = login(newDbUser, w.dbPassword(), newDatabase); Statement s = c.createStatement()) {
            s.execute("INSERT INTO posts VALUES (2, 'written after')"); // its privileges moved with it
        }
        assertThrows(SQLException.class, () -> login(w.dbUser(), w.dbPassword(), newDatabase).close());
        try (Connection c = root(); PreparedStatement s = c.prepareStatement("SELECT Db FROM mysql.db WHERE User = ? ORDER BY Db")) {
            s.setString(1, newDbUser);
            List<String> grants = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grants.add(rs.getString(1).replace("\\_", "_"));
                }
            }
            assertEquals(java.util.Collections.nCopies(userHosts().size(), newDatabase), grants, "grants on the new database only, one per host");
        }

        JsonNode databases = Uapi.success(uapi(newName, w.token(), "Mysql/list_databases", Map.of())).get("data");
        assertEquals(newDatabase, databases.get(0).get("database").textValue(), databases.toString());
        assertEquals("[\"" + newDbUser + "\"]", databases.get(0).get("users").toString());
        JsonNode users = Uapi.success(uapi(newName, w.token(), "Mysql/list_users", Map.of())).get("data");
        assertEquals(newDbUser, users.get(0).get("user").textValue(), users.toString());
        assertEquals("app", users.get(0).get("shortuser").textValue());

        // they are the account's under their new names: removing the account removes them
        WhmChecks.ok(asRoot(), "removeacct", Map.of("username", newName));
        assertFalse(databaseExists(newDatabase));
        assertFalse(userExists(newDbUser));
    }

    @Test
    void aTakenTargetDatabaseRefusesTheRenameAndChangesNothing() throws Exception {
        WithDatabase w = withDatabase();
        String newName = name();
        rootExecute("CREATE DATABASE `" + newName + "_shop`"); // not the account's: someone else's on the same server
        try {
            JsonNode refused = rename(asRoot(), w.account().user(), newName);
            assertEquals(0, refused.get("metadata").get("result").intValue(), refused.toString());
            assertEquals("This MySQL cluster already has a database named “" + newName + "_shop”.", refused.get("metadata").get("reason").textValue());
            assertUnchanged(w, newName);
        } finally {
            rootExecute("DROP DATABASE IF EXISTS `" + newName + "_shop`");
        }
    }

    @Test
    void aFailureHalfWayOnTheServerUndoesEveryStep() throws Exception {
        WithDatabase w = withDatabase();
        String newName = name();
        List<String> hosts = userHosts();
        String lastHost = hosts.get(hosts.size() - 1);
        // the database moves and the user is renamed on the other hosts before this one refuses: all of it must be undone
        rootExecute("CREATE USER '" + newName + "_app'@'" + lastHost + "' IDENTIFIED BY 'x-" + Fixtures.randomSuffix(12) + "'");
        try {
            JsonNode refused = rename(asRoot(), w.account().user(), newName);
            assertEquals(0, refused.get("metadata").get("result").intValue(), refused.toString());
            assertEquals("The user “" + newName + "_app” already exists.", refused.get("metadata").get("reason").textValue());
            assertUnchanged(w, newName);
            try (Connection c = root(); PreparedStatement s = c.prepareStatement("SELECT Host FROM mysql.user WHERE User = ?")) {
                s.setString(1, newName + "_app");
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(lastHost, rs.getString(1));
                    assertFalse(rs.next(), "only the user that was there already");
                }
            }
        } finally {
            rootExecute("DROP USER IF EXISTS '" + newName + "_app'@'" + lastHost + "'");
        }
    }

    @Test
    void aViewOrANameTooLongForTheServerRefusesTheRenameBeforeAnythingChanges() throws Exception {
        WithDatabase w = withDatabase();
        try (Connection c = login(w.dbUser(), w.dbPassword(), w.database()); Statement s = c.createStatement()) {
            s.execute("CREATE VIEW titles AS SELECT title FROM posts");
        }
        String newName = name();
        assertEquals("The database “" + w.database() + "” cannot be renamed without losing its view titles: only tables can move to another "
                + "database. Drop them, rename the account, then create them again.",
                rename(asRoot(), w.account().user(), newName).get("metadata").get("reason").textValue());
        assertUnchanged(w, newName);
        try (Connection c = login(w.dbUser(), w.dbPassword(), w.database()); Statement s = c.createStatement()) {
            s.execute("DROP VIEW titles");
        }

        // a 64-character database name (MariaDB's longest) with a 10-character prefix has no room for a 16-character one
        String longest = w.account().user() + "_" + "x".repeat(64 - w.account().user().length() - 1);
        Uapi.success(uapi(w.account().user(), w.token(), "Mysql/create_database", Map.of("name", longest)));
        String longName = "hb" + Fixtures.randomSuffix(14);
        String renamedLongest = longName + longest.substring(w.account().user().length());
        assertEquals("The database “" + longest + "” would be named “" + renamedLongest + "”, which is longer than 64 characters. "
                + "Rename or remove it, or choose a shorter username.",
                rename(asRoot(), w.account().user(), longName).get("metadata").get("reason").textValue());
        assertTrue(databaseExists(longest));
        assertEquals("kept through the rename", titleIn(w.dbUser(), w.dbPassword(), w.database()));
        assertTrue(listedUsers().contains(w.account().user()));
    }

    /** The account, its token, database, user, row and privileges are all as before the refused rename. */
    private static void assertUnchanged(WithDatabase w, String newName) throws SQLException {
        List<String> users = listedUsers();
        assertTrue(users.contains(w.account().user()), users.toString());
        assertFalse(users.contains(newName));
        assertEquals(200, uapiStatus(given().header("Authorization", "cpanel " + w.account().user() + ":" + w.token())));
        assertTrue(databaseExists(w.database()));
        assertEquals("kept through the rename", titleIn(w.dbUser(), w.dbPassword(), w.database()), "the data and the user's password and privileges");
        JsonNode databases = Uapi.success(uapi(w.account().user(), w.token(), "Mysql/list_databases", Map.of())).get("data");
        assertEquals(w.database(), databases.get(0).get("database").textValue(), databases.toString());
        assertEquals("[\"" + w.dbUser() + "\"]", databases.get(0).get("users").toString());
    }

    @Test
    void anInvalidTakenOrReservedNameIsRefusedAndChangesNothing() {
        Account alice = create(Map.of());
        Account bob = create(Map.of());
        assertEquals("An account with the username “" + bob.user() + "” already exists.",
                rename(asRoot(), alice.user(), bob.user()).get("metadata").get("reason").textValue());
        assertEquals("The username must match ^[a-z][a-z0-9]{0,15}$ (a lowercase letter, then up to 15 lowercase letters or digits).",
                rename(asRoot(), alice.user(), "9" + alice.user()).get("metadata").get("reason").textValue());
        assertEquals("The username must match ^[a-z][a-z0-9]{0,15}$ (a lowercase letter, then up to 15 lowercase letters or digits).",
                rename(asRoot(), alice.user(), "hb" + Fixtures.randomSuffix(15)).get("metadata").get("reason").textValue(), "17 characters");
        assertEquals("The username “root” is reserved.", rename(asRoot(), alice.user(), "root").get("metadata").get("reason").textValue());
        // cPanel's rename_database_objects=0 keeps the old database names; here they always follow, so 0 is refused
        assertEquals("OpenUAPI renames an account's prefixed databases and database users with the account: "
                + "“rename_database_objects” cannot be 0.", Whm.json(asRoot(), "modifyacct", Map.of("user", alice.user(),
                        "newuser", alice.user() + "x", "rename_database_objects", "0")).get("metadata").get("reason").textValue());
        // modifyacct is one transaction: a refused rename leaves its other changes unmade too
        String email = WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", alice.user())).get("data").get("acct").get(0).get("email").textValue();
        assertEquals(0, Whm.json(asRoot(), "modifyacct", Map.of("user", alice.user(), "contactemail", "changed@" + alice.domain(),
                "newuser", bob.user())).get("metadata").get("result").intValue());
        assertEquals(email, WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", alice.user())).get("data").get("acct").get(0)
                .get("email").textValue());
        List<String> users = listedUsers();
        assertTrue(users.contains(alice.user()) && users.contains(bob.user()), users.toString());
        assertEquals(200, uapiStatus(alice.withPassword()));
        // the same name again is no change, as cPanel documents for any modifyacct argument
        WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", alice.user(), "newuser", alice.user()));
        assertEquals(200, uapiStatus(alice.withPassword()));
    }

    @Test
    void aResellersAccountsAndWhmTokensFollowItsNewName() {
        Account reseller = create(Map.of());
        WhmChecks.ok(asRoot(), "setupreseller", Map.of("user", reseller.user(), "makeowner", "1"));
        WhmChecks.ok(asRoot(), "setacls", Map.of("reseller", reseller.user(), "acl-list-accts", "1", "acl-acct-summary", "1",
                "acl-edit-account", "1", "acl-manage-api-tokens", "1"));
        Account customer = create(Map.of("owner", reseller.user()));
        String whmToken = Whm.token(reseller.withPassword());

        // a reseller that owns itself is renamed by root only
        assertEquals("Only the root user can rename a self-owned reseller account.",
                rename(reseller.withPassword(), reseller.user(), name()).get("metadata").get("reason").textValue());

        String newName = name();
        WhmChecks.ok(asRoot(), "modifyacct", Map.of("user", reseller.user(), "newuser", newName));

        JsonNode owned = WhmChecks.ok(Whm.withToken(newName, whmToken), "listaccts", Map.of()).get("data").get("acct");
        List<String> users = Whm.names(owned, "user");
        assertEquals(java.util.stream.Stream.of(customer.user(), newName).sorted().toList(), users.stream().sorted().toList(), "its WHM token, under its new name, sees what it owns");
        for (JsonNode acct : owned) {
            assertEquals(newName, acct.get("owner").textValue(), acct.toString());
        }
        assertEquals(newName, WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", customer.user())).get("data").get("acct").get(0)
                .get("owner").textValue());
        String resellers = WhmChecks.ok(asRoot(), "listresellers", Map.of()).get("data").get("reseller").toString();
        assertTrue(resellers.contains("\"" + newName + "\""), "still a reseller, under its new name: " + resellers);
        assertFalse(resellers.contains("\"" + reseller.user() + "\""), resellers);
        assertEquals(403, given().header("Authorization", "whm " + reseller.user() + ":" + whmToken).queryParam("api.version", "1")
                .get("/json-api/listaccts").then().extract().statusCode(), "the old name no longer exists");

        // and the reseller renames the accounts it owns
        String customerName = name();
        WhmChecks.ok(Whm.withToken(newName, whmToken), "modifyacct", Map.of("user", customer.user(), "newuser", customerName));
        assertEquals(newName, WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", customerName)).get("data").get("acct").get(0)
                .get("owner").textValue());
    }
}
