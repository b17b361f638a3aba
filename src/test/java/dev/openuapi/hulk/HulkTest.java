package dev.openuapi.hulk;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.FromAddress;
import dev.openuapi.support.FromAddress.Answer;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;

/**
 * cPHulk's rules (issue 12 §1, spec §11) for every kind of credential, through the trusted proxy (the test
 * profile trusts 127.0.0.2, so {@code X-Forwarded-For} names the attacker; loopback is never IP-blocked).
 * Each test attacks from its own TEST-NET address and cleans up after itself (history, blocks, settings), so
 * the rest of the suite is unaffected whatever the order.
 */
@QuarkusTest
class HulkTest {

    /** cpsrvd's answer to a failed login on /json-api/ (spec §2.5). */
    static final String ACCESS_DENIED_JSON = "{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":\"Access denied\",\"data\":{\"reason\":"
            + "\"Access denied\",\"result\":\"0\"},\"type\":\"text\"}}\n";

    @Inject
    HulkService hulk;

    @AfterEach
    void cleanUp() {
        hulk.flushHistory();
        hulk.resetSettings();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Four distinct wrong credentials: not yet blocked (cPHulk's max_failures_byip is 5). */
    private static void fail(String client, String path, String user, String scheme, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            String auth = scheme.equals("Basic") ? basic(user, "wrong-" + Fixtures.randomSuffix(8))
                    : scheme + " " + user + ":" + Fixtures.randomSuffix(32).toUpperCase();
            int status = FromAddress.get(client, path, auth).status();
            assertTrue(status == 401 || status == 403, "an ordinary failure, not a block yet: " + status);
        }
    }

    @Test
    void fiveWrongCpanelTokensBlockTheAddressAndEvenTheRightTokenIsRefusedLikeAWrongOne() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String token = alice.newToken();
        String right = "cpanel " + alice.username() + ":" + token;
        String attacker = "198.51.100.11";
        Answer ordinary = FromAddress.get(attacker, "/execute/Tokens/list", "cpanel " + alice.username() + ":WRONG");
        assertEquals(401, ordinary.status());
        fail(attacker, "/execute/Tokens/list", alice.username(), "cpanel", 3);
        assertEquals(200, FromAddress.get(attacker, "/execute/Tokens/list", right).status(), "four failures: not blocked yet");
        fail(attacker, "/execute/Tokens/list", alice.username(), "cpanel", 1);

        Answer blocked = FromAddress.get(attacker, "/execute/Tokens/list", right);
        assertEquals(ordinary.status(), blocked.status(), "the right token is refused");
        assertEquals(ordinary.body(), blocked.body(), "exactly UAPI's ordinary login failure");
        assertEquals(ordinary.header("content-type"), blocked.header("content-type"));
        long retryAfter = Long.parseLong(blocked.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "blocked for the rest of the 15 minutes: " + retryAfter);
        assertNull(ordinary.header("Retry-After"));

        assertEquals(200, FromAddress.get("198.51.100.12", "/execute/Tokens/list", right).status(), "other addresses are not blocked");
        assertEquals(200, alice.withToken(token).get("/execute/Tokens/list").then().extract().statusCode(), "nor is loopback");
    }

