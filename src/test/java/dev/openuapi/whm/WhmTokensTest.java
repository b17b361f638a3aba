package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;

/** WHM API tokens (spec §10.2) and how {@code whm USER:TOKEN} is told apart from a cPanel token (§2.2). */
@QuarkusTest
class WhmTokensTest {

    private static final String ACCESS_DENIED = "{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":\"Access denied\","
            + "\"data\":{\"reason\":\"Access denied\",\"result\":\"0\"},\"type\":\"text\"}}\n";

    @Test
    void createThenUseTheTokenShownOnce() {
        String name = "ci-" + Fixtures.randomSuffix(6);
        String body = asRoot().queryParam("api.version", "1").queryParam("token_name", name).queryParam("acl-0", "list-accts")
                .queryParam("acl-1", "acct-summary").queryParam("whitelist_ip", "127.0.0.1").get("/json-api/api_token_create")
                .then().statusCode(200).header("Cache-Control", containsString("no-store")).extract().asString();
        JsonNode created = Fixtures.json(body);
        String token = created.get("data").get("token").textValue();
        assertTrue(token.matches("[0-9A-Z]{32}"), token);
        long createTime = created.get("data").get("create_time").longValue();
        assertEquals("{\"metadata\":{\"command\":\"api_token_create\",\"version\":1,\"result\":1,\"reason\":\"OK\"},\"data\":{\"token\":\""
                + token + "\",\"name\":\"" + name + "\",\"create_time\":" + createTime + ",\"expires_at\":null,"
                + "\"acls\":[\"acct-summary\",\"list-accts\"],\"whitelist_ips\":[\"127.0.0.1\"]}}\n", body);

        JsonNode listed = Whm.json(Whm.withToken("root", token), "listaccts", Map.of());
        assertEquals(1, listed.get("metadata").get("result").intValue(), listed.toString());

        JsonNode tokens = Whm.json(asRoot(), "api_token_list", Map.of()).get("data").get("tokens");
        JsonNode mine = tokens.get(name);
        assertEquals(name, mine.get("name").textValue());
        assertTrue(mine.get("expires_at").isNull());
        assertEquals(1, mine.get("acls").get("list-accts").intValue());
        assertEquals(0, mine.get("acls").get("create-acct").intValue(), "acls lists every ACL root could give");
        assertEquals("127.0.0.1", mine.get("whitelist_ips").get(0).textValue());
        assertFalse(tokens.toString().contains(token), "the list never shows a token");
    }

    @Test
    void updateRenamesAndChangesLimitsAndAnyClearsTheAllowList() {
        String name = "u-" + Fixtures.randomSuffix(6);
        Whm.call(asRoot(), "api_token_create", Map.of("token_name", name, "whitelist_ip", "10.9.8.7"));
        String renamed = name + "-2";
        JsonNode updated = Whm.json(asRoot(), "api_token_update", Map.of("token_name", name, "new_name", renamed, "acl", "list-accts",
                "expires_at", String.valueOf(System.currentTimeMillis() / 1000 + 3600)));
        assertEquals(renamed, updated.get("data").get("name").textValue(), updated.toString());
        assertEquals(1, updated.get("data").get("acls").get("list-accts").intValue());
        assertEquals(0, updated.get("data").get("acls").get("kill-acct").intValue());
        assertEquals("10.9.8.7", updated.get("data").get("whitelist_ips").get(0).textValue(), "not given: unchanged");
        assertTrue(updated.get("data").get("expires_at").isNumber());

        JsonNode cleared = Whm.json(asRoot(), "api_token_update", Map.of("token_name", renamed, "whitelist_ip", "any", "expires_at", "0"));
        assertTrue(cleared.get("data").get("whitelist_ips").isNull(), cleared.toString());
        assertTrue(cleared.get("data").get("expires_at").isNull());

        assertEquals("The API token “" + name + "” does not exist.", Whm.reason(asRoot(), "api_token_update", Map.of("token_name", name)));
        assertEquals("“new_name” must be a different value from “name”.",
                Whm.reason(asRoot(), "api_token_update", Map.of("token_name", renamed, "new_name", renamed)));
        assertEquals("The “1500000000” value must be a future date.",
                Whm.reason(asRoot(), "api_token_update", Map.of("token_name", renamed, "expires_at", "1500000000")));
    }

