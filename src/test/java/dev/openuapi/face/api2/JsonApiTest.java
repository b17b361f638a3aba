package dev.openuapi.face.api2;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /json-api/cpanel} (spec §8): API 2's compact cpanelresult, API 3's wrapper, API 1's refusal. */
@QuarkusTest
class JsonApiTest {

    private static final String CONTACT = "/json-api/cpanel?cpanel_jsonapi_module=CustInfo&cpanel_jsonapi_func=displaycontactinfo";

    /**
     * The rows' keys (name, descp, value, type) follow cPanel's CustInfo::displaycontactinfo; the descp texts are
     * OpenUAPI's own (cPanel's docs, api.docs.cpanel.net, show "This is an email address at which the system can
     * contact you. ..."). Clients such as acme.sh only use the call as a login probe (spec §9.2).
     */
    private static String contactRows(TestAccount account) {
        return "[{\"name\":\"email\",\"descp\":\"Contact Email Address\",\"value\":\"owner@" + account.domain()
                + "\",\"type\":\"string\"},{\"name\":\"second_email\",\"descp\":\"Second Contact Email Address\",\"value\":\"\","
                + "\"type\":\"string\"}]";
    }

    @Test
    void api2IsTheDefaultAndItsEnvelopeIsCompact() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String expected = "{\"cpanelresult\":{\"apiversion\":2,\"module\":\"CustInfo\",\"func\":\"displaycontactinfo\","
                + "\"event\":{\"result\":1},\"data\":" + contactRows(alice) + "}}\n";
        for (String url : new String[] { CONTACT, CONTACT + "&cpanel_jsonapi_apiversion=2&", CONTACT.replace("cpanel?", "cpanel/?"),
                CONTACT + "&cpanel_jsonapi_user=" + alice.username() + "&cpanel_jsonapi_funcversion=1" }) {
            String body = alice.withToken(token).urlEncodingEnabled(false).get(url).then().statusCode(200)
                    .header("Cache-Control", "no-cache, no-store, must-revalidate, private").extract().asString();
            assertEquals(expected, body, url);
        }
        assertEquals(expected, alice.withToken(token).contentType("application/x-www-form-urlencoded")
                .body("cpanel_jsonapi_module=CustInfo&cpanel_jsonapi_func=displaycontactinfo").post("/json-api/cpanel").asString());
        assertEquals(expected, alice.withPassword().contentType("application/json")
                .body("{\"cpanel_jsonapi_module\":\"CustInfo\",\"cpanel_jsonapi_func\":\"displaycontactinfo\"}")
                .post("/json-api/cpanel").asString());
    }

    @Test
    void unknownFunctionsSayCouldNotFindFunction() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        assertEquals("{\"cpanelresult\":{\"apiversion\":2,\"module\":\"Nope\",\"func\":\"nothing\",\"error\":"
                + "\"Could not find function 'nothing' in module 'Nope'\"}}\n",
                alice.withToken(token).get("/json-api/cpanel?cpanel_jsonapi_module=Nope&cpanel_jsonapi_func=nothing").then()
                        .statusCode(200).extract().asString());
        // A UAPI-only module has no API 2 functions.
        String body = alice.withToken(token).get("/json-api/cpanel?cpanel_jsonapi_module=Tokens&cpanel_jsonapi_func=list").asString();
        assertTrue(body.contains("\"error\":\"Could not find function 'list' in module 'Tokens'\""), body);
        assertTrue(alice.withToken(token).get("/json-api/cpanel").asString().contains("Could not find function"));
    }

    @Test
    void apiVersion3WrapsTheUapiResult() {
        TestAccount alice = newAccount();
        String token = alice.newToken("only");
        String body = alice.withToken(token)
                .get("/json-api/cpanel?cpanel_jsonapi_module=Tokens&cpanel_jsonapi_func=list&cpanel_jsonapi_apiversion=3").asString();
        JsonNode root = Fixtures.json(body);
        assertEquals(3, root.get("apiversion").intValue());
        assertEquals("Tokens", root.get("module").textValue());
        assertEquals("list", root.get("func").textValue());
        JsonNode result = root.get("result");
        assertEquals(1, result.get("status").intValue());
        assertEquals("only", result.get("data").get(0).get("name").textValue());
        assertTrue(result.get("errors").isNull());
        String failed = alice.withToken(token)
                .get("/json-api/cpanel?cpanel_jsonapi_module=Tokens&cpanel_jsonapi_func=create_full_access&cpanel_jsonapi_apiversion=3")
                .asString();
        assertEquals("Provide the “name” argument.", Fixtures.json(failed).get("result").get("errors").get(0).textValue());
    }

    @Test
    void apiVersion1IsForbiddenForTokens() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        alice.withToken(token).get(CONTACT + "&cpanel_jsonapi_apiversion=1").then().statusCode(403)
                .body(equalTo("Token authentication allows access to UAPI or API 2 calls only.\n"));
        alice.withToken(token).contentType("application/x-www-form-urlencoded").body("cpanel_jsonapi_apiversion=1")
                .post(CONTACT).then().statusCode(403);
        alice.withPassword().get(CONTACT + "&cpanel_jsonapi_apiversion=1").then().statusCode(200)
                .body("apiversion", equalTo("1")).body("event.result", equalTo(0));
    }

    @Test
    void badCredentialsGet403WithTheAccessDeniedBody() {
        TestAccount alice = newAccount();
        // cPanel's body for a refused json-api login (spec §2.5).
        String denied = "{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":\"Access denied\",\"data\":{\"reason\":\"Access denied\","
                + "\"result\":\"0\"},\"type\":\"text\"}}\n";
        assertEquals(denied, given().get(CONTACT).then().statusCode(403).extract().asString());
        assertEquals(denied, alice.withToken("B".repeat(32)).get(CONTACT).then().statusCode(403).extract().asString());
        assertEquals(denied, given().auth().preemptive().basic(alice.username(), "wrong").get(CONTACT).then().statusCode(403)
                .extract().asString());
    }

    @Test
    void anotherUserInCpanelJsonapiUserIsRefused() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String body = alice.withToken(alice.newToken()).get(CONTACT + "&cpanel_jsonapi_user=" + bob.username()).then()
                .statusCode(403).extract().asString();
        assertEquals("0", Fixtures.json(body).get("cpanelresult").get("data").get("result").textValue());
        assertTrue(body.contains(bob.username()), body);
        assertTrue(!body.contains("owner@"), "nothing of either account leaks: " + body);
    }

    @Test
    void nestedJsonIsAComplexDataRequest() {
        TestAccount alice = newAccount();
        String body = alice.withPassword().contentType("application/json")
                .body("{\"cpanel_jsonapi_module\":\"CustInfo\",\"cpanel_jsonapi_func\":\"displaycontactinfo\",\"x\":{\"y\":1}}")
                .post(CONTACT).asString();
        JsonNode result = Fixtures.json(body).get("cpanelresult");
        assertEquals("API2: Cpanel::CustInfo::displaycontactinfo does not support complex data requests.", result.get("error").textValue());
        assertEquals(0, result.get("event").get("result").intValue());
    }

    @Test
    void api2FilterSortPaginateAndColumns() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode filtered = Fixtures.json(alice.withToken(token).get(CONTACT
                + "&api2_filter=1&api2_filter_column=name&api2_filter_type=begins&api2_filter_term=SECOND").asString()).get("cpanelresult");
        assertEquals(1, filtered.get("data").size());
        assertEquals("second_email", filtered.get("data").get(0).get("name").textValue());
        assertEquals(2, filtered.get("records_before_filter").intValue());

        JsonNode ignored = Fixtures.json(alice.withToken(token).get(CONTACT + "&api2_filter_column=name&api2_filter_term=second")
                .asString()).get("cpanelresult");
        assertEquals(2, ignored.get("data").size(), "without api2_filter=1 nothing is filtered");

        JsonNode sorted = Fixtures.json(alice.withToken(token).get(CONTACT + "&api2_sort=1&api2_sort_column=name&api2_sort_reverse=1")
                .asString()).get("cpanelresult");
        assertEquals("second_email", sorted.get("data").get(0).get("name").textValue());

        JsonNode paged = Fixtures.json(alice.withToken(token).get(CONTACT + "&api2_paginate=1&api2_paginate_start=2&api2_paginate_size=1")
                .asString()).get("cpanelresult");
        assertEquals(1, paged.get("data").size());
        assertEquals("second_email", paged.get("data").get(0).get("name").textValue());
        assertEquals("{\"total_results\":2,\"total_pages\":2,\"start_result\":2,\"results_per_page\":1,\"current_page\":2}",
                paged.get("paginate").toString());

        JsonNode columns = Fixtures.json(alice.withToken(token).get(CONTACT + "&api2_columns=1&api2_columns_a=name&api2_columns_b=value")
                .asString()).get("cpanelresult");
        assertEquals("{\"name\":\"email\",\"value\":\"owner@" + alice.domain() + "\"}", columns.get("data").get(0).toString());
    }

    @Test
    void theTokenPathGuardLetsJsonApiThrough() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        alice.withToken(token).get("/json-api/listaccts?api.version=1").then().statusCode(403);
        alice.withToken(token).urlEncodingEnabled(false)
                .get("/json-api/cpanel;module=CustInfo;func=displaycontactinfo?cpanel_jsonapi_module=CustInfo&cpanel_jsonapi_func=displaycontactinfo")
                .then().statusCode(200).body("cpanelresult.event.result", equalTo(1));
        Uapi.success(alice.withToken(token).get("/execute/Tokens/list").asString());
    }
}