    @Test
    void theSameWrongCredentialCountsOnce() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String right = "cpanel " + alice.username() + ":" + alice.newToken();
        String attacker = "198.51.100.13";
        for (int i = 0; i < 10; i++) {
            assertEquals(401, FromAddress.get(attacker, "/execute/Tokens/list", "cpanel " + alice.username() + ":SAMEWRONGTOKEN").status());
        }
        assertEquals(200, FromAddress.get(attacker, "/execute/Tokens/list", right).status(), "ten copies of one mistake count once");
    }

    @Test
    void aRequestWithoutCredentialsIsNotALoginAttempt() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String right = "cpanel " + alice.username() + ":" + alice.newToken();
        String attacker = "198.51.100.14";
        for (int i = 0; i < 8; i++) {
            assertEquals(401, FromAddress.get(attacker, "/execute/Tokens/list", (String) null).status());
        }
        assertEquals(200, FromAddress.get(attacker, "/execute/Tokens/list", right).status());
    }

    @Test
    void wrongWhmTokensBlockWhmApi1WithCpsrvdsAnswerAndRetryAfter() throws IOException {
        String right = "whm root:" + Whm.rootToken();
        String attacker = "198.51.100.15";
        fail(attacker, "/json-api/listaccts?api.version=1", "root", "whm", 5);
        Answer blocked = FromAddress.get(attacker, "/json-api/listaccts?api.version=1", right);
        assertEquals(403, blocked.status());
        assertEquals(ACCESS_DENIED_JSON, blocked.body());
        assertNotNull(blocked.header("Retry-After"));
        // the same address is refused on every face, with each face's own answer
        Answer api2 = FromAddress.get(attacker, "/json-api/cpanel?cpanel_jsonapi_module=StatsBar&cpanel_jsonapi_func=stat", right);
        assertEquals(403, api2.status());
        assertEquals(ACCESS_DENIED_JSON, api2.body());
    }

    @Test
    void accountPasswordsBlockOnUapiAndTheTokenPageGets429WithRetryAfter() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String attacker = "198.51.100.16";
        fail(attacker, "/execute/Tokens/list", alice.username(), "Basic", 5);
        Answer uapi = FromAddress.get(attacker, "/execute/Tokens/list", basic(alice.username(), alice.password()));
        assertEquals(401, uapi.status());
        assertEquals("Access denied\n", uapi.body());
        assertNotNull(uapi.header("Retry-After"));
        // the token page logs in with REST Basic and X-Requested-With
        Answer page = FromAddress.get(attacker, "/api/v1/tokens",
                Map.of("Authorization", basic(alice.username(), alice.password()), "X-Requested-With", "XMLHttpRequest"));
        assertEquals(429, page.status());
        assertEquals("application/problem+json", page.header("content-type"));
        assertTrue(page.body().contains("\"status\":429"), page.body());
        assertTrue(Long.parseLong(page.header("Retry-After")) > 0);
        assertNull(page.header("WWW-Authenticate"), "no browser prompt");
    }

    @Test
    void resellerPasswordsOnWhmApi1AreCounted() throws IOException {
        TestAccount reseller = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username())));
        String attacker = "198.51.100.17";
        String right = basic(reseller.username(), reseller.password());
        assertTrue(FromAddress.get(attacker, "/json-api/myprivs?api.version=1", right).body().contains("\"result\":1"));
        fail(attacker, "/json-api/myprivs?api.version=1", reseller.username(), "Basic", 5);
        Answer blocked = FromAddress.get(attacker, "/json-api/myprivs?api.version=1", right);
        assertEquals(403, blocked.status());
        assertEquals(ACCESS_DENIED_JSON, blocked.body());
    }

    @Test
    void rootsPasswordOnTheAdminApiGets429() throws IOException {
        String attacker = "198.51.100.18";
        fail(attacker, "/api/v1/accounts", "root", "Basic", 5);
        Answer blocked = FromAddress.get(attacker, "/api/v1/accounts", basic("root", Fixtures.ROOT_PASSWORD));
        assertEquals(429, blocked.status(), "the right root password is refused: " + blocked.body());
        assertTrue(blocked.body().contains("\"title\":\"Too Many Requests\""), blocked.body());
        assertNotNull(blocked.header("Retry-After"));
    }

    @Test
    void revokedExpiredAndIpDisallowedTokensCountAsFailures() throws Exception {
        TestAccount alice = Fixtures.newAccount();
        String attacker = "198.51.100.19";
        String path = "/execute/Tokens/list";
        // two revoked tokens
        for (int i = 0; i < 2; i++) {
            String name = "gone" + i;
            String token = alice.newToken(name);
            alice.withPassword().delete("/api/v1/tokens/" + name).then().statusCode(204);
            assertEquals(401, FromAddress.get(attacker, path, "cpanel " + alice.username() + ":" + token).status());
        }
        // two tokens that only work from elsewhere
        for (int i = 0; i < 2; i++) {
            String name = "elsewhere" + i;
            String token = alice.newToken(name);
            assertEquals("OK", Whm.reason(asRoot(), "set_cpanel_token_whitelist", Map.of("user", alice.username(), "token_name", name,
                    "whitelist_ip", "203.0.113.0/24")));
            assertEquals(401, FromAddress.get(attacker, path, "cpanel " + alice.username() + ":" + token).status());
        }
        // an expired token
        long soon = System.currentTimeMillis() / 1000 + 2;
        String expiring = alice.withPassword().contentType("application/json").body(Map.of("name", "brief", "expires_at", soon))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        Thread.sleep(3000);
        assertEquals(401, FromAddress.get(attacker, path, "cpanel " + alice.username() + ":" + expiring).status());

        String right = "cpanel " + alice.username() + ":" + alice.newToken();
        assertEquals(401, FromAddress.get(attacker, path, right).status(), "five failures of those kinds block the address");
    }

    @Test
    void anIpv6AddressCountsAsItsSlash64() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String right = "cpanel " + alice.username() + ":" + alice.newToken();
        for (int i = 1; i <= 5; i++) {
            fail("2001:db8:1:2::" + Integer.toHexString(i), "/execute/Tokens/list", alice.username(), "cpanel", 1);
        }
        Answer blocked = FromAddress.get("2001:db8:1:2:ffff:ffff:ffff:ffff", "/execute/Tokens/list", right);
        assertEquals(401, blocked.status(), "another address of the same /64 is blocked");
        assertNotNull(blocked.header("Retry-After"));
        assertEquals(200, FromAddress.get("2001:db8:1:3::1", "/execute/Tokens/list", right).status(), "the next /64 is not");
    }

    @Test
    void loopbackIsNeverIpBlocked() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String right = "cpanel " + alice.username() + ":" + alice.newToken();
        for (int i = 0; i < 7; i++) {
            assertEquals(401, FromAddress.send(FromAddress.DIRECT, "GET", "/execute/Tokens/list",
                    Map.of("Authorization", "cpanel " + alice.username() + ":" + Fixtures.randomSuffix(32).toUpperCase()), null).status());
        }
        assertEquals(200, FromAddress.send(FromAddress.DIRECT, "GET", "/execute/Tokens/list", Map.of("Authorization", right), null).status());
    }

    @Test
    void theUsernameRuleLocksAUserForLocalRequestsWhenOnButNeverRoot() throws IOException {
        TestAccount bob = Fixtures.newAccount();
        assertEquals(1, Whm.json(asRoot(), "set_cphulk_config_key", Map.of("key", "username_based_protection_local_origin", "value", "1"))
                .get("metadata").get("result").intValue());
        for (int i = 0; i < 15; i++) {
            assertEquals(401, FromAddress.send(FromAddress.DIRECT, "GET", "/execute/Tokens/list",
                    Map.of("Authorization", basic(bob.username(), "wrong" + i)), null).status());
        }
        Answer locked = FromAddress.send(FromAddress.DIRECT, "GET", "/execute/Tokens/list",
                Map.of("Authorization", basic(bob.username(), bob.password())), null);
        assertEquals(401, locked.status(), "the user is locked for local requests");
        assertNotNull(locked.header("Retry-After"));
        assertEquals(200, FromAddress.get("198.51.100.20", "/execute/Tokens/list", basic(bob.username(), bob.password())).status(),
                "remote requests are not under the local-origin rule");
        for (int i = 0; i < 16; i++) {
            FromAddress.send(FromAddress.DIRECT, "GET", "/api/v1/accounts", Map.of("Authorization", basic("root", "wrong" + i)), null);
        }
        assertEquals(200, asRoot().get("/api/v1/accounts").then().extract().statusCode(), "root is exempt");
    }
}
