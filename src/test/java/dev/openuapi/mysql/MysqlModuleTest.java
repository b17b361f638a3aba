package dev.openuapi.mysql;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * UAPI Mysql on the real MariaDB server: what the API creates accepts a login, and what it deletes is gone. Function
 * and field names follow spec §9.1 rows 15-22; the error wordings are OpenUAPI's own.
 */
@QuarkusTest
class MysqlModuleTest {

    static String call(TestAccount account, String token, String function, Map<String, String> args) {
        return account.withToken(token).formParams(args).post("/execute/Mysql/" + function).then().statusCode(200).extract().asString();
    }

    static Connection login(String user, String password, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + database, user, password);
    }

    /** OpenUAPI's own database, as configured for this run (the test profile's, or -D overrides). */
    static String ownDatabase() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String path = url.substring(url.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** openuapi.mysql.user-hosts: each database user exists once per host, created in this order. */
    static List<String> userHosts() {
        return List.of(ConfigProvider.getConfig().getOptionalValue("openuapi.mysql.user-hosts", String.class).orElse("localhost,127.0.0.1,::1")
                .split(","));
    }

    static Connection root() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
    }

    /** The hosts for which mysql.user has this user. */
    static List<String> hostsOf(String user) throws SQLException {
        try (Connection root = root(); PreparedStatement s = root.prepareStatement("SELECT Host FROM mysql.user WHERE User = ? ORDER BY Host")) {
            s.setString(1, user);
            List<String> hosts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hosts.add(rs.getString(1));
                }
            }
            return hosts;
        }
    }

    static void rootExecute(String sql) throws SQLException {
        try (Connection root = root(); Statement s = root.createStatement()) {
            s.execute(sql);
        }
    }

    static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    /**
     * CREATE USER runs once per host; when it fails on the second host (the user already exists there, error
     * 1396), the call fails, keeps no ownership row, and drops what it made on the first host, while the user
     * that was already there stays.
     */
    @Test
    void aCreateUserThatFailsOnTheSecondHostLeavesNothingBehind() throws Exception {
        List<String> hosts = userHosts();
        org.junit.jupiter.api.Assumptions.assumeTrue(hosts.size() >= 2, "needs two user hosts: " + hosts);
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String user = alice.username() + "_half";
        rootExecute("CREATE USER '" + user + "'@'" + hosts.get(1) + "' IDENTIFIED BY 'someone-elses-password'");
        try {
            Uapi.failure(call(alice, token, "create_user", Map.of("name", user, "password", "long-enough")),
                    "The user “" + user + "” already exists."); // OpenUAPI's own wording, not cPanel's
            assertEquals(0, Uapi.success(call(alice, token, "list_users", Map.of())).get("data").size(), "no ownership row");
            assertEquals(List.of(hosts.get(1)), hostsOf(user), "the first host's user was dropped; the one already there stays");
            Uapi.failure(call(alice, token, "delete_user", Map.of("name", user)), "The user “" + user + "” does not exist.");
            assertEquals(List.of(hosts.get(1)), hostsOf(user), "and it is still not the account's to delete");
        } finally {
            rootExecute("DROP USER IF EXISTS '" + user + "'@'" + hosts.get(1) + "'");
        }
        // once the name is free the same call works on every host
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", "long-enough")));
        assertEquals(sorted(hosts), hostsOf(user));
        Uapi.success(call(alice, token, "delete_user", Map.of("name", user)));
        assertEquals(List.of(), hostsOf(user));
    }

    /** RENAME USER runs once per host too: a failure on the second host renames the first one back. */
    @Test
    void aRenameUserThatFailsOnTheSecondHostChangesNothing() throws Exception {
        List<String> hosts = userHosts();
        org.junit.jupiter.api.Assumptions.assumeTrue(hosts.size() >= 2, "needs two user hosts: " + hosts);
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String user = alice.username() + "_old";
        String taken = alice.username() + "_new";
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", "long-enough")));
        rootExecute("CREATE USER '" + taken + "'@'" + hosts.get(1) + "' IDENTIFIED BY 'someone-elses-password'");
        try {
            Uapi.failure(call(alice, token, "rename_user", Map.of("oldname", user, "newname", taken)),
                    "The user “" + taken + "” already exists."); // OpenUAPI's own wording, not cPanel's
            JsonNode users = Uapi.success(call(alice, token, "list_users", Map.of())).get("data");
            assertEquals(1, users.size(), users.toString());
            assertEquals(user, users.get(0).get("user").textValue());
            assertEquals(sorted(hosts), hostsOf(user), "the old name is back on every host");
            assertEquals(List.of(hosts.get(1)), hostsOf(taken), "only the user that was already there has the new name");
        } finally {
            rootExecute("DROP USER IF EXISTS '" + taken + "'@'" + hosts.get(1) + "'");
        }
        login(user, "long-enough", "").close();
        Uapi.success(call(alice, token, "delete_user", Map.of("name", user)));
        assertEquals(List.of(), hostsOf(user));
    }

    static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void aDatabaseAndUserMadeThroughTheApiReallyWork() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String db = alice.username() + "_app";
        String user = alice.username() + "_appuser";
        String password = "Pw-" + Fixtures.randomSuffix(16);
        Uapi.success(call(alice, token, "create_database", Map.of("name", db)));
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", password)));
        Uapi.success(call(alice, token, "set_privileges_on_database", Map.of("user", user, "database", db, "privileges", "ALL PRIVILEGES")));

        try (Connection c = login(user, password, db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE posts (id INT PRIMARY KEY, title VARCHAR(100))");
            s.execute("INSERT INTO posts VALUES (1, 'hello')");
        }

        JsonNode databases = Uapi.success(call(alice, token, "list_databases", Map.of())).get("data");
        assertEquals(db, databases.get(0).get("database").textValue());
        assertTrue(databases.get(0).get("disk_usage").isIntegralNumber());
        assertEquals(List.of(user), List.of(databases.get(0).get("users").get(0).textValue()));
        JsonNode users = Uapi.success(call(alice, token, "list_users", Map.of())).get("data");
        assertEquals(user, users.get(0).get("user").textValue());
        assertEquals("appuser", users.get(0).get("shortuser").textValue());
        assertEquals(db, users.get(0).get("databases").get(0).textValue());

        String newPassword = "Pw2-" + Fixtures.randomSuffix(16);
        assertEquals("[]", Uapi.success(call(alice, token, "set_password", Map.of("user", user, "password", newPassword)))
                .get("data").get("failures").toString());
        assertThrows(SQLException.class, () -> login(user, password, db).close(), "the old password no longer works");
        login(user, newPassword, db).close();

        Uapi.success(call(alice, token, "delete_database", Map.of("name", db)));
        Uapi.success(call(alice, token, "delete_user", Map.of("name", user)));
        assertThrows(SQLException.class, () -> login(user, newPassword, "").close(), "the login fails after delete_user");
        assertEquals(0, Uapi.success(call(alice, token, "list_databases", Map.of())).get("data").size());
    }

    @Test
    void namesNeedThePrefixAndSafeCharacters() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String prefix = alice.username() + "_";
        JsonNode restrictions = Uapi.success(call(alice, token, "get_restrictions", Map.of())).get("data");
        assertEquals(prefix, restrictions.get("prefix").textValue());
        Uapi.failure(call(alice, token, "create_database", Map.of("name", "wordpress")),
                "The database name “wordpress” must begin with the prefix “" + prefix + "”, followed by the rest of the name.");
        for (String evil : List.of(prefix + "x`; DROP DATABASE mysql; --", prefix + "a b", prefix + "x'")) {
            Uapi.failure(call(alice, token, "create_database", Map.of("name", evil)),
                    "“" + evil + "” is not a valid database name: use only letters, digits and underscores.");
        }
        Uapi.failure(call(alice, token, "create_database", Map.of("name", prefix + "x".repeat(64))),
                "The database name “" + prefix + "x".repeat(64) + "” is longer than 64 characters.");
        Uapi.failure(call(alice, token, "create_user", Map.of("name", prefix + "u", "password", "short")),
                "The password must be at least 8 characters long.");
        Uapi.failure(call(alice, token, "set_privileges_on_database", Map.of("user", prefix + "u", "database", prefix + "d")),
                "The user “" + prefix + "u” does not exist.");
        Uapi.success(call(alice, token, "create_database", Map.of("name", prefix + "dup")));
        Uapi.failure(call(alice, token, "create_database", Map.of("name", prefix + "dup")), "The database “" + prefix + "dup” already exists.");
        Uapi.success(call(alice, token, "create_user", Map.of("name", prefix + "u", "password", "long-enough")));
        Uapi.failure(call(alice, token, "set_privileges_on_database", Map.of("user", prefix + "u", "database", prefix + "dup",
                "privileges", "SELECT,SUPER")), "“SUPER” is not a privilege that can be granted on a database.");
        Uapi.success(call(alice, token, "delete_database", Map.of("name", prefix + "dup")));
        Uapi.success(call(alice, token, "delete_user", Map.of("name", prefix + "u")));
    }

    @Test
    void anAccountCannotTouchAnotherAccountsOrTheSystemsDatabases() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String aliceToken = alice.newToken();
        String bobToken = bob.newToken();
        String db = alice.username() + "_private";
        Uapi.success(call(alice, aliceToken, "create_database", Map.of("name", db)));
        Uapi.failure(call(bob, bobToken, "delete_database", Map.of("name", db)), "The database “" + db + "” does not exist.");
        Uapi.success(call(bob, bobToken, "create_user", Map.of("name", bob.username() + "_u", "password", "long-enough")));
        Uapi.failure(call(bob, bobToken, "set_privileges_on_database", Map.of("user", bob.username() + "_u", "database", db)),
                "The database “" + db + "” does not exist.");
        for (String system : List.of("mysql", ownDatabase(), "information_schema")) {
            Uapi.failure(call(bob, bobToken, "delete_database", Map.of("name", system)), "The database “" + system + "” does not exist.");
        }
        assertEquals(0, Uapi.success(call(bob, bobToken, "list_databases", Map.of())).get("data").size());
        assertEquals(1, Uapi.success(call(alice, aliceToken, "list_databases", Map.of())).get("data").size());
        Uapi.success(call(alice, aliceToken, "delete_database", Map.of("name", db)));
        Uapi.success(call(bob, bobToken, "delete_user", Map.of("name", bob.username() + "_u")));
    }

    @Test
    void removingTheAccountDropsItsDatabasesAndUsers() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String db = alice.username() + "_gone";
        String user = alice.username() + "_gone";
        Uapi.success(call(alice, token, "create_database", Map.of("name", db)));
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", "long-enough")));
        Uapi.success(call(alice, token, "set_privileges_on_database", Map.of("user", user, "database", db)));
        login(user, "long-enough", db).close();
        Fixtures.asRoot().delete("/api/v1/accounts/" + alice.username()).then().statusCode(204);
        assertThrows(SQLException.class, () -> login(user, "long-enough", "").close());
        try (Connection root = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                var rs = root.createStatement().executeQuery("SHOW DATABASES LIKE '" + db + "'")) {
            assertTrue(!rs.next(), "the database is gone");
        }
    }

    /**
     * Key names: spec §9.1 rows 15 and 18, and cPanel's get_restrictions reference (its example
     * {"max_database_name_length":64,"max_username_length":16,"prefix":"user_"}). The key order is OpenUAPI's,
     * pinned here so that it cannot drift.
     */
    @Test
    void everyRowKeepsItsKeysInOneOrder() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String prefix = alice.username() + "_";
        String db = prefix + "rows";
        String user = prefix + "rowsuser";
        Uapi.success(call(alice, token, "create_database", Map.of("name", db)));
        Uapi.success(call(alice, token, "create_database", Map.of("name", prefix + "alone")));
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", "long-enough")));
        Uapi.success(call(alice, token, "set_privileges_on_database", Map.of("user", user, "database", db, "privileges", "SELECT")));

        JsonNode databases = Uapi.success(call(alice, token, "list_databases", Map.of())).get("data");
        assertEquals(2, databases.size(), databases.toString());
        assertEquals(List.of("database", "disk_usage", "users"), keys(databases.get(0)));
        assertEquals(prefix + "alone", databases.get(0).get("database").textValue(), "sorted by name");
        assertEquals("[]", databases.get(0).get("users").toString());
        assertEquals(0, databases.get(0).get("disk_usage").longValue(), "no tables yet");
        assertEquals("[\"" + user + "\"]", databases.get(1).get("users").toString());

        JsonNode users = Uapi.success(call(alice, token, "list_users", Map.of())).get("data");
        assertEquals(1, users.size(), users.toString());
        assertEquals(List.of("user", "shortuser", "databases"), keys(users.get(0)));
        assertEquals("rowsuser", users.get(0).get("shortuser").textValue());
        assertEquals("[\"" + db + "\"]", users.get(0).get("databases").toString(), "the grant's escaped _ is read back as _");

        // 64 is cPanel's (its reference); 80 is OpenUAPI's own (MariaDB's limit for user names).
        assertEquals("{\"prefix\":\"" + prefix + "\",\"max_database_name_length\":64,\"max_username_length\":80}",
                Uapi.success(call(alice, token, "get_restrictions", Map.of())).get("data").toString());

        Uapi.success(call(alice, token, "revoke_access_to_database", Map.of("user", user, "database", db)));
        assertEquals("[]", Uapi.success(call(alice, token, "list_users", Map.of())).get("data").get(0).get("databases").toString());
        Uapi.success(call(alice, token, "delete_database", Map.of("name", db)));
        Uapi.success(call(alice, token, "delete_database", Map.of("name", prefix + "alone")));
        Uapi.success(call(alice, token, "delete_user", Map.of("name", user)));
    }

    /** set_password answers {failures:[{host, error}]} (spec §9.1 row 22); the error text is OpenUAPI's own. */
    @Test
    void setPasswordReportsTheHostWhereItFailed() throws Exception {
        List<String> hosts = userHosts();
        assertTrue(hosts.size() >= 2, "the test profile creates each user for several hosts: " + hosts);
        String lost = hosts.get(hosts.size() - 1);
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String user = alice.username() + "_half";
        Uapi.success(call(alice, token, "create_user", Map.of("name", user, "password", "long-enough")));
        rootExecute("DROP USER '" + user + "'@'" + lost + "'"); // gone behind OpenUAPI's back
        String newPassword = "Pw3-" + Fixtures.randomSuffix(16);
        JsonNode data = Uapi.success(call(alice, token, "set_password", Map.of("user", user, "password", newPassword))).get("data");
        assertEquals("{\"failures\":[{\"host\":\"" + lost + "\",\"error\":\"The password could not be set for this host.\"}]}",
                data.toString());
        login(user, newPassword, "").close(); // the other hosts took the new password
        Uapi.success(call(alice, token, "delete_user", Map.of("name", user)));
        assertEquals(0, Uapi.success(call(alice, token, "list_users", Map.of())).get("data").size());
    }

    /** The OpenAPI document describes each row: its keys in wire order, their types and descriptions. */
    @Test
    void theOpenApiDocumentDescribesTheRows() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String data = ".get.responses.'200'.content.'application/json'.schema.properties.data";
        String databases = "paths.'/execute/Mysql/list_databases'" + data;
        assertEquals("array", doc.getString(databases + ".type"));
        assertEquals(List.of("database", "disk_usage", "users"), List.copyOf(doc.getMap(databases + ".items.properties").keySet()));
        assertEquals("integer", doc.getString(databases + ".items.properties.disk_usage.type"));
        assertEquals("Bytes of data and indexes, from the server.", doc.getString(databases + ".items.properties.disk_usage.description"));
        assertEquals("string", doc.getString(databases + ".items.properties.users.items.type"));
        String users = "paths.'/execute/Mysql/list_users'" + data + ".items.properties";
        assertEquals(List.of("user", "shortuser", "databases"), List.copyOf(doc.getMap(users).keySet()));
        assertEquals("The name without the prefix.", doc.getString(users + ".shortuser.description"));
        String restrictions = "paths.'/execute/Mysql/get_restrictions'" + data + ".properties";
        assertEquals(List.of("prefix", "max_database_name_length", "max_username_length"), List.copyOf(doc.getMap(restrictions).keySet()));
        assertEquals("integer", doc.getString(restrictions + ".max_username_length.type"));
        String failures = "paths.'/execute/Mysql/set_password'" + data + ".properties.failures";
        assertEquals("array", doc.getString(failures + ".type"));
        assertEquals(List.of("host", "error"), List.copyOf(doc.getMap(failures + ".items.properties").keySet()));
    }
}
