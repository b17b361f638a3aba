package dev.openuapi.whm;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A WHM user acting as an account: {@code uapi_cpanel} and {@code /json-api/cpanel?cpanel_jsonapi_user=} (spec §10.2). */
@QuarkusTest
class ActingAsUserTest {

    private static String jsonApi(RequestSpecification as, Map<String, String> args) {
        return as.queryParams(args).get("/json-api/cpanel").then().statusCode(200).extract().asString();
    }

    @Test
    void uapiCpanelRunsUapiAsTheUserAndWrapsTheResult() {
        TestAccount alice = newAccount();
        String token = Whm.rootToken();
        String body = Whm.call(Whm.withToken("root", token), "uapi_cpanel", Map.of("cpanel.user", alice.username(),
                "cpanel.module", "Email", "cpanel.function", "add_pop", "email", "info", "password", "mail-pass-1"));
        assertEquals("{\"metadata\":{\"command\":\"uapi_cpanel\",\"version\":1,\"result\":1,\"reason\":\"OK\"},\"data\":{\"uapi\":"
                + "{\"status\":1,\"errors\":null,\"warnings\":null,\"messages\":null,\"metadata\":{},\"data\":\"info+" + alice.domain()
                + "\"}}}\n", body);
        // it acted on alice's real state: her own token sees the mailbox
        String own = alice.newToken();
        String pops = alice.withToken(own).get("/execute/Email/list_pops").then().statusCode(200).extract().asString();
        assertTrue(pops.contains("info@" + alice.domain()), pops);

        // a UAPI failure stays inside data.uapi; the WHM call itself succeeded
        JsonNode failed = Whm.json(Whm.withToken("root", token), "uapi_cpanel", Map.of("cpanel.user", alice.username(),
                "cpanel.module", "Email", "cpanel.function", "add_pop", "email", "x"));
        assertEquals(1, failed.get("metadata").get("result").intValue());
        assertEquals(0, failed.get("data").get("uapi").get("status").intValue());
        // OpenUAPI's own wording
        assertEquals("The account “nosuchuser” does not exist.", Whm.reason(Whm.withToken("root", token), "uapi_cpanel",
                Map.of("cpanel.user", "nosuchuser", "cpanel.module", "Email", "cpanel.function", "list_pops")));
    }

    @Test
    void jsonApiCpanelWithAWhmTokenActsAsTheNamedUser() {
        TestAccount alice = newAccount();
        RequestSpecification root = Whm.withToken("root", Whm.rootToken());
        String api2 = jsonApi(root, Map.of("cpanel_jsonapi_user", alice.username(), "cpanel_jsonapi_apiversion", "2",
                "cpanel_jsonapi_module", "CustInfo", "cpanel_jsonapi_func", "displaycontactinfo"));
        assertTrue(api2.startsWith("{\"cpanelresult\":{\"apiversion\":2,\"module\":\"CustInfo\",\"func\":\"displaycontactinfo\""), api2);
        assertTrue(api2.contains("owner@" + alice.domain()), api2);

        String api3 = jsonApi(Whm.withToken("root", Whm.rootToken()), Map.of("cpanel_jsonapi_user", alice.username(),
                "cpanel_jsonapi_apiversion", "3", "cpanel_jsonapi_module", "DomainInfo", "cpanel_jsonapi_func", "list_domains"));
        assertTrue(api3.startsWith("{\"apiversion\":3,\"module\":\"DomainInfo\",\"func\":\"list_domains\",\"result\":{\"status\":1"), api3);
        assertTrue(api3.contains("\"main_domain\":\"" + alice.domain() + "\""), api3);

        // root's password acts too
        String byPassword = jsonApi(asRoot(), Map.of("cpanel_jsonapi_user", alice.username(), "cpanel_jsonapi_module", "CustInfo",
                "cpanel_jsonapi_func", "displaycontactinfo"));
        assertTrue(byPassword.contains("owner@" + alice.domain()), byPassword);
    }

