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
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** WHM API tokens (spec §10.2) and how {@code whm USER:TOKEN} is told apart from a cPanel token (§2.2). */
@QuarkusTest
class WhmTokensTest {

    /** cPanel's JSON body for a refused /json-api/ login (spec §2, observed). */
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
        WhmChecks.ok(asRoot(), "api_token_create", Map.of("token_name", name, "whitelist_ip", "10.9.8.7"));
        String renamed = name + "-2";
        JsonNode updated = WhmChecks.ok(asRoot(), "api_token_update", Map.of("token_name", name, "new_name", renamed, "acl", "list-accts",
                "expires_at", String.valueOf(System.currentTimeMillis() / 1000 + 3600)));
        assertEquals(renamed, updated.get("data").get("name").textValue(), updated.toString());
        assertEquals(1, updated.get("data").get("acls").get("list-accts").intValue());
        assertEquals(0, updated.get("data").get("acls").get("kill-acct").intValue());
        assertEquals("10.9.8.7", updated.get("data").get("whitelist_ips").get(0).textValue(), "not given: unchanged");
        assertTrue(updated.get("data").get("expires_at").isNumber());

        JsonNode cleared = WhmChecks.ok(asRoot(), "api_token_update", Map.of("token_name", renamed, "whitelist_ip", "any",
                "expires_at", "0"));
        assertTrue(cleared.get("data").get("whitelist_ips").isNull(), cleared.toString());
        assertTrue(cleared.get("data").get("expires_at").isNull());
        // read back
        JsonNode tokens = Whm.json(asRoot(), "api_token_list", Map.of()).get("data").get("tokens");
        assertFalse(tokens.has(name), "renamed");
        JsonNode stored = tokens.get(renamed);
        assertEquals(1, stored.get("acls").get("list-accts").intValue());
        assertEquals(0, stored.get("acls").get("kill-acct").intValue());
        assertTrue(stored.get("whitelist_ips").isNull(), stored.toString());
        assertTrue(stored.get("expires_at").isNull(), stored.toString());

