package dev.openuapi.token;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.FromAddress;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Per-token rate limits (issue 20 §2): {@code rate_limit_per_minute} on POST and PATCH {@code /api/v1/tokens}, and past
 * it 429 with {@code Retry-After} on every face a cPanel token calls (UAPI, API 2, our REST API), one bucket per token,
 * never a failed login for cPHulk.
 */
@QuarkusTest
class TokenRateLimitTest {

    private static final String UAPI = "/execute/Variables/get_user_information";
    private static final String API2 = "/json-api/cpanel?cpanel_jsonapi_module=Tokens&cpanel_jsonapi_func=list&cpanel_jsonapi_apiversion=3";
    private static final String REST = "/api/v1/tokens";

    static String limited(TestAccount account, String name, Object perMinute) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("rate_limit_per_minute", perMinute);
        return account.withPassword().contentType(ContentType.JSON).body(body).post("/api/v1/tokens").then().statusCode(201)
                .extract().path("token");
    }

    static String message(String name, int perMinute) {
        return "The API token “" + name + "” is limited to " + perMinute + " calls a minute.";
    }

    private static long retryAfter(Response refused) {
        String header = refused.header("Retry-After");
        assertNotNull(header, "429 carries Retry-After");
        long seconds = Long.parseLong(header);
        assertTrue(seconds >= 1 && seconds <= 60, "Retry-After between 1 and 60: " + seconds);
        return seconds;
    }

    @Test
    void uapiServesTheLimitThenAnswers429WithRetryAfterInItsEnvelope() {
        TestAccount alice = newAccount();
        String token = limited(alice, "three", 3);
        for (int i = 0; i < 3; i++) {
            Uapi.success(alice.withToken(token).get(UAPI).then().statusCode(200).extract().asString());
        }
        Response refused = alice.withToken(token).get(UAPI);
        assertEquals(429, refused.statusCode(), refused.asString());
        retryAfter(refused);
        assertTrue(refused.contentType().startsWith("application/json"), refused.contentType());
        Uapi.failure(refused.asString(), message("three", 3));
        assertEquals(429, alice.withToken(token).get(UAPI).statusCode(), "still refused");

        // The same account's other tokens have buckets of their own, or none; its password has no limit.
        String free = alice.newToken("free");
        for (int i = 0; i < 12; i++) {
            alice.withToken(free).get(UAPI).then().statusCode(200);
            alice.withPassword().get(UAPI).then().statusCode(200);
        }
        String other = limited(alice, "other", 3);
        for (int i = 0; i < 3; i++) {
            alice.withToken(other).get(UAPI).then().statusCode(200);
        }
        assertEquals(429, alice.withToken(other).get(UAPI).statusCode());
        assertEquals(429, alice.withToken(token).get(UAPI).statusCode());
    }

    @Test
    void api2Answers429WithCpsrvdsJsonRefusal() {
        TestAccount bob = newAccount();
        String token = limited(bob, "api2", 3);
        for (int i = 0; i < 3; i++) {
            bob.withToken(token).get(API2).then().statusCode(200);
        }
        Response refused = bob.withToken(token).get(API2);
        assertEquals(429, refused.statusCode(), refused.asString());
        retryAfter(refused);
        JsonNode body = Fixtures.json(refused.asString()).get("cpanelresult");
        assertEquals(message("api2", 3), body.get("error").textValue(), refused.asString());
        assertEquals("0", body.get("data").get("result").textValue());
        // API 2 proper (cpanel_jsonapi_apiversion=2) too
        Response api2 = bob.withToken(token).get("/json-api/cpanel?cpanel_jsonapi_module=StatsBar&cpanel_jsonapi_func=stat");
        assertEquals(429, api2.statusCode(), api2.asString());
    }

    @Test
    void ourRestApiAnswers429ProblemJsonAndTheLimitCountsCallsOnEveryFaceTogether() {
        TestAccount carol = newAccount();
        String token = limited(carol, "rest", 3);
        carol.withToken(token).get(UAPI).then().statusCode(200);
        carol.withToken(token).get(API2).then().statusCode(200);
        carol.withToken(token).get(REST).then().statusCode(200);
        Response refused = carol.withToken(token).get(REST);
        assertEquals(429, refused.statusCode(), refused.asString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        retryAfter(refused);
        JsonNode problem = Fixtures.json(refused.asString());
        assertEquals(429, problem.get("status").intValue());
        assertEquals("Too Many Requests", problem.get("title").textValue());
        assertEquals(message("rest", 3), problem.get("detail").textValue());
        assertEquals(429, carol.withToken(token).get(UAPI).statusCode(), "one bucket for every face");
        assertEquals(429, carol.withToken(token).contentType(ContentType.JSON).body(Map.of("name", "x")).post(REST).statusCode());
        assertFalse(carol.withPassword().get(REST).then().statusCode(200).extract().jsonPath().getList("name").contains("x"),
                "the refused POST made nothing");
        // A limit of one says "call", not "calls"
        String one = limited(carol, "one", 1);
        carol.withToken(one).get(REST).then().statusCode(200);
        assertEquals("The API token “one” is limited to 1 call a minute.",
                Fixtures.json(carol.withToken(one).get(REST).then().statusCode(429).extract().asString()).get("detail").textValue());
    }

    /** Fileman::upload_files has a Vert.x route of its own: its calls count and are refused alike, before the body is read. */
    @Test
    void theUploadRouteCountsAndRefusesAlike() {
        TestAccount gina = newAccount();
        String token = limited(gina, "uploader", 1);
        gina.withToken(token).get(UAPI).then().statusCode(200);
        Response refused = gina.withToken(token).multiPart("file-1", "a.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/execute/Fileman/upload_files?dir=public_html");
        assertEquals(429, refused.statusCode(), refused.asString());
        retryAfter(refused);
        Uapi.failure(refused.asString(), "The API token “uploader” is limited to 1 call a minute.");
    }

    /** Polls UAPI with the token until a call is served; fails unless one is within a second of {@code since}. */
    private static void servedWithinASecond(TestAccount account, String token, long since, String change) {
        while (true) {
            int status = account.withToken(token).get(UAPI).statusCode();
            long elapsed = System.nanoTime() - since;
            if (status == 200) {
                assertTrue(elapsed < 1_000_000_000L, change + " took " + elapsed / 1_000_000 + " ms");
                return;
            }
            assertEquals(429, status);
            assertTrue(elapsed < 1_000_000_000L, change + ": still refused after " + elapsed / 1_000_000 + " ms");
        }
    }

    @Test
    void aPatchRaisingOrRemovingTheLimitTakesEffectWithinASecond() {
        TestAccount dave = newAccount();
        String token = limited(dave, "patched", 3);
        for (int i = 0; i < 3; i++) {
            dave.withToken(token).get(UAPI).then().statusCode(200);
        }
        assertEquals(429, dave.withToken(token).get(UAPI).statusCode());

        long since = System.nanoTime();
        dave.withPassword().contentType(ContentType.JSON).body(Map.of("rate_limit_per_minute", 10)).patch(REST + "/patched").then()
                .statusCode(200);
        servedWithinASecond(dave, token, since, "raised from 3 to 10");
        int more = 1;
        while (dave.withToken(token).get(UAPI).statusCode() == 200) {
            more++;
            assertTrue(more <= 20, "the raised limit still holds");
        }
        // raised by 7 with none left: 7 more now (8 if a 6-second refill came while this test ran)
        assertTrue(more == 7 || more == 8, "calls after raising the limit from 3 to 10: " + more);
        Response refused = dave.withToken(token).get(UAPI);
        assertEquals(429, refused.statusCode());
        Uapi.failure(refused.asString(), message("patched", 10));

        since = System.nanoTime();
        dave.withPassword().contentType(ContentType.JSON).body(Map.of("rate_limit_per_minute", 0)).patch(REST + "/patched").then()
                .statusCode(200).body("rate_limit_per_minute", org.hamcrest.Matchers.nullValue());
        servedWithinASecond(dave, token, since, "limit removed");
        for (int i = 0; i < 30; i++) {
            dave.withToken(token).get(UAPI).then().statusCode(200);
        }
        // ... and a limit set on a token that had none holds too
        dave.withPassword().contentType(ContentType.JSON).body(Map.of("rate_limit_per_minute", 2)).patch(REST + "/patched").then()
                .statusCode(200).body("rate_limit_per_minute", org.hamcrest.Matchers.equalTo(2));
        long deadline = System.nanoTime() + 1_000_000_000L;
        int status;
        do {
            status = dave.withToken(token).get(UAPI).statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertEquals(429, status, "a new limit of 2 holds within a second");
    }

    @Test
    void theFieldOnPostAndPatchIsShownByRestAndCheckedAndUapiTokensListKeepsCpanelsShape() {
        TestAccount erin = newAccount();
        limited(erin, "max", 100_000);
        String plain = erin.newToken("plain");
        JsonNode list = Fixtures.json(erin.withPassword().get(REST).then().statusCode(200).extract().asString());
        Map<String, JsonNode> byName = new HashMap<>();
        list.forEach(t -> byName.put(t.get("name").textValue(), t));
        assertEquals(100_000, byName.get("max").get("rate_limit_per_minute").intValue(), list.toString());
        assertTrue(byName.get("plain").has("rate_limit_per_minute") && byName.get("plain").get("rate_limit_per_minute").isNull(),
                "null when none: " + list);

        String range = "The “rate_limit_per_minute” argument must be a whole number from 1 to 100000 (calls a minute)";
        for (Object bad : List.of(0, -1, 100_001)) {
            Response refused = erin.withPassword().contentType(ContentType.JSON).body(Map.of("name", "bad", "rate_limit_per_minute", bad))
                    .post(REST);
            assertEquals(400, refused.statusCode(), bad + ": " + refused.asString());
            assertEquals(range + "; leave it out for no limit.", refused.path("detail"), bad + "");
        }
        for (Object bad : List.of("many", 4_000_000_000L)) {
            assertEquals(400, erin.withPassword().contentType(ContentType.JSON).body(Map.of("name", "bad", "rate_limit_per_minute", bad))
                    .post(REST).statusCode(), "not a whole number: " + bad);
        }
        assertFalse(erin.withPassword().get(REST).then().statusCode(200).extract().jsonPath().getList("name").contains("bad"),
                "no bad token was made");
        for (Object bad : List.of(-1, 100_001)) {
            Response refused = erin.withPassword().contentType(ContentType.JSON).body(Map.of("rate_limit_per_minute", bad))
                    .patch(REST + "/plain");
            assertEquals(400, refused.statusCode(), bad + ": " + refused.asString());
            assertEquals(range + ", or 0 to remove the limit.", refused.path("detail"));
        }
        erin.withPassword().contentType(ContentType.JSON).body(Map.of()).patch(REST + "/plain").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("rate_limit_per_minute"));
        erin.withPassword().contentType(ContentType.JSON).body(Map.of("rate_limit_per_minute", 42)).patch(REST + "/plain").then()
                .statusCode(200).body("rate_limit_per_minute", org.hamcrest.Matchers.equalTo(42)).body("name", org.hamcrest.Matchers.equalTo("plain"));

        // UAPI Tokens::list: cPanel's fields (and read_only), nothing about rate limits
        JsonNode rows = Uapi.success(erin.withToken(plain).get("/execute/Tokens/list").then().statusCode(200).extract().asString()).get("data");
        assertEquals(2, rows.size(), rows.toString());
        for (JsonNode row : rows) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> it = row.fieldNames(); it.hasNext();) {
                keys.add(it.next());
            }
            assertEquals(List.of("name", "create_time", "expires_at", "has_full_access", "features", "whitelist_ips", "read_only"), keys,
                    row.toString());
        }
        // A limited token may make a token without a limit, or with a higher one: a limit is not a right.
        String limitedMaker = limited(erin, "maker", 50);
        erin.withToken(limitedMaker).contentType(ContentType.JSON).body(Map.of("name", "unlimited-child")).post(REST).then().statusCode(201);
        erin.withToken(limitedMaker).contentType(ContentType.JSON).body(Map.of("name", "higher-child", "rate_limit_per_minute", 500))
                .post(REST).then().statusCode(201);
    }

    /**
     * A rate-limited call authenticated: cPHulk never counts it. From one address, 20 refusals of a token limited to 1 a
     * minute, then 4 wrong tokens (one under cPHulk's 5 failures an address): the address is not blocked, so a right token
     * is still served. Were the 429s counted, it would have been blocked long before.
     */
    @Test
    void rateLimitedCallsAreNotFailedLoginsForCphulk() throws IOException {
        TestAccount frank = newAccount();
        String token = limited(frank, "hammer", 1);
        String free = frank.newToken("free");
        String client = "198.51.100.207";
        String auth = "cpanel " + frank.username() + ":" + token;
        assertEquals(200, FromAddress.get(client, UAPI, auth).status());
        for (int i = 0; i < 20; i++) {
            FromAddress.Answer refused = FromAddress.get(client, UAPI, auth);
            assertEquals(429, refused.status(), refused.body());
            assertTrue(refused.body().contains("hammer") && refused.body().contains("is limited to 1 call a minute."), refused.body());
        }
        for (int i = 0; i < 4; i++) {
            int status = FromAddress.get(client, UAPI, "cpanel " + frank.username() + ":" + Fixtures.randomSuffix(32).toUpperCase()).status();
            assertEquals(401, status, "an ordinary failed login");
        }
        FromAddress.Answer served = FromAddress.get(client, UAPI, "cpanel " + frank.username() + ":" + free);
        assertEquals(200, served.status(), "the address is not blocked: " + served.body());
        assertFalse(served.headers().containsKey("retry-after"));
    }
}
