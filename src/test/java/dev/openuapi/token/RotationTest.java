package dev.openuapi.token;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.account.AccountRepository;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.LegacyTokens;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 19 §3: rotating a token through our REST API. The new value works at once; the old one works up to and including
 * previous_valid_until and is refused after it; grace 0 ends it at once; bad grace values, unknown names, other users'
 * tokens are refused; WHM tokens rotate as root and as the owning reseller; no value reaches the log.
 */
@QuarkusTest
class RotationTest {

    @Inject
    ApiTokenRepository tokens;

    @Inject
    AccountRepository accounts;

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    static Response rotate(RequestSpecification as, String path, Object body) {
        RequestSpecification request = as.contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        return request.post(path);
    }

    static int tokenStatus(TestAccount account, String value) {
        return account.withToken(value).get("/execute/Tokens/list").then().extract().statusCode();
    }

    /**
     * The contract of a grace period, checked against the clock on both sides of each request: a request that
     * started and ended at or before {@code until} is accepted, one that started after it is refused (one that
     * straddles the second proves nothing and is not judged). Returns once the value has been refused after {@code until}.
     */
    static void assertWorksUntilThenRefused(long until, IntSupplier status, int accepted, int refused) throws InterruptedException {
        boolean sawAccepted = false;
        long deadline = System.nanoTime() + (until - now() + 5) * 1_000_000_000L;
        while (true) {
            long before = now();
            int answer = status.getAsInt();
            long after = now();
            if (after <= until) {
                assertEquals(accepted, answer, "the old value at " + after + ", valid until " + until);
                sawAccepted = true;
            } else if (before > until) {
                assertEquals(refused, answer, "the old value at " + before + ", valid until " + until + ": not a second longer");
                break;
            }
            assertTrue(System.nanoTime() < deadline, "the grace period ended");
            Thread.sleep(100);
        }
        assertTrue(sawAccepted, "the old value worked during its grace period");
    }

    @Test
    void theNewValueWorksAtOnceAndTheOldOneUntilTheGraceEnds() throws Exception {
        TestAccount alice = newAccount();
        String old = alice.newToken("ci");
        long before = now();
        Response answer = rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", Map.of("grace_seconds", 2));
        answer.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body("name", equalTo("ci")).body("token", matchesPattern("[0-9A-Z]{32}")).body("expires_at", nullValue());
        String fresh = answer.path("token");
        long until = ((Number) answer.path("previous_valid_until")).longValue();
        assertNotEquals(old, fresh);
        assertTrue(until >= before + 2 && until <= now() + 2, "previous_valid_until is now + grace: " + until);
        assertEquals(200, tokenStatus(alice, fresh), "the new value works at once");
        // still the same token: one token, same name, listed once
        alice.withToken(fresh).get("/api/v1/tokens").then().statusCode(200).body("name", equalTo(List.of("ci")));
        assertWorksUntilThenRefused(until, () -> tokenStatus(alice, old), 200, 401);
        assertEquals(200, tokenStatus(alice, fresh), "the new value outlives the old one");
    }

    @Test
    void graceZeroEndsTheOldValueAtOnce() {
        TestAccount alice = newAccount();
        String old = alice.newToken("ci");
        assertEquals(200, tokenStatus(alice, old)); // in memory, as a used token is
        Response answer = rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", null);
        answer.then().statusCode(200).body("previous_valid_until", nullValue());
        assertEquals(401, tokenStatus(alice, old), "the old value stops at once");
        assertEquals(200, tokenStatus(alice, answer.path("token")));
        // an explicit 0 and an empty object mean the same
        String second = rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", Map.of("grace_seconds", 0)).then().statusCode(200)
                .body("previous_valid_until", nullValue()).extract().path("token");
        assertEquals(401, tokenStatus(alice, answer.path("token")));
        String third = rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", "{}").then().statusCode(200)
                .body("previous_valid_until", nullValue()).extract().path("token");
        assertEquals(401, tokenStatus(alice, second));
        assertEquals(200, tokenStatus(alice, third));
    }

