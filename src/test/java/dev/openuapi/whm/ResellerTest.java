package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Resellers: WHM users that own a set of accounts and see only those. */
@QuarkusTest
class ResellerTest {

    record Setup(TestAccount reseller, TestAccount own, TestAccount other) {
        RequestSpecification asReseller() {
            return given().auth().preemptive().basic(reseller.username(), reseller.password());
        }
    }

    /** A reseller with a few privileges, one account it owns and one it does not. */
    static Setup setup() {
        TestAccount reseller = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", reseller.username(), "makeowner", "1")));
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", reseller.username(), "acl-list-accts", "1",
                "acl-acct-summary", "1", "acl-create-acct", "1", "acl-suspend-acct", "1", "acl-manage-api-tokens", "1",
                "acl-cpanel-api", "1")));
        TestAccount own = account("owner", reseller.username());
        TestAccount other = Fixtures.newAccount();
        return new Setup(reseller, own, other);
    }

    static TestAccount account(String ownerKey, String owner) {
        String user = Fixtures.uniqueUsername();
        String password = "pw-" + Fixtures.randomSuffix(12);
        JsonNode created = Whm.json(asRoot(), "createacct", Map.of("username", user, "domain", user + ".example", "password", password,
                ownerKey, owner));
        assertEquals(1, created.get("metadata").get("result").intValue(), created.toString());
        return new TestAccount(user, password, user + ".example");
    }

    @Test
    void aResellerSeesAndChangesOnlyItsOwnAccounts() {
        Setup s = setup();
        JsonNode listed = Whm.json(s.asReseller(), "listaccts", Map.of()).get("data").get("acct");
        List<String> users = Whm.names(listed, "user");
        assertTrue(users.contains(s.own().username()), users.toString());
        assertTrue(users.contains(s.reseller().username()), "makeowner=1: it owns itself");
        assertTrue(!users.contains(s.other().username()), users.toString());
        assertEquals(s.reseller().username(), listed.get(users.indexOf(s.own().username())).get("owner").textValue());

        String hidden = "The account “" + s.other().username() + "” does not exist."; // OpenUAPI's own wording
        assertEquals(hidden, Whm.reason(s.asReseller(), "accountsummary", Map.of("user", s.other().username())));
        assertEquals(hidden, Whm.reason(s.asReseller(), "suspendacct", Map.of("user", s.other().username())));
        assertEquals("OK", Whm.reason(s.asReseller(), "suspendacct", Map.of("user", s.own().username())));
        assertEquals(1, Whm.json(asRoot(), "accountsummary", Map.of("user", s.own().username())).get("data").get("acct").get(0)
                .get("suspended").intValue());
        assertEquals("You cannot do this to your own account.", // OpenUAPI's own wording
                Whm.reason(s.asReseller(), "suspendacct", Map.of("user", s.reseller().username())));
        // a privilege it lacks (OpenUAPI's own wording)
        assertEquals("Permission denied: “removeacct” needs the “kill-acct” privilege.",
                Whm.reason(s.asReseller(), "removeacct", Map.of("username", s.own().username())));
        assertEquals("Permission denied: “setupreseller” needs the “all” privilege.",
                Whm.reason(s.asReseller(), "setupreseller", Map.of("user", s.other().username())));
    }

    @Test
    void accountsAResellerCreatesAreItsOwnAndItsTokensCarryItsLimits() {
        Setup s = setup();
        String user = Fixtures.uniqueUsername();
        assertEquals("OK", Whm.reason(s.asReseller(), "createacct", Map.of("username", user, "domain", user + ".example",
                "password", "pw-" + Fixtures.randomSuffix(12))));
        assertEquals(s.reseller().username(), Whm.json(asRoot(), "accountsummary", Map.of("user", user)).get("data").get("acct").get(0)
                .get("owner").textValue());
        // OpenUAPI's own wording; cPanel's createacct says "Without root access, you can only create accounts that you
        // yourself own." (Whostmgr/API/1/Accounts.pm)
        assertEquals("Only root-level users may create accounts for another owner.", Whm.reason(s.asReseller(), "createacct",
                Map.of("username", Fixtures.uniqueUsername(), "domain", "x" + Fixtures.randomSuffix(8) + ".example", "password",
                        "pw-" + Fixtures.randomSuffix(12), "owner", "root")));

        String token = Whm.token(s.asReseller());
        RequestSpecification withToken = Whm.withToken(s.reseller().username(), token);
        assertEquals(Whm.names(Whm.json(s.asReseller(), "listaccts", Map.of()).get("data").get("acct"), "user"),
                Whm.names(Whm.json(withToken, "listaccts", Map.of()).get("data").get("acct"), "user"));
        assertEquals("The system failed to create the API token: Invalid or unauthorized ACLs specified: kill-acct",
                Whm.reason(withToken, "api_token_create", Map.of("token_name", "more", "acl", "kill-acct")));
        JsonNode privileges = Whm.json(withToken, "myprivs", Map.of()).get("data").get("privileges").get(0);
        assertEquals(1, privileges.get("create-acct").intValue());
        assertEquals(0, privileges.get("kill-acct").intValue());
        // root's token list does not show the reseller's tokens: each WHM user has its own
        assertEquals(1, Whm.json(withToken, "api_token_list", Map.of()).get("data").get("tokens").size());

        // A suspended reseller's password and tokens stop working on WHM.
        assertEquals("OK", Whm.reason(asRoot(), "suspendacct", Map.of("user", s.reseller().username())));
        withToken.queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403);
        s.asReseller().queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403);
        WhmChecks.ok(asRoot(), "unsuspendacct", Map.of("user", s.reseller().username()));
        WhmChecks.ok(Whm.withToken(s.reseller().username(), token), "listaccts", Map.of());

        // Removing the reseller: its accounts go back to root, its tokens die.
        assertEquals("OK", Whm.reason(asRoot(), "removeacct", Map.of("username", s.reseller().username())));
        Whm.withToken(s.reseller().username(), token).queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403);
        assertEquals("root", Whm.json(asRoot(), "accountsummary", Map.of("user", s.own().username())).get("data").get("acct").get(0)
                .get("owner").textValue());
    }

    @Test
    void aResellerActsOnlyAsItsOwnAccounts() {
        Setup s = setup();
        JsonNode own = Whm.json(s.asReseller(), "uapi_cpanel", Map.of("cpanel.user", s.own().username(), "cpanel.module", "Tokens",
                "cpanel.function", "list"));
        assertEquals(1, own.get("data").get("uapi").get("status").intValue(), own.toString());
        // OpenUAPI's own wording (the uapi_cpanel and the API 2 answer alike)
        assertEquals("The account “" + s.other().username() + "” does not exist.", Whm.reason(s.asReseller(), "uapi_cpanel",
                Map.of("cpanel.user", s.other().username(), "cpanel.module", "Tokens", "cpanel.function", "list")));
        String body = s.asReseller().queryParams(Map.of("cpanel_jsonapi_user", s.other().username(), "cpanel_jsonapi_apiversion", "2",
                "cpanel_jsonapi_module", "ZoneEdit", "cpanel_jsonapi_func", "fetchzones")).get("/json-api/cpanel").then().statusCode(200)
                .extract().asString();
        assertTrue(body.contains("\"error\":\"The account “" + s.other().username() + "” does not exist.\""), body);
    }

    @Test
    void listsAndRemovalOfResellers() {
        Setup s = setup();
        assertTrue(namesOf(Whm.json(asRoot(), "listresellers", Map.of()).get("data").get("reseller")).contains(s.reseller().username()));
        assertEquals(List.of(s.own().username()), namesOf(Whm.json(asRoot(), "listresellerowned", Map.of("reseller", s.reseller().username()))
                .get("data").get("accounts")));
        assertEquals("OK", Whm.reason(asRoot(), "unsetupreseller", Map.of("user", s.reseller().username())));
        s.asReseller().queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403);
        assertEquals("root", Whm.json(asRoot(), "accountsummary", Map.of("user", s.own().username())).get("data").get("acct").get(0)
                .get("owner").textValue());
        assertTrue(!namesOf(Whm.json(asRoot(), "listresellers", Map.of()).get("data").get("reseller")).contains(s.reseller().username()));
        assertEquals("“" + s.reseller().username() + "” is not a reseller.", // OpenUAPI's own wording
                Whm.reason(asRoot(), "setacls", Map.of("reseller", s.reseller().username(), "acl-list-accts", "1")));
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", s.reseller().username())));
        // OpenUAPI's own wording
        assertEquals("Unknown ACLs: bogus.", Whm.reason(asRoot(), "setacls", Map.of("reseller", s.reseller().username(), "acl-bogus", "1")));
    }

    private static List<String> namesOf(JsonNode array) {
        List<String> names = new java.util.ArrayList<>();
        array.forEach(n -> names.add(n.textValue()));
        return names;
    }
}
