package dev.openuapi.token;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What is at rest: no token value (cPanel or WHM) and no password in any table or in the log, only
 * hashes. Also the IP allow-list check, with the column written directly.
 */
@QuarkusTest
class SecretStorageTest {

    @Inject
    DataSource dataSource;

    @Test
    void noPlaintextTokenOrPasswordIsStoredOrLogged() throws Exception {
        TestAccount alice = newAccount();
        String restToken = alice.newToken("rest");
        String uapiToken = alice.withToken(restToken).queryParam("name", "uapi").get("/execute/Tokens/create_full_access")
                .then().extract().path("data.token");
        JsonNode listed = Uapi.success(alice.withToken(uapiToken).get("/execute/Tokens/list").then().statusCode(200).extract().asString());
        assertEquals(List.of("rest", "uapi"), Whm.names(listed.get("data"), "name").stream().sorted().toList());
        Uapi.success(alice.withToken(restToken).contentType("application/x-www-form-urlencoded").body("name=viaform")
                .post("/execute/Tokens/create_full_access").then().statusCode(200).extract().asString());
        // UAPI takes passwords as GET parameters: the access log must not keep query strings.
        String queryPassword = "QueryPassword" + System.nanoTime();
        Uapi.success(alice.withToken(restToken).queryParam("name", alice.username() + "_logcheck").queryParam("password", queryPassword)
                .get("/execute/Mysql/create_user").then().statusCode(200).extract().asString());
        Uapi.success(alice.withToken(restToken).queryParam("name", alice.username() + "_logcheck").get("/execute/Mysql/delete_user")
                .then().statusCode(200).extract().asString());

        String whmToken = Whm.rootToken();
        JsonNode accounts = Whm.json(Whm.withToken("root", whmToken), "listaccts", Map.of());
        assertEquals(1, accounts.get("metadata").get("result").intValue(), "the WHM token was used");

        String everything = dumpAllTables();
        for (String secret : List.of(restToken, uapiToken, alice.password(), whmToken)) {
            assertFalse(everything.contains(secret), "found a secret at rest");
        }
        // What is stored is sha512_hex(token), 128 lowercase hex characters (spec §3.4, as cPanel's api_tokens_v2 files),
        // computed here independently of the code under test.
        String restHash = storedHash("SELECT t.token_hash FROM api_token t JOIN account a ON a.id = t.account_id"
                + " WHERE a.username = ? AND t.name = ?", alice.username(), "rest");
        assertEquals(sha512Hex(restToken), restHash, "the SHA-512 hex of the token is what is stored");
        assertEquals(sha512Hex(uapiToken), storedHash("SELECT t.token_hash FROM api_token t JOIN account a ON a.id = t.account_id"
                + " WHERE a.username = ? AND t.name = ?", alice.username(), "uapi"));
        String whmHash = storedHash("SELECT token_hash FROM whm_api_token WHERE token_hash = ?", sha512Hex(whmToken));
        for (String hash : List.of(restHash, whmHash)) {
            assertTrue(LOWERCASE_HEX_128.matcher(hash).matches(), "128 lowercase hex characters");
        }
        assertTrue(everything.contains(alice.username()), "the dump did read the tables");

        Path log = Path.of("target/openuapi-test.log");
        Path accessLog = Path.of("target/openuapi-access.log");
        assertTrue(Files.exists(log), "the test profile logs to " + log);
        Thread.sleep(300); // the access log is written in batches, every 0.1 s
        String logged = Files.readString(log, StandardCharsets.UTF_8) + Files.readString(accessLog, StandardCharsets.UTF_8);
        assertTrue(logged.contains("/execute/Tokens/list"), "the access log is on");
        assertTrue(Pattern.compile("(?m)^127\\.0\\.0\\.1 \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] "
                + "\"GET /execute/Tokens/list HTTP/1\\.1\" 200 \\d+ \\d+ms$").matcher(Files.readString(accessLog, StandardCharsets.UTF_8)).find(),
                "an access-log line: address, time (Common Log Format), request line, status, size, duration");
        for (String secret : List.of(restToken, uapiToken, alice.password(), queryPassword, whmToken, Fixtures.ROOT_PASSWORD)) {
            assertFalse(logged.contains(secret), "found a secret in the log");
        }
        assertTrue(logged.contains("\"GET /execute/Mysql/create_user HTTP/1.1\""), "the path is logged, without its query string");
        assertFalse(logged.toLowerCase().contains("authorization: cpanel"), "no Authorization header in the log");
        assertFalse(logged.toLowerCase().contains("authorization: whm"), "no Authorization header in the log");
    }

    /** FIPS 180-2, appendix C.1: SHA-512("abc"). */
    static final String SHA512_ABC = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";
    static final Pattern LOWERCASE_HEX_128 = Pattern.compile("[0-9a-f]{128}");

    /** SHA-512 in lowercase hex, with the JDK only: the test's own reading of "sha512_hex". */
    static String sha512Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theStoredFormIsLowercaseHexSha512() throws Exception {
        assertEquals(SHA512_ABC, sha512Hex("abc"), "the test's own SHA-512 matches the published vector");
        assertEquals(SHA512_ABC, TokenValues.hash("abc"), "the stored form of a value is its lowercase hex SHA-512");
    }

    @Test
    void anAllowListLimitsWhereATokenWorks() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken("limited");
        Uapi.success(alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200).extract().asString());
        Thread.sleep(1000); // past the feed's handling of the token's creation: only the row below can make it seen

        // Written straight into the table, as an operator's SQL would be, with the change-feed row the docs tell
        // operators to add (issue 13): seen within a second.
        setAllowList(token, String.join(",", IpAllowList.normalize(List.of("203.0.113.0/24", "2001:db8::/32"))));
        awaitStatus(alice, token, 401);

        setAllowList(token, String.join(",", IpAllowList.normalize(List.of("203.0.113.7", "127.0.0.0/8"))));
        awaitStatus(alice, token, 200);
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(1))
                .body("data[0].whitelist_ips", org.hamcrest.Matchers.equalTo(List.of("127.0.0.0/8", "203.0.113.7")));
    }

    /** Asks until the answer is {@code status}; fails when it is not, 1 s after the change. */
    private static void awaitStatus(TestAccount who, String token, int status) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        int last;
        do {
            last = who.withToken(token).get("/execute/Tokens/list").then().extract().statusCode();
        } while (last != status && System.nanoTime() < deadline);
        assertEquals(status, last, "1 s after the table changed");
    }

    private void setAllowList(String token, String list) throws Exception {
        try (Connection c = dataSource.getConnection();
                var update = c.prepareStatement("UPDATE api_token SET whitelist_ips = ? WHERE token_hash = ?")) {
            update.setString(1, list);
            update.setString(2, sha512Hex(token));
            assertEquals(1, update.executeUpdate());
        }
        try (Connection c = dataSource.getConnection(); var feed = c.prepareStatement("INSERT INTO snapshot_change (tag) VALUES (?)")) {
            feed.setString(1, "token:" + sha512Hex(token));
            assertEquals(1, feed.executeUpdate());
        }
    }

    /** The one value that {@code sql} selects with these parameters. */
    private String storedHash(String sql, String... parameters) throws Exception {
        try (Connection c = dataSource.getConnection(); var select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "a stored row for " + sql);
                String value = rs.getString(1);
                assertFalse(rs.next(), "one row for " + sql);
                return value;
            }
        }
    }

    private String dumpAllTables() throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW TABLES")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM `" + table + "`")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            out.append(rs.getString(i)).append('\t');
                        }
                        out.append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
