package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.WhmChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** WHM API 1 account functions, as root: the account lifecycle and the envelope (spec §10.1). */
@QuarkusTest
class WhmAccountsTest {

    /** WHM API 1 as root; the answer is HTTP 200 whatever happened, so callers check metadata.result. */
    static String whm(String function, Map<String, String> args) {
        return asRoot().queryParam("api.version", "1").queryParams(args).get("/json-api/" + function).then().statusCode(200).extract()
                .asString();
    }

    /** A WHM API 1 call as root that must succeed (metadata.result 1, reason OK). */
    static JsonNode ok(String function, Map<String, String> args) {
        return WhmChecks.ok(asRoot(), function, args);
    }

    private static JsonNode summary(String user) {
        return ok("accountsummary", Map.of("user", user)).get("data").get("acct").get(0);
    }

    @Test
    void theAccountLifecycle() {
        String user = Fixtures.uniqueUsername();
        String domain = user + ".example";
        String plan = "whm-" + Fixtures.randomSuffix(6);
        asRoot().contentType(ContentType.JSON).body(Map.of("name", plan, "max_databases", 3)).post("/api/v1/plans").then().statusCode(201);

        String created = whm("createacct", Map.of("username", user, "domain", domain, "password", "whm-password-1", "plan", plan,
                "contactemail", "owner@" + domain));
        assertEquals("{\"metadata\":{\"command\":\"createacct\",\"version\":1,\"result\":1,\"reason\":\"OK\"},\"data\":{\"user\":\"" + user
                + "\",\"domain\":\"" + domain + "\",\"ip\":\"192.0.2.1\",\"package\":\"" + plan + "\"}}\n", created);

        JsonNode summary = Fixtures.json(whm("accountsummary", Map.of("user", user))).get("data").get("acct").get(0);
        assertEquals(plan, summary.get("plan").textValue());
        assertEquals(0, summary.get("suspended").intValue());
        assertEquals("owner@" + domain, summary.get("email").textValue());

        String token = given().auth().preemptive().basic(user, "whm-password-1").contentType(ContentType.JSON)
                .body(Map.of("name", "ci")).post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        String suspended = whm("suspendacct", Map.of("user", user, "reason", "unpaid"));
        assertEquals("{\"metadata\":{\"command\":\"suspendacct\",\"version\":1,\"result\":1,\"reason\":\"OK\"}}\n", suspended,
                "no data key when the function returns nothing");
        assertEquals(1, summary(user).get("suspended").intValue());
        given().header("Authorization", "cpanel " + user + ":" + token).get("/execute/Tokens/list").then().statusCode(401);
        given().auth().preemptive().basic(user, "whm-password-1").get("/execute/Tokens/list").then().statusCode(401);
        ok("unsuspendacct", Map.of("user", user));
        assertEquals(0, summary(user).get("suspended").intValue());
        WhmChecks.uapiOk(given().header("Authorization", "cpanel " + user + ":" + token), "/execute/Tokens/list");

        ok("passwd", Map.of("user", user, "password", "whm-password-2"));
        WhmChecks.uapiOk(given().auth().preemptive().basic(user, "whm-password-2"), "/execute/Tokens/list");
        given().auth().preemptive().basic(user, "whm-password-1").get("/execute/Tokens/list").then().statusCode(401);
        ok("modifyacct", Map.of("user", user, "contactemail", "new@" + domain));
        assertEquals("new@" + domain, summary(user).get("email").textValue());
        String plan2 = plan + "-b";
        asRoot().contentType(ContentType.JSON).body(Map.of("name", plan2, "max_databases", 1)).post("/api/v1/plans").then().statusCode(201);
        ok("changepackage", Map.of("user", user, "pkg", plan2));
        assertEquals(plan2, summary(user).get("plan").textValue());
        ok("changepackage", Map.of("user", user, "pkg", plan));
        assertEquals(plan, summary(user).get("plan").textValue());

        JsonNode listed = Fixtures.json(whm("listaccts", Map.of("search", "^" + user + "$", "searchtype", "user"))).get("data").get("acct");
        assertEquals(1, listed.size());
        assertEquals("new@" + domain, listed.get(0).get("email").textValue());
        assertEquals(1, Fixtures.json(whm("listaccts", Map.of("search", domain.replace(".", "\\."), "searchtype", "domain"))).get("data")
                .get("acct").size());
        JsonNode packages = Fixtures.json(whm("listpkgs", Map.of())).get("data").get("pkg");
        boolean found = false;
        for (JsonNode pkg : packages) {
            if (pkg.get("name").textValue().equals(plan)) {
                assertEquals("3", pkg.get("MAXSQL").textValue());
                assertEquals("unlimited", pkg.get("MAXPOP").textValue());
                found = true;
            }
        }
        assertTrue(found);

        ok("removeacct", Map.of("username", user));
        given().header("Authorization", "cpanel " + user + ":" + token).get("/execute/Tokens/list").then().statusCode(401);
        JsonNode gone = Fixtures.json(whm("accountsummary", Map.of("user", user))).get("metadata");
        assertEquals(0, gone.get("result").intValue());
        // OpenUAPI's own wording; cPanel's accountsummary says "Account does not exist." (Whostmgr/API/1/Accounts.pm)
        assertEquals("The account “" + user + "” does not exist.", gone.get("reason").textValue());
    }