    @Test
    void revokeTakesSeveralNamesIgnoresUnknownOnesAndTheTokenStopsWorking() {
        String first = "r1-" + Fixtures.randomSuffix(6);
        String second = "r2-" + Fixtures.randomSuffix(6);
        String token = Fixtures.json(Whm.call(asRoot(), "api_token_create", Map.of("token_name", first))).get("data").get("token").textValue();
        Whm.call(asRoot(), "api_token_create", Map.of("token_name", second));
        Whm.call(Whm.withToken("root", token), "listaccts", Map.of());

        String revoked = Whm.call(asRoot(), "api_token_revoke", Map.of("token_name-0", first, "token_name-1", second, "token_name-2", "nosuch"));
        assertEquals("{\"metadata\":{\"command\":\"api_token_revoke\",\"version\":1,\"result\":1,\"reason\":\"OK\"},\"data\":{}}\n", revoked);
        JsonNode tokens = Whm.json(asRoot(), "api_token_list", Map.of()).get("data").get("tokens");
        assertFalse(tokens.has(first) || tokens.has(second));
        Whm.withToken("root", token).queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403)
                .body(equalTo(ACCESS_DENIED));
    }

    @Test
    void getDetailsFindsOnlyYourOwnToken() {
        String name = "d-" + Fixtures.randomSuffix(6);
        String token = Fixtures.json(Whm.call(asRoot(), "api_token_create", Map.of("token_name", name))).get("data").get("token").textValue();
        JsonNode details = Whm.json(asRoot(), "api_token_get_details", Map.of("token", token));
        assertEquals(name, details.get("data").get("name").textValue());
        assertEquals("{\"metadata\":{\"command\":\"api_token_get_details\",\"version\":1,\"result\":1,\"reason\":\"OK\"}}\n",
                Whm.call(asRoot(), "api_token_get_details", Map.of("token", "A".repeat(32))), "no such token: data is null, so left out");
    }

    @Test
    void namesFollowTheTokenRules() {
        String name = "dup-" + Fixtures.randomSuffix(6);
        Whm.call(asRoot(), "api_token_create", Map.of("token_name", name));
        assertEquals("A conflicting API token with the name “" + name + "” already exists.",
                Whm.reason(asRoot(), "api_token_create", Map.of("token_name", name)));
        assertTrue(Whm.reason(asRoot(), "api_token_create", Map.of("token_name", "bad name!")).startsWith("“bad name!” is not a valid API token name."));
        assertEquals("Provide the “token_name” argument.", Whm.reason(asRoot(), "api_token_create", Map.of()));
    }

    @Test
    void unknownOrUnheldAclsAreRefusedAndATokenCannotGrantMoreThanItHas() {
        assertEquals("The system failed to create the API token: Invalid or unauthorized ACLs specified: no-such-acl",
                Whm.reason(asRoot(), "api_token_create", Map.of("token_name", "x" + Fixtures.randomSuffix(6), "acl", "no-such-acl")));
        String limited = Whm.rootToken("list-accts", "manage-api-tokens");
        assertEquals("The system failed to create the API token: Invalid or unauthorized ACLs specified: kill-acct",
                Whm.reason(Whm.withToken("root", limited), "api_token_create", Map.of("token_name", "x" + Fixtures.randomSuffix(6),
                        "acl", "kill-acct")));
        // Without acl, a limited token's new token inherits the limits, not root's privileges.
        String child = Fixtures.json(Whm.call(Whm.withToken("root", limited), "api_token_create",
                Map.of("token_name", "c" + Fixtures.randomSuffix(6)))).get("data").get("token").textValue();
        assertEquals("Permission denied: “createacct” needs the “create-acct” privilege.",
                Whm.reason(Whm.withToken("root", child), "createacct", Map.of()));
        JsonNode privileges = Whm.json(Whm.withToken("root", child), "myprivs", Map.of()).get("data").get("privileges").get(0);
        assertEquals(1, privileges.get("list-accts").intValue());
        assertEquals(0, privileges.get("all").intValue());
    }

    @Test
    void aCpanelTokenIsRefusedOnWhmAndAWhmTokenOnTheCpanelFace() {
        TestAccount alice = newAccount();
        String cpanelToken = alice.newToken();
        alice.withToken(cpanelToken).queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403)
                .body(equalTo("Token authentication allows access to UAPI or API 2 calls only.\n"));
        String whmToken = Whm.rootToken();
        Whm.withToken("root", whmToken).get("/execute/Tokens/list").then().statusCode(403).body(containsString("WHM token authentication"));
        Whm.withToken("root", whmToken).get("/api/v1/accounts").then().statusCode(403).contentType("application/problem+json");
        // A cPanel token sent with the whm scheme is no WHM token.
        given().header("Authorization", "whm " + alice.username() + ":" + cpanelToken).queryParam("api.version", "1")
                .get("/json-api/listaccts").then().statusCode(403).body(equalTo(ACCESS_DENIED));
        given().header("Authorization", "whm root:" + cpanelToken).queryParam("api.version", "1")
                .get("/json-api/listaccts").then().statusCode(403).body(equalTo(ACCESS_DENIED));
        // A WHM token names its owner: another user name with it fails.
        given().header("Authorization", "whm " + alice.username() + ":" + whmToken).queryParam("api.version", "1")
                .get("/json-api/listaccts").then().statusCode(403).body(equalTo(ACCESS_DENIED));
    }

    @Test
    void anExpiredTokenFails() {
        String name = "e-" + Fixtures.randomSuffix(6);
        long soon = System.currentTimeMillis() / 1000 + 2;
        String token = Fixtures.json(Whm.call(asRoot(), "api_token_create", Map.of("token_name", name, "expires_at", String.valueOf(soon))))
                .get("data").get("token").textValue();
        Whm.call(Whm.withToken("root", token), "listaccts", Map.of());
        long wait = (soon + 1) * 1000 - System.currentTimeMillis();
        try {
            Thread.sleep(Math.max(0, wait) + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Whm.withToken("root", token).queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403);
        assertTrue(Whm.json(asRoot(), "api_token_list", Map.of()).get("data").get("tokens").has(name), "expired tokens stay listed");
    }

}
