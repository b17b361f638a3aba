package dev.openuapi.token;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Our own REST face for tokens ({@code /api/v1/tokens}), on the same service as UAPI Tokens. The whole
 * REST API is OpenUAPI's own design (status codes, problem+json, Location, field names); the {@code detail}
 * texts are cPanel's UAPI Tokens messages (spec §4), reused.
 */
@QuarkusTest
class TokenResourceTest {

    @Test
    void createShowsTheValueOnceWithNoStore() {
        TestAccount alice = newAccount();
        long expiry = System.currentTimeMillis() / 1000 + 3600;
        String token = alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "ci", "expires_at", expiry))
                .post("/api/v1/tokens").then().statusCode(201)
                .header("Location", containsString("/api/v1/tokens/ci"))
                .header("Cache-Control", "no-store")
                .body("name", equalTo("ci")).body("expires_at", equalTo((int) expiry))
                .body("token", matchesPattern("[0-9A-Z]{32}"))
                .extract().path("token");
        String list = alice.withPassword().get("/api/v1/tokens").then().statusCode(200)
                .body("", hasSize(1)).body("[0].name", equalTo("ci")).body("[0].has_full_access", equalTo(1))
                .body("[0]", not(org.hamcrest.Matchers.hasKey("token")))
                .extract().asString();
        assertFalse(list.contains(token));
    }

    @Test
    void aTokenCanManageTokensAndLastUseIsRecorded() {
        TestAccount alice = newAccount();
        String token = alice.newToken("self");
        alice.withToken(token).get("/api/v1/tokens").then().statusCode(200).body("[0].last_used_at", nullValue());
        // The use is written off the request path, in the next second's batch (issue 13 §1).
        long deadline = System.nanoTime() + 3_000_000_000L;
        Object lastUsed;
        do {
            lastUsed = alice.withPassword().get("/api/v1/tokens").then().statusCode(200).extract().path("[0].last_used_at");
        } while (lastUsed == null && System.nanoTime() < deadline);
        alice.withPassword().get("/api/v1/tokens").then().statusCode(200)
                .body("[0].last_used_at", not(nullValue())).body("[0].last_used_ip", equalTo("127.0.0.1"));
        alice.withToken(token).contentType(ContentType.JSON).body(Map.of("name", "second")).post("/api/v1/tokens")
                .then().statusCode(201);
    }

    @Test
    void sameCoreAsUapi() {
        TestAccount alice = newAccount();
        String token = alice.newToken("rest-made");
        alice.withToken(token).get("/execute/Tokens/list").then().body("status", equalTo(1)).body("data.name", equalTo(java.util.List.of("rest-made")));
        alice.withToken(token).queryParam("name", "uapi-made").get("/execute/Tokens/create_full_access").then().body("status", equalTo(1));
        alice.withPassword().get("/api/v1/tokens").then().body("name", org.hamcrest.Matchers.containsInAnyOrder("rest-made", "uapi-made"));
    }

    @Test
    void errorsAreProblemJson() {
        TestAccount alice = newAccount();
        alice.newToken("taken");
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "bad name")).post("/api/v1/tokens"), 400)
                .body("detail", containsString("is not a valid API token name"));
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "taken")).post("/api/v1/tokens"), 409)
                .body("detail", equalTo("A conflicting API token with the name “taken” already exists."));
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "old", "expires_at", 1500000000))
                .post("/api/v1/tokens"), 400).body("detail", equalTo("The “1500000000” value must be a future date."));
        problem(alice.withPassword().contentType(ContentType.JSON).body("{not json").post("/api/v1/tokens"), 400);
        problem(alice.withPassword().contentType(ContentType.JSON).body("{\"name\":\"x\",\"expires_at\":\"soon\"}")
                .post("/api/v1/tokens"), 400);
        Map<String, Object> noName = new HashMap<>();
        noName.put("name", null);
        problem(alice.withPassword().contentType(ContentType.JSON).body(noName).post("/api/v1/tokens"), 400);
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("new_name", "x")).patch("/api/v1/tokens/none"), 404)
                .body("detail", equalTo("The API token “none” does not exist."));
        alice.newToken("other");
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of("new_name", "other")).patch("/api/v1/tokens/taken"),
                409).body("detail", equalTo("An API token with the name “other” already exists."));
        problem(alice.withPassword().contentType(ContentType.JSON).body(Map.of()).patch("/api/v1/tokens/taken"), 400);
        problem(alice.withPassword().delete("/api/v1/tokens/none"), 404);
        alice.withPassword().get("/api/v1/tokens").then().body("", hasSize(2));
    }

    @Test
    void renameAndRevoke() {
        TestAccount alice = newAccount();
        alice.newToken("a");
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("new_name", "b")).patch("/api/v1/tokens/a").then()
                .statusCode(200).body("name", equalTo("b"));
        alice.withPassword().delete("/api/v1/tokens/b").then().statusCode(204);
        alice.withPassword().get("/api/v1/tokens").then().body("", hasSize(0));
    }

    private static io.restassured.response.ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("title", not(nullValue()));
    }
}