    @Test
    void createacctIsOneTransaction() {
        String user = Fixtures.uniqueUsername();
        JsonNode metadata = Fixtures.json(whm("createacct", Map.of("username", user, "domain", user + ".example", "password",
                "whm-password-1", "plan", "no-such-plan"))).get("metadata");
        assertEquals(0, metadata.get("result").intValue());
        assertEquals("The plan “no-such-plan” does not exist.", metadata.get("reason").textValue()); // OpenUAPI's own wording
        asRoot().get("/api/v1/accounts/" + user).then().statusCode(404);
        String again = whm("createacct", Map.of("username", user, "domain", user + ".example", "password", "whm-password-1"));
        assertTrue(again.contains("\"result\":1"), "the domain and zone were rolled back too: " + again);
        ok("removeacct", Map.of("user", user));
        asRoot().get("/api/v1/accounts/" + user).then().statusCode(404);
    }

    @Test
    void envelopeErrorsAndAuth() {
        // cPanel's wording (spec §10.1; PublicAPI matches "Unknown app\s+(?:\(.+\))?\s+requested")
        assertEquals("{\"metadata\":{\"command\":\"nosuchthing\",\"version\":1,\"result\":0,\"reason\":\"Unknown app (nosuchthing) requested "
                + "for this version (1) of the API.\"}}\n", whm("nosuchthing", Map.of()));
        // Without api.version the call is WHM API 0 (issue 15 §1; Whm0Test): its own answer, no metadata.
        JsonNode noVersion = Fixtures.json(asRoot().get("/json-api/listaccts").then().statusCode(200).extract().asString());
        assertEquals(1, noVersion.get("status").intValue(), noVersion.toString());
        assertTrue(noVersion.get("acct").isArray());
        JsonNode missing = Fixtures.json(whm("createacct", Map.of())).get("metadata");
        assertEquals(0, missing.get("result").intValue());
        assertEquals("Provide the “username”, “domain”, and “password” arguments.", missing.get("reason").textValue()); // OpenUAPI's own wording
        String denied = given().queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403).extract().asString();
        assertTrue(denied.contains("\"error\":\"Access denied\""), denied); // cPanel's JSON 403 body (spec §2)
        given().auth().preemptive().basic("root", "wrong").queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403);
        Fixtures.TestAccount alice = Fixtures.newAccount();
        alice.withPassword().queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403);
        alice.withToken(alice.newToken()).queryParam("api.version", "1").get("/json-api/listaccts").then().statusCode(403);
        assertFalse(whm("listaccts", Map.of()).contains("password"), "no password hash in listings");
    }

    @Test
    void packages() {
        String name = "pkg-" + Fixtures.randomSuffix(6);
        assertEquals("{\"metadata\":{\"command\":\"addpkg\",\"version\":1,\"result\":1,\"reason\":\"OK\"},\"data\":{\"pkg\":\"" + name
                + "\"}}\n", whm("addpkg", Map.of("name", name, "maxsql", "2", "quota", "500", "maxpop", "unlimited")));
        asRoot().get("/api/v1/plans/" + name).then().statusCode(200).body("max_databases", org.hamcrest.Matchers.equalTo(2))
                .body("disk_quota_mb", org.hamcrest.Matchers.equalTo(500)).body("max_email_accounts", org.hamcrest.Matchers.nullValue());
        assertEquals("{\"metadata\":{\"command\":\"editpkg\",\"version\":1,\"result\":1,\"reason\":\"OK\"},\"data\":{\"pkg\":\"" + name
                + "\"}}\n", whm("editpkg", Map.of("name", name, "maxsql", "4")));
        asRoot().get("/api/v1/plans/" + name).then().body("max_databases", org.hamcrest.Matchers.equalTo(4))
                .body("disk_quota_mb", org.hamcrest.Matchers.nullValue());
        assertEquals("“lots” is not a valid value for “maxftp”: give a number or unlimited.", // OpenUAPI's own wording
                Fixtures.json(whm("addpkg", Map.of("name", name + "x", "maxftp", "lots"))).get("metadata").get("reason").textValue());
        assertEquals("The plan “" + name + "” already exists.", // OpenUAPI's own wording
                Fixtures.json(whm("addpkg", Map.of("name", name))).get("metadata").get("reason").textValue());
        assertEquals("{\"metadata\":{\"command\":\"killpkg\",\"version\":1,\"result\":1,\"reason\":\"OK\"}}\n",
                whm("killpkg", Map.of("pkgname", name)));
        asRoot().get("/api/v1/plans/" + name).then().statusCode(404);
        asRoot().get("/api/v1/plans/" + name + "x").then().statusCode(404);
    }

    @Test
    void whmPostProcessing() {
        String prefix = "w" + Fixtures.randomSuffix(5);
        for (String suffix : java.util.List.of("c", "a", "b")) {
            ok("createacct", Map.of("username", prefix + suffix, "domain", prefix + suffix + ".example", "password", "whm-password-1"));
        }
        JsonNode root = Fixtures.json(whm("listaccts", Map.ofEntries(Map.entry("api.filter.enable", "1"),
                Map.entry("api.filter.a.field", "user"), Map.entry("api.filter.a.type", "begins"), Map.entry("api.filter.a.arg0", prefix),
                Map.entry("api.sort.enable", "1"), Map.entry("api.sort.a.field", "user"), Map.entry("api.sort.a.reverse", "1"),
                Map.entry("api.chunk.enable", "1"), Map.entry("api.chunk.start", "1"), Map.entry("api.chunk.size", "2"),
                Map.entry("api.columns.enable", "1"), Map.entry("api.columns.a", "user"))));
        assertEquals("[{\"user\":\"" + prefix + "c\"},{\"user\":\"" + prefix + "b\"}]", root.get("data").get("acct").toString());
        assertEquals("{\"start\":1,\"current\":1,\"size\":2,\"chunks\":2,\"records\":3}", root.get("metadata").get("chunk").toString());
        assertEquals(3, root.get("metadata").get("filter").get("filtered").intValue());
        for (String suffix : java.util.List.of("c", "a", "b")) {
            ok("removeacct", Map.of("user", prefix + suffix));
        }
    }

    @Test
    void operatorsLimitACpanelTokenToAddresses() {
        Fixtures.TestAccount alice = Fixtures.newAccount();
        String token = alice.newToken("limited");
        WhmChecks.uapiOk(alice.withToken(token), "/execute/Tokens/list");

        JsonNode answer = Fixtures.json(asRoot().queryParam("api.version", "1").queryParam("user", alice.username())
                .queryParam("token_name", "limited").queryParam("whitelist_ip", "203.0.113.0/24").queryParam("whitelist_ip", "2001:db8::/32")
                .get("/json-api/set_cpanel_token_whitelist").then().statusCode(200).extract().asString());
        assertEquals(1, answer.get("metadata").get("result").intValue(), answer.toString());
        JsonNode data = answer.get("data");
        assertEquals("[\"203.0.113.0/24\",\"2001:db8::/32\"]", data.get("whitelist_ips").toString());
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(401);

        asRoot().contentType(ContentType.JSON).body(Map.of("whitelist_ips", java.util.List.of("127.0.0.1", "10.0.0.0/8")))
                .put("/api/v1/accounts/" + alice.username() + "/tokens/limited/whitelist").then().statusCode(200)
                .body("whitelist_ips", org.hamcrest.Matchers.equalTo(java.util.List.of("10.0.0.0/8", "127.0.0.1")));
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(1))
                .body("data[0].whitelist_ips", org.hamcrest.Matchers.equalTo(java.util.List.of("10.0.0.0/8", "127.0.0.1")));

        asRoot().contentType(ContentType.JSON).body(Map.of("whitelist_ips", java.util.List.of("999.1.1.1")))
                .put("/api/v1/accounts/" + alice.username() + "/tokens/limited/whitelist").then().statusCode(400);
        JsonNode cleared = ok("set_cpanel_token_whitelist", Map.of("user", alice.username(), "token_name", "limited",
                "whitelist_ip", "any")).get("data");
        assertTrue(cleared.get("whitelist_ips").isNull());
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(1))
                .body("data[0].whitelist_ips", org.hamcrest.Matchers.nullValue());
        asRoot().contentType(ContentType.JSON).body(Map.of("whitelist_ips", java.util.List.of()))
                .put("/api/v1/accounts/" + alice.username() + "/tokens/nosuch/whitelist").then().statusCode(404);
    }
}