    @Test
    void aSecondRotationReplacesThePreviousValue() {
        TestAccount alice = newAccount();
        String first = alice.newToken("ci");
        String second = rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", Map.of("grace_seconds", 600)).then().statusCode(200)
                .extract().path("token");
        assertEquals(200, tokenStatus(alice, first), "in its grace period");
        String third = rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", Map.of("grace_seconds", 600)).then().statusCode(200)
                .extract().path("token");
        assertEquals(401, tokenStatus(alice, first), "one previous value at a time: the oldest stops at once");
        assertEquals(200, tokenStatus(alice, second));
        assertEquals(200, tokenStatus(alice, third));
    }

    /**
     * Rotations of one token at the same time queue up on its row: each answers a value, and afterwards exactly two
     * values work, the last one's and the one before it (one previous value at a time), whatever the order was.
     */
    @Test
    void concurrentRotationsQueueUpAndLeaveOnePreviousValue() throws Exception {
        TestAccount alice = newAccount();
        String original = alice.newToken("raced");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(pool.submit(() -> rotate(alice.withPassword(), "/api/v1/tokens/raced/rotate", Map.of("grace_seconds", 600))));
        }
        List<String> values = new ArrayList<>(List.of(original));
        for (var call : calls) {
            Response answer = call.get();
            assertEquals(200, answer.statusCode(), answer.asString());
            values.add(answer.path("token"));
        }
        pool.shutdown();
        long working = values.stream().filter(v -> tokenStatus(alice, v) == 200).count();
        assertEquals(2, working, "the current value and one previous value");
        alice.withPassword().get("/api/v1/tokens").then().body("name", equalTo(List.of("raced")));
    }

    @Test
    void theOldValueStopsWithTheTokenAndExpiryAndNameStay() {
        TestAccount alice = newAccount();
        long expiry = now() + 3600;
        String old = alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "ci", "expires_at", expiry))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        long created = ((Number) alice.withPassword().get("/api/v1/tokens").then().extract().path("[0].create_time")).longValue();
        String fresh = rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", Map.of("grace_seconds", 86400)).then().statusCode(200)
                .body("expires_at", equalTo((int) expiry)).body("previous_valid_until", equalTo((int) expiry)) // capped at the expiry
                .extract().path("token");
        alice.withPassword().get("/api/v1/tokens").then().body("[0].create_time", equalTo((int) created))
                .body("[0].expires_at", equalTo((int) expiry));
        assertEquals(200, tokenStatus(alice, old));
        // a rename is seen by the old value's snapshot too, and a revoke ends both values
        alice.withToken(old).contentType(ContentType.JSON).body(Map.of("new_name", "renamed")).patch("/api/v1/tokens/ci").then()
                .statusCode(200);
        assertEquals(200, tokenStatus(alice, old));
        alice.withToken(fresh).delete("/api/v1/tokens/renamed").then().statusCode(204);
        assertEquals(401, tokenStatus(alice, old), "revoked: the old value too");
        assertEquals(401, tokenStatus(alice, fresh));
    }

    @Test
    void aTokenRotatesItselfAndTheOldValueMayRotateAgain() {
        TestAccount alice = newAccount();
        String old = alice.newToken("self");
        String fresh = rotate(alice.withToken(old), "/api/v1/tokens/self/rotate", Map.of("grace_seconds", 60)).then().statusCode(200)
                .extract().path("token");
        assertEquals(200, tokenStatus(alice, fresh));
        // in its grace period the old value is still the token, so it may rotate it once more (which ends it)
        String newest = rotate(alice.withToken(old), "/api/v1/tokens/self/rotate", null).then().statusCode(200).extract().path("token");
        assertEquals(401, tokenStatus(alice, old));
        assertEquals(401, tokenStatus(alice, fresh));
        assertEquals(200, tokenStatus(alice, newest));
    }

    /** Issue 19 §1, no escalation: a limited token rotates only tokens within its rights (and itself); a read-only one rotates nothing. */
    @Test
    void aLimitedTokenRotatesOnlyTokensWithinItsRights() {
        TestAccount alice = newAccount();
        String wide = alice.newToken("wide");
        String limited = alice.withPassword().contentType(ContentType.JSON)
                .body(Map.of("name", "limited", "features", List.of("apitokens", "zoneedit"))).post("/api/v1/tokens")
                .then().statusCode(201).extract().path("token");
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "narrow", "features", List.of("zoneedit")))
                .post("/api/v1/tokens").then().statusCode(201);
        String readOnly = alice.withPassword().contentType(ContentType.JSON)
                .body(Map.of("name", "reader", "features", List.of("apitokens"), "read_only", true)).post("/api/v1/tokens")
                .then().statusCode(201).extract().path("token");

        problem(rotate(alice.withToken(limited), "/api/v1/tokens/wide/rotate", null), 403)
                .body("detail", equalTo("You may not rotate the API token “wide”."));
        assertEquals(200, tokenStatus(alice, wide), "a refused rotation changes nothing");
        rotate(alice.withToken(limited), "/api/v1/tokens/narrow/rotate", null).then().statusCode(200);
        String fresh = rotate(alice.withToken(limited), "/api/v1/tokens/limited/rotate", null).then().statusCode(200)
                .extract().path("token");
        problem(rotate(alice.withToken(readOnly), "/api/v1/tokens/reader/rotate", null), 403)
                .body("detail", equalTo("This API token is read-only: “POST /api/v1/tokens/{name}/rotate” changes data."));
        assertEquals(401, tokenStatus(alice, limited));
        alice.withToken(fresh).get("/api/v1/tokens").then().statusCode(200);
    }

    @Test
    void badGraceValuesAndUnknownNamesAreProblems() {
        TestAccount alice = newAccount();
        String value = alice.newToken("ci");
        for (Object grace : List.of(-1, 86401, 1.5, "60", true, 99999999999L, List.of(1))) {
            problem(rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", Map.of("grace_seconds", grace)), 400)
                    .body("detail", equalTo(TokenRotationService.BAD_GRACE));
        }
        problem(rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", Map.of("grace", 60)), 400)
                .body("detail", equalTo("Unknown field “grace”: a rotation takes only “grace_seconds”."));
        problem(rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", "[60]"), 400);
        problem(rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", "{not json"), 400);
        assertEquals(200, tokenStatus(alice, value), "a refused rotation changes nothing");
        problem(rotate(alice.withPassword(), "/api/v1/tokens/nope/rotate", null), 404)
                .body("detail", equalTo("The API token “nope” does not exist."));
        // another account's token of the same name is not this account's
        TestAccount bob = newAccount();
        problem(rotate(bob.withPassword(), "/api/v1/tokens/ci/rotate", null), 404);
        assertEquals(200, tokenStatus(alice, value));
        rotate(alice.withPassword(), "/api/v1/tokens/ci/rotate", Map.of("grace_seconds", 86400)).then().statusCode(200);
        problem(rotate(given().auth().preemptive().basic(alice.username(), "wrong"), "/api/v1/tokens/ci/rotate", null), 401);
    }

    /** A token issued without a check (before checks existed, imported) keeps its old value through the grace period too. */
    @Test
    void anUncheckedTokensOldValueWorksThroughItsGracePeriod() throws Exception {
        TestAccount alice = newAccount();
        String legacy = LegacyTokens.insert(accounts, tokens, alice.username(), "legacy");
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (tokenStatus(alice, legacy) != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(200, tokenStatus(alice, legacy), "known by its hash");
        String fresh = rotate(alice.withPassword(), "/api/v1/tokens/legacy/rotate", Map.of("grace_seconds", 600)).then().statusCode(200)
                .extract().path("token");
        // After two polls of the unchecked set (one a second): the old value is known as a previous value, not a current one.
        Thread.sleep(2500);
        assertEquals(200, tokenStatus(alice, legacy), "the unchecked old value in its grace period");
        assertEquals(200, tokenStatus(alice, fresh));
        rotate(alice.withPassword(), "/api/v1/tokens/legacy/rotate", null).then().statusCode(200);
        assertEquals(401, tokenStatus(alice, legacy));
    }

    @Test
    void whmTokensRotateAsRootAndAsTheOwningReseller() throws Exception {
        // root, with its password: its own tokens
        String rootName = "r" + Fixtures.randomSuffix(10);
        String rootOld = whmToken(asRoot(), rootName);
        Response rotated = rotate(asRoot(), "/api/v1/whm/tokens/" + rootName + "/rotate", Map.of("grace_seconds", 2));
        rotated.then().statusCode(200).header("Cache-Control", "no-store").body("name", equalTo(rootName))
                .body("token", matchesPattern("[0-9A-Z]{32}")).body("previous_valid_until", not(nullValue()));
        String rootNew = rotated.path("token");
        assertEquals(1, whmResult(Whm.withToken("root", rootNew)), "the new WHM value works at once");
        long until = ((Number) rotated.path("previous_valid_until")).longValue();
        // WHM API 1 refuses a login with cpsrvd's 403
        assertWorksUntilThenRefused(until, () -> whmStatus(Whm.withToken("root", rootOld)), 200, 403);

        // a reseller, with its password and with its own token; another reseller does not reach it
        TestAccount reseller = reseller(true);
        String resellerName = "mine";
        String resellerOld = whmToken(basic(reseller), resellerName);
        TestAccount other = reseller(true);
        problem(rotate(given().auth().preemptive().basic(other.username(), other.password()),
                "/api/v1/whm/tokens/" + resellerName + "/rotate", null), 404)
                .body("detail", equalTo("The API token “" + resellerName + "” does not exist."));
        problem(rotate(asRoot(), "/api/v1/whm/tokens/" + resellerName + "/rotate", null), 404); // root's namespace is root's
        assertEquals(1, whmResult(Whm.withToken(reseller.username(), resellerOld)), "refused rotations change nothing");
        String resellerNew = rotate(basic(reseller), "/api/v1/whm/tokens/" + resellerName + "/rotate", null).then().statusCode(200)
                .body("previous_valid_until", nullValue()).extract().path("token");
        assertEquals(403, whmStatus(Whm.withToken(reseller.username(), resellerOld)), "grace 0: refused at once");
        assertEquals(1, whmResult(Whm.withToken(reseller.username(), resellerNew)));
        // the token itself, on our REST API
        String newest = rotate(Whm.withToken(reseller.username(), resellerNew), "/api/v1/whm/tokens/" + resellerName + "/rotate",
                Map.of("grace_seconds", 60)).then().statusCode(200).extract().path("token");
        assertEquals(1, whmResult(Whm.withToken(reseller.username(), newest)));
        assertEquals(1, whmResult(Whm.withToken(reseller.username(), resellerNew)), "in its grace period");
        problem(rotate(basic(reseller), "/api/v1/whm/tokens/" + resellerName + "/rotate", Map.of("grace_seconds", -5)), 400);
        problem(rotate(basic(reseller), "/api/v1/whm/tokens/none/rotate", null), 404);
    }

    @Test
    void whmRotationNeedsTheTokenPrivilegeExceptForItself() {
        TestAccount reseller = reseller(true);
        String limitedName = "limited";
        String limited = whmToken(basic(reseller), limitedName, "list-accts"); // without manage-api-tokens
        String targetName = "target";
        String target = whmToken(basic(reseller), targetName);
        problem(rotate(Whm.withToken(reseller.username(), limited), "/api/v1/whm/tokens/" + targetName + "/rotate", null), 403)
                .body("detail", equalTo("You may not rotate the API token “" + targetName + "”."));
        assertEquals(1, whmResult(Whm.withToken(reseller.username(), target)));
        String limitedNew = rotate(Whm.withToken(reseller.username(), limited), "/api/v1/whm/tokens/" + limitedName + "/rotate", null)
                .then().statusCode(200).extract().path("token");
        assertEquals(200, whmStatus(Whm.withToken(reseller.username(), limitedNew)));

        // a reseller without the privilege, by password
        TestAccount plain = reseller(false);
        problem(rotate(given().auth().preemptive().basic(plain.username(), plain.password()), "/api/v1/whm/tokens/any/rotate", null), 404);
        // credentials this face does not take: a cPanel token (the face's 403), an account that is no WHM user (401)
        TestAccount alice = newAccount();
        String cpanel = alice.newToken("ci");
        problem(rotate(alice.withToken(cpanel), "/api/v1/whm/tokens/ci/rotate", null), 403);
        problem(rotate(alice.withPassword(), "/api/v1/whm/tokens/ci/rotate", null), 401);
        // and a WHM token on the cPanel rotation: the REST face's 403
        problem(rotate(Whm.withToken(reseller.username(), limitedNew), "/api/v1/tokens/ci/rotate", null), 403);
    }

    @Test
    void noValueReachesTheLog() throws Exception {
        TestAccount alice = newAccount();
        String old = alice.newToken("logged");
        List<String> values = new ArrayList<>(List.of(old));
        values.add(rotate(alice.withPassword(), "/api/v1/tokens/logged/rotate", Map.of("grace_seconds", 30)).then().statusCode(200)
                .extract().path("token"));
        values.add(rotate(alice.withToken(old), "/api/v1/tokens/logged/rotate", "{\"grace_seconds\":\"x\"}").then().statusCode(400)
                .extract().asString()); // not a value; the 400 names none
        String whmName = "l" + Fixtures.randomSuffix(10);
        String whm = whmToken(asRoot(), whmName);
        values.add(whm);
        values.add(rotate(Whm.withToken("root", whm), "/api/v1/whm/tokens/" + whmName + "/rotate",
                Map.of("grace_seconds", 5)).then().statusCode(200).extract().path("token"));
        Thread.sleep(300); // the access log is written in batches
        String logged = Files.readString(Path.of("target/openuapi-test.log"), StandardCharsets.UTF_8)
                + Files.readString(Path.of("target/openuapi-access.log"), StandardCharsets.UTF_8);
        assertTrue(logged.contains("Rotated API token logged of account " + alice.username()), "the rotation is logged, by name");
        assertTrue(logged.contains("/api/v1/tokens/logged/rotate"), "the access log is on");
        for (String value : List.of(values.get(0), values.get(1), values.get(3), values.get(4))) {
            assertFalse(logged.contains(value), "found a token value in the log");
            assertFalse(logged.contains(TokenValues.hash(value)), "found a token hash in the log");
        }
    }

    /** A new WHM token of the caller's with this name (and these ACLs, none: all of the caller's); returns its value. */
    static String whmToken(RequestSpecification as, String name, String... acls) {
        return Whm.namedToken(as, name, acls);
    }

    static int whmStatus(RequestSpecification as) {
        return as.queryParam("api.version", "1").get("/json-api/myprivs").then().extract().statusCode();
    }

    static int whmResult(RequestSpecification as) {
        return Whm.json(as, "myprivs", Map.of()).get("metadata").get("result").intValue();
    }

    /** A new request (RestAssured's specifications are changed by each use) with the account's password. */
    static RequestSpecification basic(TestAccount account) {
        return given().auth().preemptive().basic(account.username(), account.password());
    }

    static TestAccount reseller(boolean manageTokens) {
        return manageTokens ? Whm.reseller("list-accts", "manage-api-tokens") : Whm.reseller("list-accts");
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("title", not(nullValue()));
    }
}
