package dev.openuapi.token;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
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
        alice.withToken(uapiToken).get("/execute/Tokens/list").then().statusCode(200);
        alice.withToken(restToken).contentType("application/x-www-form-urlencoded").body("name=viaform")
                .post("/execute/Tokens/create_full_access").then().statusCode(200);
        // UAPI takes passwords as GET parameters: the access log must not keep query strings.
        String queryPassword = "QueryPassword" + System.nanoTime();
        alice.withToken(restToken).queryParam("name", alice.username() + "_logcheck").queryParam("password", queryPassword)
                .get("/execute/Mysql/create_user").then().statusCode(200);
        alice.withToken(restToken).queryParam("name", alice.username() + "_logcheck").get("/execute/Mysql/delete_user").then()
                .statusCode(200);

        String whmToken = Whm.rootToken();
        Whm.call(Whm.withToken("root", whmToken), "listaccts", Map.of());

        String everything = dumpAllTables();
        for (String secret : List.of(restToken, uapiToken, alice.password(), whmToken)) {
            assertFalse(everything.contains(secret), "found a secret at rest");
        }
        assertTrue(everything.contains(TokenValues.hash(restToken)), "the SHA-512 hex of the token is what is stored");
        assertTrue(everything.contains(TokenValues.hash(whmToken)), "WHM tokens too");
        assertTrue(everything.contains(alice.username()), "the dump did read the tables");

        Path log = Path.of("target/openuapi-test.log");
        assertTrue(Files.exists(log), "the test profile logs to " + log);
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains("/execute/Tokens/list"), "the access log is on");
        for (String secret : List.of(restToken, uapiToken, alice.password(), queryPassword, whmToken, Fixtures.ROOT_PASSWORD)) {
            assertFalse(logged.contains(secret), "found a secret in the log");
        }
        assertTrue(logged.contains("\"GET /execute/Mysql/create_user HTTP/1.1\""), "the path is logged, without its query string");
        assertFalse(logged.toLowerCase().contains("authorization: cpanel"), "no Authorization header in the log");
        assertFalse(logged.toLowerCase().contains("authorization: whm"), "no Authorization header in the log");
    }

    @Test
    void anAllowListLimitsWhereATokenWorks() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken("limited");
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200);

        setAllowList(token, String.join(",", IpAllowList.normalize(List.of("203.0.113.0/24", "2001:db8::/32"))));
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(401);

        setAllowList(token, String.join(",", IpAllowList.normalize(List.of("203.0.113.7", "127.0.0.0/8"))));
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200)
                .body("data[0].whitelist_ips", org.hamcrest.Matchers.equalTo(List.of("127.0.0.0/8", "203.0.113.7")));
    }

    private void setAllowList(String token, String list) throws Exception {
        try (Connection c = dataSource.getConnection();
                var update = c.prepareStatement("UPDATE api_token SET whitelist_ips = ? WHERE token_hash = ?")) {
            update.setString(1, list);
            update.setString(2, TokenValues.hash(token));
            assertEquals(1, update.executeUpdate());
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
