package dev.openuapi.activity;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Whm;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * {@code GET /api/v1/whm/tokens/{name}/activity} (issue 20 §1): a WHM user's own WHM token's recent calls, with the same
 * pages and cursors as a cPanel token's; another user's token is a 404, and reading needs {@code manage-api-tokens}.
 */
@QuarkusTest
class WhmTokenActivityTest {

    @Inject
    ActivityRecorder recorder;

    private static RequestSpecification basic(TestAccount account) {
        return given().auth().preemptive().basic(account.username(), account.password());
    }

    private static String path(String name) {
        return "/api/v1/whm/tokens/" + name + "/activity";
    }

    private static JsonNode page(RequestSpecification as, String path) {
        return Fixtures.json(as.get(path).then().statusCode(200).contentType("application/json").extract().asString());
    }

    private static void problem(RequestSpecification as, String path, int status) {
        as.get(path).then().statusCode(status).contentType("application/problem+json");
    }

    @Test
    void aResellerReadsItsOwnTokensCallsInPagesAndNoOneElseDoes() {
        TestAccount reseller = Whm.reseller("list-accts", "manage-api-tokens", "cpanel-api");
        String name = "feed" + Fixtures.randomSuffix(6).toLowerCase();
        String token = Whm.namedToken(basic(reseller), name);
        Whm.call(Whm.withToken(reseller.username(), token), "myprivs", Map.of());
        Whm.call(Whm.withToken(reseller.username(), token), "createacct", Map.of("username", "nope", "domain", "nope.example")); // no privilege
        // acting as its own account through API 2: still the token's call, counted in that account
        Whm.withToken(reseller.username(), token).queryParam("cpanel_jsonapi_user", reseller.username())
                .queryParam("cpanel_jsonapi_module", "Variables").queryParam("cpanel_jsonapi_func", "get_user_information")
                .queryParam("cpanel_jsonapi_apiversion", "3").get("/json-api/cpanel").then().statusCode(200);
        recorder.flush();

        JsonNode all = page(basic(reseller), path(name));
        List<String> calls = new ArrayList<>();
        all.path("events").forEach(e -> calls.add(e.path("face").asText() + " " + e.path("module").asText() + " "
                + e.path("function").asText() + " " + e.path("result").asText()));
        assertEquals(List.of("api2 Variables get_user_information ok", "whm1 WHM createacct refused", "whm1 WHM myprivs ok"), calls);
        assertNull(all.path("next_cursor").textValue());
        all.path("events").forEach(e -> assertNotNull(e.path("address").textValue(), e.toString()));

        // the token itself reads it too (it has manage-api-tokens), one event a page: the same events, each once (its own
        // reads are newer than the first page, so the walk does not see them)
        List<JsonNode> walked = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = Whm.withToken(reseller.username(), token).queryParam("limit", 1);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonNode one = page(request, path(name));
            assertEquals(1, one.path("events").size(), one.toString());
            walked.add(one.path("events").get(0));
            cursor = one.path("next_cursor").textValue();
        } while (cursor != null && walked.size() < 10);
        List<JsonNode> listed = new ArrayList<>();
        all.path("events").forEach(listed::add);
        assertEquals(listed, walked);

        // bad input: problem+json 400
        problem(basic(reseller).queryParam("cursor", "not-a-cursor"), path(name), 400);
        problem(basic(reseller).queryParam("limit", 0), path(name), 400);
        problem(basic(reseller).queryParam("from", 10).queryParam("to", 5), path(name), 400);

        // another reseller, root and a name the reseller has not: 404, as for a name that does not exist
        TestAccount other = Whm.reseller("list-accts", "manage-api-tokens");
        basic(other).get(path(name)).then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("The API token “" + name + "” does not exist."));
        problem(asRoot(), path(name), 404);
        problem(basic(reseller), path("none" + Fixtures.randomSuffix(4)), 404);

        // the reseller's own password calls (making the token, reading) are counted too: its 17-letter credential fits
        recorder.flush();
        JsonNode counts = page(asRoot().queryParam("account", reseller.username()).queryParam("limit", 500), "/api/v1/admin/activity");
        assertTrue(counts.toString().contains("\"credential\":\"reseller_password\""), counts.toString());
        assertTrue(counts.toString().contains("\"token\":\"" + name + "\""), counts.toString());
    }

    @Test
    void readingNeedsTheTokenPrivilegeAndAWhmCredential() {
        TestAccount reseller = Whm.reseller("list-accts", "manage-api-tokens");
        String name = "own" + Fixtures.randomSuffix(6).toLowerCase();
        Whm.namedToken(basic(reseller), name);
        String narrowed = Whm.namedToken(basic(reseller), "narrow" + Fixtures.randomSuffix(6).toLowerCase(), "list-accts");
        // a token without manage-api-tokens: 403, even about its own calls (as listing tokens is refused to it)
        Whm.withToken(reseller.username(), narrowed).get(path(name)).then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo(WhmTokenActivityResource.NO_PRIVILEGE));
        // a reseller without it, by password
        TestAccount plain = Whm.reseller("list-accts");
        problem(basic(plain), path(name), 403);
        // credentials this face does not take: an account's password (401), a cPanel token (the face's 403)
        TestAccount alice = newAccount();
        problem(alice.withPassword(), path(name), 401);
        problem(alice.withToken(alice.newToken("ci")), path("ci"), 403);
        given().get(path(name)).then().statusCode(401);
    }

    @Test
    void rootReadsRootsOwnToken() {
        String name = "root" + Fixtures.randomSuffix(6).toLowerCase();
        String token = Whm.namedToken(asRoot(), name);
        Whm.call(Whm.withToken("root", token), "myprivs", Map.of());
        recorder.flush();
        JsonNode events = page(asRoot(), path(name)).path("events");
        assertEquals(1, events.size(), events.toString());
        assertEquals("myprivs", events.get(0).path("function").asText());
        assertEquals("whm1", events.get(0).path("face").asText());
        assertEquals("ok", events.get(0).path("result").asText());
    }
}
