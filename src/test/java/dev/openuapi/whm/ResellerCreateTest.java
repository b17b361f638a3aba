package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Whm;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * WHM API 1 {@code createacct reseller=1} (issue 15 §2): the new account is a reseller, as {@code setupreseller} makes
 * one, in the same transaction as its creation; with {@code ownerself=1} it owns itself. cPanel's reference (createacct,
 * api.docs.cpanel.net): "reseller (integer) Whether to grant reseller privileges to the account. 1 — Grant reseller
 * privileges. 0 — Do not grant", "ownerself (integer) Set the account to own itself. Ignored if owner is set",
 * "reseller_without_domain (integer) Create the user as a reseller without an associated domain".
 */
@QuarkusTest
class ResellerCreateTest {

    /** A username no other helper's tests use on the shared MariaDB server. */
    static String username() {
        return "hd" + Fixtures.randomSuffix(10);
    }

    /** createacct as {@code as} with a new username and domain, plus {@code extra}; returns the username and the answer. */
    static Map.Entry<String, JsonNode> createacct(RequestSpecification as, Map<String, String> extra) {
        String user = username();
        Map<String, String> args = new HashMap<>(Map.of("username", user, "domain", user + ".example", "password", password(user)));
        args.putAll(extra);
        return Map.entry(user, Whm.json(as, "createacct", args));
    }

    static String password(String user) {
        return "pw-" + user + "-Secret1";
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, password(user));
    }

    static boolean exists(String user) {
        return Whm.json(asRoot(), "accountsummary", Map.of("user", user)).get("metadata").get("result").intValue() == 1;
    }

    static String owner(String user) {
        return WhmChecks.ok(asRoot(), "accountsummary", Map.of("user", user)).get("data").get("acct").get(0).get("owner").textValue();
    }

    static boolean isReseller(String user) {
        for (JsonNode name : WhmChecks.ok(asRoot(), "listresellers", Map.of()).get("data").get("reseller")) {
            if (name.textValue().equals(user)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void resellerOneMakesTheNewAccountAReseller() {
        Map.Entry<String, JsonNode> created = createacct(asRoot(), Map.of("reseller", "1"));
        assertEquals(1, created.getValue().get("metadata").get("result").intValue(), created.getValue().toString());
        String user = created.getKey();
        assertTrue(isReseller(user), "listresellers names " + user);
        assertEquals("root", owner(user), "without ownerself root owns it, as setupreseller without makeowner leaves it");
        // as setupreseller: no privileges yet, so its own WHM calls are refused ...
        assertEquals("Permission denied: “listaccts” needs the “list-accts” privilege.", Whm.reason(as(user), "listaccts", Map.of()));
        JsonNode privileges = WhmChecks.ok(as(user), "myprivs", Map.of()).get("data").get("privileges").get(0);
        assertEquals(0, privileges.get("list-accts").intValue());
        // ... until root gives it some: then it logs in to WHM as a reseller
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", user, "acl-list-accts", "1")));
        assertEquals(1, WhmChecks.ok(as(user), "myprivs", Map.of()).get("data").get("privileges").get(0).get("list-accts").intValue());
        WhmChecks.ok(as(user), "listaccts", Map.of());

        // reseller=0 (and no reseller argument): a plain account
        Map.Entry<String, JsonNode> plain = createacct(asRoot(), Map.of("reseller", "0"));
        assertEquals(1, plain.getValue().get("metadata").get("result").intValue(), plain.getValue().toString());
        assertFalse(isReseller(plain.getKey()));
        assertEquals(403, as(plain.getKey()).queryParam("api.version", "1").get("/json-api/myprivs").statusCode(),
                "a plain account is no WHM user");
    }

    @Test
    void ownerselfMakesTheAccountOwnItselfUnlessAnOwnerIsNamed() {
        Map.Entry<String, JsonNode> created = createacct(asRoot(), Map.of("reseller", "1", "ownerself", "1"));
        assertEquals(1, created.getValue().get("metadata").get("result").intValue(), created.getValue().toString());
        assertEquals(created.getKey(), owner(created.getKey()));
        assertTrue(isReseller(created.getKey()));

        Map.Entry<String, JsonNode> named = createacct(asRoot(), Map.of("ownerself", "1", "owner", "root"));
        assertEquals(1, named.getValue().get("metadata").get("result").intValue(), named.getValue().toString());
        assertEquals("root", owner(named.getKey()), "ownerself is ignored when owner is set");
    }

    @Test
    void refusalsCreateNothing() {
        Map<Map<String, String>, String> refusals = Map.of(
                Map.of("reseller", "2"), "“2” is not a valid value for “reseller”: give 1 or 0.",
                Map.of("ownerself", "yes"), "“yes” is not a valid value for “ownerself”: give 1 or 0.",
                Map.of("reseller", "1", "reseller_without_domain", "1"),
                "OpenUAPI cannot create a reseller without a domain (reseller_without_domain=1): every account has a main domain.",
                // one transaction: the account made before the IP is refused does not stay behind
                Map.of("reseller", "1", "customip", "198.51.100.77"),
                "“198.51.100.77” is not an IP address of this server: use one that listips lists.");
        refusals.forEach((args, reason) -> {
            Map.Entry<String, JsonNode> refused = createacct(asRoot(), args);
            assertEquals(0, refused.getValue().get("metadata").get("result").intValue(), args.toString());
            assertEquals(reason, refused.getValue().get("metadata").get("reason").textValue(), args.toString());
            assertFalse(exists(refused.getKey()), args + " left the account behind");
            assertFalse(isReseller(refused.getKey()));
        });
    }

    @Test
    void onlyRootLevelUsersCreateResellersOrSelfOwnedAccounts() {
        Map.Entry<String, JsonNode> reseller = createacct(asRoot(), Map.of("reseller", "1", "ownerself", "1"));
        String user = reseller.getKey();
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", user, "acl-create-acct", "1", "acl-acct-summary", "1")));
        Map<Map<String, String>, String> refusals = Map.of(
                Map.of("reseller", "1"), "Only root-level users may create resellers (reseller=1).",
                Map.of("ownerself", "1"), "Only root-level users may create accounts for another owner.");
        refusals.forEach((args, reason) -> {
            Map.Entry<String, JsonNode> refused = createacct(as(user), args);
            assertEquals(reason, refused.getValue().get("metadata").get("reason").textValue(), args.toString());
            assertFalse(exists(refused.getKey()));
        });
        // the same reseller may still create a plain account of its own
        Map.Entry<String, JsonNode> plain = createacct(as(user), Map.of("reseller", "0"));
        assertEquals(1, plain.getValue().get("metadata").get("result").intValue(), plain.getValue().toString());
        assertEquals(user, owner(plain.getKey()));
    }
}