        // cPanel's wordings for cPanel tokens (spec §3, Tokens::rename and expiry rules), used for WHM tokens too
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
        WhmChecks.ok(asRoot(), "api_token_create", Map.of("token_name", second));
        WhmChecks.ok(Whm.withToken("root", token), "listaccts", Map.of());

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
        WhmChecks.ok(asRoot(), "api_token_create", Map.of("token_name", name));
        // cPanel's wordings (spec §3.2, token names)
        assertEquals("A conflicting API token with the name “" + name + "” already exists.",
                Whm.reason(asRoot(), "api_token_create", Map.of("token_name", name)));
        assertTrue(Whm.reason(asRoot(), "api_token_create", Map.of("token_name", "bad name!")).startsWith("“bad name!” is not a valid API token name."));
        // OpenUAPI's own wording; cPanel's Tokens.pm says "The parameter “token_name” is required."
        assertEquals("Provide the “token_name” argument.", Whm.reason(asRoot(), "api_token_create", Map.of()));
    }

    @Test
    void unknownOrUnheldAclsAreRefusedAndATokenCannotGrantMoreThanItHas() {
        // cPanel's prefix, OpenUAPI's rest (see updateRefused)
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

    /**
     * The refusal of api_token_update for ACLs the caller lacks. The prefix is cPanel's ("The system failed to update the
     * [asis,API] token: [_1]", Whostmgr/API/1/Tokens.pm); the rest is OpenUAPI's own wording (spec §10.2): cPanel's
     * Tokens.pm writes "Invalid or unauthorized [numerate,_1,ACL,ACLs] specified: [list_and,_2]".
     */
    private static String updateRefused(String acls) {
        return "The system failed to update the API token: Invalid or unauthorized ACLs specified: " + acls;
    }

    @Test
    void updateCannotGrantAclsTheCallerLacks() {
        // A root token limited to two ACLs, and a child token it made with one of them.
        String limitedName = "lim-" + Fixtures.randomSuffix(6);
        String limited = Fixtures.json(Whm.call(asRoot(), "api_token_create", Map.of("token_name", limitedName, "acl-0", "list-accts",
                "acl-1", "manage-api-tokens"))).get("data").get("token").textValue();
        RequestSpecification asLimited = Whm.withToken("root", limited);
        String childName = "kid-" + Fixtures.randomSuffix(6);
        JsonNode child = Whm.json(asLimited, "api_token_create", Map.of("token_name", childName, "acl", "list-accts"));
        assertEquals(1, child.get("metadata").get("result").intValue(), child.toString());
        String childToken = child.get("data").get("token").textValue();

        JsonNode refused = Whm.json(Whm.withToken("root", limited), "api_token_update", Map.of("token_name", childName, "acl", "kill-acct"));
        assertEquals(0, refused.get("metadata").get("result").intValue());
        assertEquals(updateRefused("kill-acct"), refused.get("metadata").get("reason").textValue());
        assertFalse(refused.has("data"), refused.toString());
        // one held and one not: the whole update is refused, the rename with it
        assertEquals(updateRefused("kill-acct"), Whm.reason(Whm.withToken("root", limited), "api_token_update",
                Map.of("token_name", childName, "new_name", childName + "-x", "acl-0", "list-accts", "acl-1", "kill-acct")));
        // nor can the limited token widen itself, to all or to an ACL it lacks
        assertEquals(updateRefused("all"), Whm.reason(Whm.withToken("root", limited), "api_token_update",
                Map.of("token_name", limitedName, "acl", "all")));
        assertEquals(updateRefused("create-acct"), Whm.reason(Whm.withToken("root", limited), "api_token_update",
                Map.of("token_name", limitedName, "acl-0", "list-accts", "acl-1", "manage-api-tokens", "acl-2", "create-acct")));

        // Read back: nothing changed.
        JsonNode tokens = Whm.json(asRoot(), "api_token_list", Map.of()).get("data").get("tokens");
        assertFalse(tokens.has(childName + "-x"), "not renamed");
        JsonNode childAcls = tokens.get(childName).get("acls");
        assertEquals(1, childAcls.get("list-accts").intValue());
        assertEquals(0, childAcls.get("kill-acct").intValue());
        assertEquals(0, childAcls.get("all").intValue());
        JsonNode limitedAcls = tokens.get(limitedName).get("acls");
        assertEquals(1, limitedAcls.get("list-accts").intValue());
        assertEquals(1, limitedAcls.get("manage-api-tokens").intValue());
        assertEquals(0, limitedAcls.get("all").intValue());
        assertEquals(0, limitedAcls.get("create-acct").intValue());
        for (String token : java.util.List.of(childToken, limited)) {
            assertEquals("Permission denied: “removeacct” needs the “kill-acct” privilege.", // OpenUAPI's own wording
                    Whm.reason(Whm.withToken("root", token), "removeacct", Map.of("username", "nosuchuser")));
        }
        // What it holds it may give: the same update with a held ACL goes through.
        JsonNode allowed = Whm.json(Whm.withToken("root", limited), "api_token_update", Map.of("token_name", childName, "acl",
                "manage-api-tokens"));
        assertEquals(1, allowed.get("metadata").get("result").intValue(), allowed.toString());
        assertEquals(1, allowed.get("data").get("acls").get("manage-api-tokens").intValue());
        assertEquals(0, allowed.get("data").get("acls").get("list-accts").intValue(), "acl replaces the list");
    }

    @Test
    void aResellerCannotGiveItsTokenAnAclItLacks() {
        TestAccount reseller = newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username())));
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller.username(), "acl-list-accts", "1",
                "acl-manage-api-tokens", "1")));
        RequestSpecification asReseller = reseller.withPassword();
        String name = "r-" + Fixtures.randomSuffix(6);
        JsonNode created = Whm.json(asReseller, "api_token_create", Map.of("token_name", name, "acl-0", "list-accts",
                "acl-1", "manage-api-tokens"));
        assertEquals(1, created.get("metadata").get("result").intValue(), created.toString());
        String token = created.get("data").get("token").textValue();

        for (String acl : java.util.List.of("kill-acct", "all", "create-acct")) {
            JsonNode refused = Whm.json(reseller.withPassword(), "api_token_update", Map.of("token_name", name, "acl", acl));
            assertEquals(0, refused.get("metadata").get("result").intValue(), refused.toString());
            assertEquals(updateRefused(acl), refused.get("metadata").get("reason").textValue());
        }
        // its own token cannot widen the token either
        assertEquals(updateRefused("kill-acct"), Whm.reason(Whm.withToken(reseller.username(), token), "api_token_update",
                Map.of("token_name", name, "acl", "kill-acct")));

        // Read back: the token holds what it held; ACLs the reseller lacks are not even listed (cPanel's api_token_list
        // leaves out "ACLs that the reseller doesn't have", Whostmgr/API/1/Tokens.pm).
        JsonNode acls = Whm.json(reseller.withPassword(), "api_token_list", Map.of()).get("data").get("tokens").get(name).get("acls");
        assertEquals("{\"list-accts\":1,\"manage-api-tokens\":1}", acls.toString());
        assertEquals("Permission denied: “removeacct” needs the “kill-acct” privilege.", // OpenUAPI's own wording
                Whm.reason(Whm.withToken(reseller.username(), token), "removeacct", Map.of("username", "nosuchuser")));
    }

    @Test
    void aCpanelTokenIsRefusedOnWhmAndAWhmTokenOnTheCpanelFace() {
        TestAccount alice = newAccount();
        String cpanelToken = alice.newToken();
        alice.withToken(cpanelToken).queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403)
                .body(equalTo("Token authentication allows access to UAPI or API 2 calls only.\n")); // cPanel's (spec §2)
        String whmToken = Whm.rootToken();
        Whm.withToken("root", whmToken).get("/execute/Tokens/list").then().statusCode(403)
                .body(containsString("WHM token authentication")); // OpenUAPI's own wording
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
        // 5 s ahead: a loaded 2-core runner may take a second or two between the create and the first use
        long soon = System.currentTimeMillis() / 1000 + 5;
        String token = Fixtures.json(Whm.call(asRoot(), "api_token_create", Map.of("token_name", name, "expires_at", String.valueOf(soon))))
                .get("data").get("token").textValue();
        WhmChecks.ok(Whm.withToken("root", token), "listaccts", Map.of());
        try {
            while (System.currentTimeMillis() / 1000 <= soon) {
                Thread.sleep(200); // valid up to and including the expiry second
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Whm.withToken("root", token).queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403)
                .body(equalTo(ACCESS_DENIED));
        assertTrue(Whm.json(asRoot(), "api_token_list", Map.of()).get("data").get("tokens").has(name), "expired tokens stay listed");
    }

}