    @Test
    void actingNeedsTheUserTheAclAndAnApiThatIsNotApi1() {
        TestAccount alice = newAccount();
        String limited = Whm.rootToken("list-accts");
        assertEquals("Permission denied: “uapi_cpanel” needs the “cpanel-api” privilege.", // OpenUAPI's own wording
                Whm.reason(Whm.withToken("root", limited), "uapi_cpanel", Map.of("cpanel.user", alice.username(), "cpanel.module", "Email",
                        "cpanel.function", "list_pops")));
        String refused = jsonApi(Whm.withToken("root", limited), Map.of("cpanel_jsonapi_user", alice.username(),
                "cpanel_jsonapi_module", "CustInfo", "cpanel_jsonapi_func", "displaycontactinfo"));
        assertTrue(refused.contains("\"error\":\"Permission denied: acting as a cPanel user needs the “cpanel-api” privilege.\""),
                refused);

        // cPanel's privilege for this is cpanel-api: "Perform cPanel API and UAPI functions through the WHM API" (docs.cpanel.net,
        // whm/resellers/edit-reseller-nameservers-and-privileges, Initial Privileges). create-user-session is another privilege.
        String sessionOnly = Whm.rootToken("create-user-session");
        assertEquals("Permission denied: “uapi_cpanel” needs the “cpanel-api” privilege.", // OpenUAPI's own wording
                Whm.reason(Whm.withToken("root", sessionOnly), "uapi_cpanel", Map.of("cpanel.user", alice.username(),
                        "cpanel.module", "Email", "cpanel.function", "list_pops")));
        RequestSpecification apiOnly = Whm.withToken("root", Whm.rootToken("cpanel-api"));
        JsonNode acted = Whm.json(apiOnly, "uapi_cpanel", Map.of("cpanel.user", alice.username(), "cpanel.module", "Email",
                "cpanel.function", "list_pops"));
        assertEquals(1, acted.get("metadata").get("result").intValue(), acted.toString());
        assertEquals(1, acted.get("data").get("uapi").get("status").intValue(), acted.toString());
        String actedApi2 = jsonApi(Whm.withToken("root", Whm.rootToken("cpanel-api")), Map.of("cpanel_jsonapi_user", alice.username(),
                "cpanel_jsonapi_module", "CustInfo", "cpanel_jsonapi_func", "displaycontactinfo"));
        assertTrue(actedApi2.contains("owner@" + alice.domain()), actedApi2);

        String full = Whm.rootToken();
        String noUser = jsonApi(Whm.withToken("root", full), Map.of("cpanel_jsonapi_module", "CustInfo", "cpanel_jsonapi_func",
                "displaycontactinfo"));
        assertTrue(noUser.contains("Provide the “cpanel_jsonapi_user”"), noUser); // OpenUAPI's own wording
        Whm.withToken("root", full).queryParams(Map.of("cpanel_jsonapi_user", alice.username(), "cpanel_jsonapi_apiversion", "1",
                "cpanel_jsonapi_module", "Email", "cpanel_jsonapi_func", "listpops")).get("/json-api/cpanel").then().statusCode(403);
        // a WHM token never reaches UAPI directly
        Whm.withToken("root", full).get("/execute/Email/list_pops").then().statusCode(403);
        // and a cPanel token still cannot act as another account
        TestAccount bob = newAccount();
        bob.withToken(bob.newToken()).queryParams(Map.of("cpanel_jsonapi_user", alice.username(), "cpanel_jsonapi_module", "CustInfo",
                "cpanel_jsonapi_func", "displaycontactinfo")).get("/json-api/cpanel").then().statusCode(403);
    }

    @Test
    void removingAnAccountRevokesItsTokensAndItsDataGoes() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        WhmChecks.uapiOk(alice.withToken(token), "/execute/Tokens/list");
        assertEquals("OK", Whm.reason(Whm.withToken("root", Whm.rootToken()), "removeacct", Map.of("username", alice.username())));
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(401).body(equalTo("Access denied\n")); // cPanel's (spec §2)
        assertEquals("The account “" + alice.username() + "” does not exist.", // OpenUAPI's own wording
                Whm.reason(asRoot(), "accountsummary", Map.of("user", alice.username())));
        assertTrue(Fixtures.json(Whm.call(asRoot(), "listaccts", Map.of("search", "^" + alice.username() + "$"))).get("data").get("acct")
                .isEmpty());
    }
}
