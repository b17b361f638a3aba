package dev.openuapi.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.feature.FeatureCatalog;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.PackagedApp;
import dev.openuapi.support.Uapi;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Two instances of the packaged application on one database, as a Deployment with two replicas runs
 * them: both start at once on a database migrated once beforehand (as a release is), a token made
 * through one works on the other, concurrent last-use writes from both never fail a request, and every
 * change to what a request authenticates as (a {@code Principal}'s or a WHM user's fields: revocation,
 * expiry, suspension, removal, password, features, plan, owner, reseller privileges, a token's ACLs or
 * allow-list, contact email, username) made through replica a is seen by replica b within a second; so is a session: made on
 * a, it works on b, and its logout on a is refused by b within a second; and a rotated token's old value is refused by b
 * within a second of the end of its grace period.
 *
 * <p>Each change test first asks b, so that whatever b may keep in memory holds the old answer, then makes
 * the change through a and polls b until b answers the new way: it fails when b still answered the old way
 * for a request sent 1 s after a's call returned (or after the expiry instant). Each prints the measured
 * milliseconds. cPHulk is off on these replicas: the polls fail logins from 127.0.0.1 on purpose, more
 * often than its per-address limit allows.
 */
class MultiReplicaIT {

    private static final String DATABASE = "openuapi_replicas_h";
    private static final String ROOT_PASSWORD = "replica-root-password";
    private static final String ROOT = basic("root", ROOT_PASSWORD);
    private static final long SECOND = 1_000_000_000L;
    /** An address no request of this test comes from (they all come from 127.0.0.1). */
    private static final String ELSEWHERE = "10.9.8.7";
    private static final List<PackagedApp> REPLICAS = new ArrayList<>();
    private static final Map<String, Long> MEASURED = new LinkedHashMap<>();
    private static PackagedApp a;
    private static PackagedApp b;

    @BeforeAll
    static void startTwoReplicasAtOnce() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        REPLICAS.add(start("a"));
        REPLICAS.add(start("b"));
        for (PackagedApp replica : REPLICAS) {
            replica.awaitReady();
        }
        a = REPLICAS.get(0);
        b = REPLICAS.get(1);
    }

    @AfterAll
    static void stop() {
        REPLICAS.forEach(r -> r.process().destroy());
        MEASURED.forEach((change, ms) -> System.out.println("[multi-replica] " + ms + " ms\t" + change));
    }

    @Test
    void aTokenRevokedOnOneReplicaIsRefusedByTheOtherWithinASecond() throws Exception {
        createAccount("replica", "replica-password");
        String token = given().auth().preemptive().basic("replica", "replica-password").contentType(ContentType.JSON)
                .body(Map.of("name", "shared")).post(b.url("/api/v1/tokens")).then().statusCode(201).extract().path("token");

        // Both replicas serve the token; concurrent requests on both write last use without conflict.
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            PackagedApp target = REPLICAS.get(i % 2);
            calls.add(pool.submit(() -> given().header("Authorization", "cpanel replica:" + token)
                    .get(target.url("/execute/Tokens/list")).then().statusCode(200).extract().asString()));
        }
        for (Future<String> call : calls) {
            assertEquals(List.of("shared"), Uapi.success(call.get()).get("data").findValuesAsText("name"), "served, and the token is listed");
        }
        pool.shutdown();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT t.last_used_at, t.last_used_ip FROM api_token t JOIN account a ON a.id = t.account_id"
                        + " WHERE a.username = 'replica' AND t.name = 'shared'")) {
            assertTrue(rs.next());
            assertTrue(rs.getLong(1) > 0, "last use recorded");
            assertEquals("127.0.0.1", rs.getString(2));
        }

        given().auth().preemptive().basic("replica", "replica-password").delete(a.url("/api/v1/tokens/shared")).then().statusCode(204);
        seenOnB("cPanel token revoked (REST DELETE /api/v1/tokens)", System.nanoTime(),
                () -> uapiStatus(b, "cpanel replica:" + token) == 401);

        for (PackagedApp replica : REPLICAS) {
            String log = Files.readString(replica.log(), StandardCharsets.UTF_8);
            assertFalse(log.contains("Could not record the last use"), replica.name() + ": a last-use write failed");
            assertFalse(log.contains(token), replica.name() + ": the token was logged");
        }
    }

    // --- per-token rate limits (issue 20 §2) ----------------------------------------------------------

    /**
     * A token's rate limit holds across two replicas within the tolerance security.md states: each replica counts alone
     * and, with {@code openuapi.tokens.rate-limit-replicas} at its default 1, allows the whole limit N, so calls spread
     * over R replicas are served at most R × (N + N·t/60) times in t seconds (a burst of N, then the refill), here with
     * R = 2 and N = 5. Calls alternating over a and b are served at least N and at most that bound, then refused by both
     * with 429 and Retry-After; a PATCH removing the limit through a is seen by b within a second.
     */
    @Test
    void aTokensRateLimitHoldsAcrossTwoReplicasWithinTheStatedTolerance() {
        createAccount("ratelimited", "ratelimited-password");
        String token = given().header("Authorization", basic("ratelimited", "ratelimited-password")).contentType(ContentType.JSON)
                .body(Map.of("name", "five", "rate_limit_per_minute", 5)).post(a.url("/api/v1/tokens")).then().statusCode(201)
                .extract().path("token");
        String auth = "cpanel ratelimited:" + token;
        long start = System.nanoTime();
        int served = 0;
        for (int i = 0; i < 16; i++) {
            PackagedApp target = REPLICAS.get(i % 2);
            Response call = given().header("Authorization", auth).get(target.url("/execute/Tokens/list"));
            if (call.statusCode() == 200) {
                served++;
            } else {
                assertEquals(429, call.statusCode(), target.name() + ": " + call.asString());
                long retryAfter = Long.parseLong(call.header("Retry-After"));
                assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After: " + retryAfter);
            }
        }
        long seconds = (System.nanoTime() - start) / SECOND;
        long bound = 2 * (5 + 5 * seconds / 60);
        System.out.println("[multi-replica] rate limit 5 a minute, 16 calls over two replicas in " + seconds + " s: " + served
                + " served (bound " + bound + ")");
        assertTrue(served >= 5 && served <= bound, "served " + served + " of 16 calls, bound " + bound);
        assertEquals(429, uapiStatus(a, auth), "a refuses");
        assertEquals(429, uapiStatus(b, auth), "b refuses");

        given().header("Authorization", basic("ratelimited", "ratelimited-password")).contentType(ContentType.JSON)
                .body(Map.of("rate_limit_per_minute", 0)).patch(a.url("/api/v1/tokens/five")).then().statusCode(200);
        seenOnB("cPanel token's rate limit removed (REST PATCH rate_limit_per_minute 0)", System.nanoTime(), () -> uapiStatus(b, auth) == 200);
        for (int i = 0; i < 12; i++) {
            assertEquals(200, uapiStatus(b, auth), "no limit on b any more");
        }
    }

    // --- sessions (issue 14 §1) ----------------------------------------------------------------------

    @Test
    void aSessionMadeOnOneReplicaWorksOnTheOtherAndItsLogoutIsSeenThereWithinASecond() {
        createAccount("sessioned", "sessioned-password");
        Response login = given().contentType("application/x-www-form-urlencoded").formParam("user", "sessioned")
                .formParam("pass", "sessioned-password").post(a.url("/login/?login_only=1"));
        assertEquals(200, login.statusCode(), login.asString());
        String token = Fixtures.json(login.asString()).get("security_token").textValue();
        String cookie = login.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("cpsession=")).findFirst().orElseThrow();
        String cookieHeader = cookie.substring(0, cookie.indexOf(';'));
        assertEquals(200, sessionStatus(b, cookieHeader, token), "b serves the session a made");
        assertEquals(200, sessionStatus(a, cookieHeader, token));
        assertEquals(401, sessionStatus(b, cookieHeader, "/cpsess0000000000"), "b checks the security token too");

        assertEquals(200, given().header("Cookie", cookieHeader).get(a.url(token + "/logout/")).statusCode());
        seenOnB("session logged out (/logout/)", System.nanoTime(), () -> sessionStatus(b, cookieHeader, token) == 401);
    }

    /** 200 when UAPI serves the session's call under {@code token}, 401 when it refuses it. */
    private static int sessionStatus(PackagedApp on, String cookieHeader, String token) {
        return given().header("Cookie", cookieHeader).get(on.url(token + "/execute/Tokens/list")).statusCode();
    }

    // --- cPanel API tokens ---------------------------------------------------------------------------

    @Test
    void aCpanelTokenIsRefusedByTheOtherReplicaWithinASecondOfItsExpiry() throws Exception {
        createAccount("expiring", "expiring-password");
        long expiresAt = System.currentTimeMillis() / 1000 + 1;
        String token = given().header("Authorization", basic("expiring", "expiring-password")).contentType(ContentType.JSON)
                .body(Map.of("name", "brief", "expires_at", expiresAt)).post(a.url("/api/v1/tokens")).then().statusCode(201)
                .extract().path("token");
        String auth = "cpanel expiring:" + token;
        assertEquals(200, uapiStatus(b, auth), "b serves the token before it expires");
        // Valid up to and including its expires_at second: refused from the start of the next one.
        long expiryMillis = (expiresAt + 1) * 1000;
        sleepUntil(expiryMillis - 300);
        assertEquals(200, uapiStatus(b, auth), "b serves the token until it expires");
        sleepUntil(expiryMillis);
        seenOnB("cPanel token expired (expires_at reached)", System.nanoTime(), () -> uapiStatus(b, auth) == 401);
    }

    /**
     * Issue 19 §3: a rotation's grace period ends on every replica. Rotated on a with a short grace, the old value keeps
     * working on b up to and including previous_valid_until and is refused by b within 1 s of its end; the new value works
     * on b at once. A rotation without a grace period ends the value it replaces on b within 1 s.
     */
    @Test
    void aRotationsGracePeriodEndsOnEveryReplica() throws Exception {
        createAccount("rotating", "rotating-password");
        String old = newToken(a, "rotating", "rotating-password", "rotated");
        String oldAuth = "cpanel rotating:" + old;
        assertEquals(200, uapiStatus(b, oldAuth), "b serves the token, and remembers it");
        Response rotated = given().header("Authorization", basic("rotating", "rotating-password")).contentType(ContentType.JSON)
                .body(Map.of("grace_seconds", 3)).post(a.url("/api/v1/tokens/rotated/rotate"));
        assertEquals(200, rotated.statusCode(), rotated.asString());
        long until = ((Number) rotated.path("previous_valid_until")).longValue();
        String fresh = rotated.path("token");
        String freshAuth = "cpanel rotating:" + fresh;
        seenOnB("cPanel token rotated: the new value", System.nanoTime(), () -> uapiStatus(b, freshAuth) == 200);
        // Valid up to and including previous_valid_until: served by b until then, refused from the start of the next second.
        long endMillis = (until + 1) * 1000;
        sleepUntil(endMillis - 300);
        assertEquals(200, uapiStatus(b, oldAuth), "b serves the old value until its grace period ends");
        sleepUntil(endMillis);
        seenOnB("cPanel token rotated: the old value's grace period ended (previous_valid_until reached)", System.nanoTime(),
                () -> uapiStatus(b, oldAuth) == 401);
        assertEquals(200, uapiStatus(b, freshAuth), "the new value outlives the old one");

        // No grace period: the value it replaces ends at once on a, and on b within a second.
        long since = System.nanoTime();
        String newest = given().header("Authorization", basic("rotating", "rotating-password")).contentType(ContentType.JSON)
                .post(a.url("/api/v1/tokens/rotated/rotate")).then().statusCode(200).extract().path("token");
        seenOnB("cPanel token rotated without a grace period: the old value refused", since,
                () -> uapiStatus(b, freshAuth) == 401 && uapiStatus(b, "cpanel rotating:" + newest) == 200);
    }

    @Test
    void aCpanelTokensAllowListSetOnOneReplicaIsEnforcedByTheOtherWithinASecond() {
        createAccount("allowlist", "allowlist-password");
        String auth = "cpanel allowlist:" + newToken(a, "allowlist", "allowlist-password", "limited");
        assertEquals(200, uapiStatus(b, auth));

        given().header("Authorization", ROOT).contentType(ContentType.JSON).body(Map.of("whitelist_ips", List.of(ELSEWHERE)))
                .put(a.url("/api/v1/accounts/allowlist/tokens/limited/whitelist")).then().statusCode(200);
        seenOnB("cPanel token allow-list narrowed (PUT …/tokens/{name}/whitelist)", System.nanoTime(), () -> uapiStatus(b, auth) == 401);

        whmOk(a, ROOT, "set_cpanel_token_whitelist", Map.of("user", "allowlist", "token_name", "limited", "whitelist_ip", "127.0.0.1"));
        seenOnB("cPanel token allow-list widened (WHM set_cpanel_token_whitelist)", System.nanoTime(), () -> uapiStatus(b, auth) == 200);
    }

    /**
     * Issue 19 §1: a token's scope is part of what it authenticates as, so a PATCH through a reaches b within a second:
     * limited to {@code ftpaccts}, b refuses its {@code Tokens::list} (which needs {@code apitokens}) and serves
     * {@code Ftp::list_ftp}; the limit lifted, b serves {@code Tokens::list} again.
     */
    @Test
    void aTokensScopeChangedByPatchOnOneReplicaIsEnforcedByTheOtherWithinASecond() {
        createAccount("scoped", "scoped-password");
        String auth = "cpanel scoped:" + newToken(a, "scoped", "scoped-password", "narrowed");
        assertEquals(1, tokensList(b, auth).get("status").intValue(), "b serves the unrestricted token");
        String refused = Dispatcher.noFeature("apitokens");

        given().header("Authorization", basic("scoped", "scoped-password")).contentType(ContentType.JSON)
                .body(Map.of("features", List.of("ftpaccts"))).patch(a.url("/api/v1/tokens/narrowed")).then().statusCode(200);
        seenOnB("cPanel token limited to a feature (REST PATCH features)", System.nanoTime(),
                () -> refused.equals(tokensList(b, auth).path("errors").path(0).asText()));
        assertTrue(ftpAllowed(b, auth), "the feature it keeps");

        given().header("Authorization", basic("scoped", "scoped-password")).contentType(ContentType.JSON)
                .body(Map.of("features", List.of())).patch(a.url("/api/v1/tokens/narrowed")).then().statusCode(200);
        seenOnB("cPanel token unrestricted again (REST PATCH features [])", System.nanoTime(),
                () -> tokensList(b, auth).get("status").intValue() == 1);
    }

    private static JsonNode tokensList(PackagedApp on, String auth) {
        return Uapi.envelope(given().header("Authorization", auth).get(on.url("/execute/Tokens/list")).then().statusCode(200).extract()
                .asString());
    }

    // --- WHM API tokens ------------------------------------------------------------------------------

    @Test
    void aWhmTokenRevokedOnOneReplicaIsRefusedByTheOtherWithinASecond() {
        String auth = "whm root:" + whmToken(a, ROOT, "revoked");
        assertEquals(200, whmStatus(b, auth));

        whmOk(a, ROOT, "api_token_revoke", Map.of("token_name", "revoked"));
        seenOnB("WHM token revoked (api_token_revoke)", System.nanoTime(), () -> whmStatus(b, auth) == 403);
    }

    @Test
    void aWhmTokenIsRefusedByTheOtherReplicaWithinASecondOfTheExpiryGivenOnTheFirst() {
        String auth = "whm root:" + whmToken(a, ROOT, "shortened");
        assertEquals(200, whmStatus(b, auth));

        long expiresAt = System.currentTimeMillis() / 1000 + 1;
        whmOk(a, ROOT, "api_token_update", Map.of("token_name", "shortened", "expires_at", expiresAt));
        long expiryMillis = (expiresAt + 1) * 1000;
        sleepUntil(expiryMillis - 300);
        assertEquals(200, whmStatus(b, auth), "b serves the token until it expires");
        sleepUntil(expiryMillis);
        seenOnB("WHM token expiry set (api_token_update expires_at), then reached", System.nanoTime(), () -> whmStatus(b, auth) == 403);
    }

    @Test
    void aWhmTokensAclsChangedOnOneReplicaAreEnforcedByTheOtherWithinASecond() {
        String auth = "whm root:" + whmToken(a, ROOT, "narrowed", "list-pkgs", "acct-summary");
        assertEquals(1, whm(b, auth, "listpkgs", Map.of()).get("metadata").get("result").intValue());

        whmOk(a, ROOT, "api_token_update", Map.of("token_name", "narrowed", "acl-0", "acct-summary"));
        String denied = Dispatcher.permissionDenied("listpkgs", "list-pkgs");
        seenOnB("WHM token ACLs changed (api_token_update acl)", System.nanoTime(),
                () -> denied.equals(whm(b, auth, "listpkgs", Map.of()).get("metadata").get("reason").textValue()));
    }

    @Test
    void aWhmTokensAllowListChangedOnOneReplicaIsEnforcedByTheOtherWithinASecond() {
        String auth = "whm root:" + whmToken(a, ROOT, "placed");
        assertEquals(200, whmStatus(b, auth));

        whmOk(a, ROOT, "api_token_update", Map.of("token_name", "placed", "whitelist_ip", ELSEWHERE));
        seenOnB("WHM token allow-list narrowed (api_token_update whitelist_ip)", System.nanoTime(), () -> whmStatus(b, auth) == 403);

        whmOk(a, ROOT, "api_token_update", Map.of("token_name", "placed", "whitelist_ip", "any"));
        seenOnB("WHM token allow-list lifted (api_token_update whitelist_ip=any)", System.nanoTime(), () -> whmStatus(b, auth) == 200);
    }

    // --- accounts ------------------------------------------------------------------------------------

    @Test
    void anAccountSuspendedOnOneReplicaIsRefusedByTheOtherWithinASecondAndServedAgainWhenUnsuspended() {
        createAccount("suspended", "suspended-password");
        String token = "cpanel suspended:" + newToken(a, "suspended", "suspended-password", "t");
        String password = basic("suspended", "suspended-password");
        assertEquals(200, uapiStatus(b, token));
        assertEquals(200, uapiStatus(b, password));

        whmOk(a, ROOT, "suspendacct", Map.of("user", "suspended"));
        seenOnB("account suspended (suspendacct): token and password refused", System.nanoTime(),
                () -> uapiStatus(b, token) == 401 && uapiStatus(b, password) == 401);

        whmOk(a, ROOT, "unsuspendacct", Map.of("user", "suspended"));
        seenOnB("account unsuspended (unsuspendacct): token and password served", System.nanoTime(),
                () -> uapiStatus(b, token) == 200 && uapiStatus(b, password) == 200);
    }

    @Test
    void anAccountSuspendedThroughTheAdminApiOnOneReplicaIsRefusedByTheOther() {
        createAccount("patched", "patched-password");
        String token = "cpanel patched:" + newToken(a, "patched", "patched-password", "t");
        assertEquals(200, uapiStatus(b, token));

        given().header("Authorization", ROOT).contentType(ContentType.JSON).body(Map.of("suspended", true))
                .patch(a.url("/api/v1/accounts/patched")).then().statusCode(200);
        seenOnB("account suspended (REST PATCH /api/v1/accounts suspended=true)", System.nanoTime(), () -> uapiStatus(b, token) == 401);
    }

    @Test
    void aResellerSuspendedOnOneReplicaLosesItsWhmTokenOnTheOtherWithinASecond() {
        String auth = "whm rsuspended:" + reseller("rsuspended", "list-accts");
        assertEquals(200, whmStatus(b, auth));

        whmOk(a, ROOT, "suspendacct", Map.of("user", "rsuspended"));
        seenOnB("reseller suspended (suspendacct): its WHM token refused", System.nanoTime(), () -> whmStatus(b, auth) == 403);
    }

    @Test
    void anAccountRemovedOnOneReplicaIsRefusedByTheOtherWithinASecond() {
        createAccount("removed", "removed-password");
        String token = "cpanel removed:" + newToken(a, "removed", "removed-password", "t");
        String password = basic("removed", "removed-password");
        assertEquals(200, uapiStatus(b, token));
        assertEquals(200, uapiStatus(b, password));

        whmOk(a, ROOT, "removeacct", Map.of("username", "removed"));
        seenOnB("account removed (removeacct): token and password refused", System.nanoTime(),
                () -> uapiStatus(b, token) == 401 && uapiStatus(b, password) == 401);
    }

    @Test
    void anAccountRenamedOnOneReplicaAnswersToItsNewNameOnlyOnTheOtherWithinASecond() {
        // issue 15 §2: modifyacct newuser; the token keeps working under the new name (spec §3.4), the old name is gone
        createAccount("hbrenameold", "rename-password");
        String token = newToken(a, "hbrenameold", "rename-password", "t");
        String before = "cpanel hbrenameold:" + token;
        String after = "cpanel hbrenamenew:" + token;
        assertEquals(200, uapiStatus(b, before));
        assertEquals(401, uapiStatus(b, after));

        whmOk(a, ROOT, "modifyacct", Map.of("user", "hbrenameold", "newuser", "hbrenamenew"));
        seenOnB("account renamed (modifyacct newuser): the token answers to the new name only", System.nanoTime(),
                () -> uapiStatus(b, before) == 401 && uapiStatus(b, after) == 200);
    }

    @Test
    void aPasswordChangedOnOneReplicaIsTheOnlyOneTheOtherTakesWithinASecond() {
        createAccount("passwd", "passwd-old-password");
        String before = basic("passwd", "passwd-old-password");
        String after = basic("passwd", "passwd-new-password");
        assertEquals(200, uapiStatus(b, before));
        assertEquals(401, uapiStatus(b, after));

        whmOk(a, ROOT, "passwd", Map.of("user", "passwd", "password", "passwd-new-password"));
        seenOnB("password changed (passwd): old refused, new taken", System.nanoTime(),
                () -> uapiStatus(b, before) == 401 && uapiStatus(b, after) == 200);
    }

    @Test
    void aContactEmailChangedOnOneReplicaIsShownByTheOtherWithinASecond() {
        createAccount("contact", "contact-password");
        String auth = "cpanel contact:" + newToken(a, "contact", "contact-password", "t");
        assertEquals("owner@contact.example", userInformation(b, auth).get("contact_email").textValue());

        whmOk(a, ROOT, "modifyacct", Map.of("user", "contact", "contactemail", "new@contact.example"));
        seenOnB("contact email changed (modifyacct): get_user_information", System.nanoTime(),
                () -> "new@contact.example".equals(userInformation(b, auth).get("contact_email").textValue()));
    }

    // --- features and plans --------------------------------------------------------------------------

    @Test
    void aFeatureTakenAwayOnOneReplicaIsRefusedByTheOtherWithinASecond() {
        createAccount("featured", "featured-password");
        String auth = "cpanel featured:" + newToken(a, "featured", "featured-password", "t");
        assertTrue(ftpAllowed(b, auth));

        given().header("Authorization", ROOT).contentType(ContentType.JSON).body(Map.of("features", allFeaturesBut("ftpaccts")))
                .patch(a.url("/api/v1/accounts/featured")).then().statusCode(200);
        seenOnB("feature taken away (REST PATCH /api/v1/accounts features): You do not have the feature", System.nanoTime(),
                () -> ftpRefused(b, auth) && userInformation(b, auth).get("feature").get("ftpaccts").intValue() == 0);

        given().header("Authorization", ROOT).contentType(ContentType.JSON).body(Map.of("features", FeatureCatalog.names()))
                .patch(a.url("/api/v1/accounts/featured")).then().statusCode(200);
        seenOnB("feature given back (REST PATCH /api/v1/accounts features)", System.nanoTime(), () -> ftpAllowed(b, auth));
    }

    @Test
    void aPlansFeatureListChangedOnOneReplicaIsEnforcedByTheOtherWithinASecond() {
        createPlan("featureplan", 5, FeatureCatalog.names());
        createAccount("onplan", "onplan-password");
        putOnPlan("onplan", "featureplan");
        String auth = "cpanel onplan:" + newToken(a, "onplan", "onplan-password", "t");
        assertTrue(ftpAllowed(b, auth));

        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", "featureplan");
        plan.put("max_ftp_accounts", 5);
        plan.put("features", allFeaturesBut("ftpaccts"));
        given().header("Authorization", ROOT).contentType(ContentType.JSON).body(plan).put(a.url("/api/v1/plans/featureplan")).then()
                .statusCode(200);
        seenOnB("plan's feature list changed (REST PUT /api/v1/plans): You do not have the feature", System.nanoTime(),
                () -> ftpRefused(b, auth));
    }

    @Test
    void aPlansLimitChangedOnOneReplicaIsShownByTheOtherWithinASecond() {
        whmOk(a, ROOT, "addpkg", Map.of("name", "limitplan", "maxftp", "1"));
        createAccount("limited", "limited-password");
        whmOk(a, ROOT, "changepackage", Map.of("user", "limited", "pkg", "limitplan"));
        String auth = "cpanel limited:" + newToken(a, "limited", "limited-password", "t");
        assertEquals("1", userInformation(b, auth).get("maximum_ftp_accounts").asText());

        whmOk(a, ROOT, "editpkg", Map.of("name", "limitplan", "maxftp", "4"));
        seenOnB("plan's limit changed (editpkg): get_user_information maximum_ftp_accounts", System.nanoTime(),
                () -> "4".equals(userInformation(b, auth).get("maximum_ftp_accounts").asText()));
    }

    @Test
    void anAccountMovedToAnotherPlanOnOneReplicaIsShownAndEnforcedByTheOtherWithinASecond() {
        createPlan("fullplan", 1, FeatureCatalog.names());
        createPlan("leanplan", 2, allFeaturesBut("ftpaccts"));
        createAccount("mover", "mover-password");
        putOnPlan("mover", "fullplan");
        String auth = "cpanel mover:" + newToken(a, "mover", "mover-password", "t");
        JsonNode before = userInformation(b, auth);
        assertEquals("fullplan", before.get("plan").textValue());
        assertEquals("1", before.get("maximum_ftp_accounts").asText());
        assertTrue(ftpAllowed(b, auth));

        whmOk(a, ROOT, "changepackage", Map.of("user", "mover", "pkg", "leanplan"));
        seenOnB("account's plan changed (changepackage): plan, maximum_*, features", System.nanoTime(), () -> {
            JsonNode info = userInformation(b, auth);
            return "leanplan".equals(info.get("plan").textValue()) && "2".equals(info.get("maximum_ftp_accounts").asText())
                    && ftpRefused(b, auth);
        });
    }

    // --- resellers and owners ------------------------------------------------------------------------

    @Test
    void aResellersPrivilegesChangedOnOneReplicaAreEnforcedByTheOtherWithinASecond() {
        String auth = "whm racl:" + reseller("racl", "list-pkgs", "list-accts");
        assertEquals(1, whm(b, auth, "listpkgs", Map.of()).get("metadata").get("result").intValue());

        whmOk(a, ROOT, "setacls", Map.of("reseller", "racl", "acl-list-accts", "1", "acl-manage-api-tokens", "1"));
        String denied = Dispatcher.permissionDenied("listpkgs", "list-pkgs");
        seenOnB("reseller's privileges changed (setacls): its WHM token", System.nanoTime(),
                () -> denied.equals(whm(b, auth, "listpkgs", Map.of()).get("metadata").get("reason").textValue()));
    }

    @Test
    void anOwnerChangedOnOneReplicaIsSeenByTheResellerOnTheOtherWithinASecond() {
        String auth = "whm rowner:" + reseller("rowner", "list-accts");
        assertFalse(listedUsers(b, auth).contains("rowner"), "a reseller that root owns does not list its own account");

        whmOk(a, ROOT, "setupreseller", Map.of("user", "rowner", "makeowner", "1"));
        seenOnB("owner changed (setupreseller makeowner=1): the reseller now lists its account", System.nanoTime(),
                () -> listedUsers(b, auth).contains("rowner"));
    }

    @Test
    void aResellerEndedOnOneReplicaIsNoWhmUserOnTheOtherAndItsAccountsGoToRootWithinASecond() {
        String token = "whm rended:" + reseller("rended", "list-accts");
        String password = basic("rended", "rended-password");
        whmOk(a, ROOT, "createacct", Map.of("username", "rendedc", "domain", "rendedc.example", "password", "rendedc-password",
                "owner", "rended"));
        assertEquals(List.of("rendedc"), listedUsers(b, token));
        assertEquals(200, whmStatus(b, password));
        assertEquals("rended", owner(b, "rendedc"));

        whmOk(a, ROOT, "unsetupreseller", Map.of("user", "rended"));
        seenOnB("reseller ended (unsetupreseller): WHM token and password refused, its account owned by root", System.nanoTime(),
                () -> whmStatus(b, token) == 403 && whmStatus(b, password) == 403 && "root".equals(owner(b, "rendedc")));
    }

    // --- the measurement -----------------------------------------------------------------------------

    /**
     * Polls b until {@code reflected} holds; fails when it still did not for a poll that began 1 s after
     * {@code since} (a {@link System#nanoTime()}). Polls back to back: each is a request to b.
     */
    private static void seenOnB(String change, long since, BooleanSupplier reflected) {
        boolean seen;
        do {
            seen = reflected.getAsBoolean();
        } while (!seen && System.nanoTime() - since < SECOND);
        long millis = (System.nanoTime() - since) / 1_000_000;
        System.out.println("[multi-replica] " + change + ": made on " + a.name() + ", seen by " + b.name() + " after " + millis + " ms");
        assertTrue(seen, change + ": " + b.name() + " still answered the old way 1 s after the change on " + a.name());
        MEASURED.put(change, millis);
    }

    private static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // --- calls ---------------------------------------------------------------------------------------

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** An account made by root through a's admin API, with every feature, owned by root. */
    private static void createAccount(String username, String password) {
        given().header("Authorization", ROOT).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "domain", username + ".example", "contact_email",
                        "owner@" + username + ".example"))
                .post(a.url("/api/v1/accounts")).then().statusCode(201);
    }

    private static String newToken(PackagedApp on, String username, String password, String name) {
        return given().header("Authorization", basic(username, password)).contentType(ContentType.JSON).body(Map.of("name", name)).post(on.url("/api/v1/tokens"))
                .then().statusCode(201).extract().path("token");
    }

    private static void createPlan(String name, int maxFtpAccounts, Collection<String> features) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", name);
        plan.put("max_ftp_accounts", maxFtpAccounts);
        plan.put("features", List.copyOf(features));
        given().header("Authorization", ROOT).contentType(ContentType.JSON).body(plan).post(a.url("/api/v1/plans")).then().statusCode(201);
    }

    private static void putOnPlan(String username, String plan) {
        given().header("Authorization", ROOT).contentType(ContentType.JSON).body(Map.of("plan", plan))
                .put(a.url("/api/v1/accounts/" + username + "/plan")).then().statusCode(200);
    }

    private static List<String> allFeaturesBut(String feature) {
        TreeSet<String> features = new TreeSet<>(FeatureCatalog.names());
        assertTrue(features.remove(feature), feature);
        return List.copyOf(features);
    }

    /**
     * A reseller made on a: an account ({@code USER-password}) that root made a reseller with these
     * privileges and {@code manage-api-tokens}; returns a WHM token it made itself (with no ACL list of its
     * own, so the token follows the reseller's privileges).
     */
    private static String reseller(String username, String... acls) {
        createAccount(username, username + "-password");
        whmOk(a, ROOT, "setupreseller", Map.of("user", username));
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("reseller", username);
        given.put("acl-manage-api-tokens", "1");
        for (String acl : acls) {
            given.put("acl-" + acl, "1");
        }
        whmOk(a, ROOT, "setacls", given);
        return whmToken(a, basic(username, username + "-password"), "own");
    }

    /** A WHM token made on {@code on} by {@code auth}, with these ACLs (none: its maker's). */
    private static String whmToken(PackagedApp on, String auth, String name, String... acls) {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("token_name", name);
        for (int i = 0; i < acls.length; i++) {
            args.put("acl-" + i, acls[i]);
        }
        return whmOk(on, auth, "api_token_create", args).get("data").get("token").textValue();
    }

    private static Response whmCall(PackagedApp on, String auth, String function, Map<String, ?> args) {
        return given().header("Authorization", auth).queryParam("api.version", "1").queryParams(args).get(on.url("/json-api/" + function));
    }

    private static JsonNode whm(PackagedApp on, String auth, String function, Map<String, ?> args) {
        Response response = whmCall(on, auth, function, args);
        assertEquals(200, response.statusCode(), function + ": " + response.asString());
        return Fixtures.json(response.asString());
    }

    private static JsonNode whmOk(PackagedApp on, String auth, String function, Map<String, ?> args) {
        JsonNode answer = whm(on, auth, function, args);
        assertEquals(1, answer.get("metadata").get("result").intValue(), function + ": " + answer);
        return answer;
    }

    /** 200 when the WHM user is served ({@code myprivs} needs no privilege), 403 when its login is refused. */
    private static int whmStatus(PackagedApp on, String auth) {
        return whmCall(on, auth, "myprivs", Map.of()).statusCode();
    }

    /** The users a WHM user's {@code listaccts} lists. */
    private static List<String> listedUsers(PackagedApp on, String auth) {
        return whmOk(on, auth, "listaccts", Map.of()).get("data").get("acct").findValuesAsText("user");
    }

    /** The account's owner, as root's {@code accountsummary} shows it. */
    private static String owner(PackagedApp on, String username) {
        return whmOk(on, ROOT, "accountsummary", Map.of("user", username)).get("data").get("acct").get(0).get("owner").textValue();
    }

    /** 200 when UAPI serves the credentials, 401 when it refuses them. */
    private static int uapiStatus(PackagedApp on, String auth) {
        return given().header("Authorization", auth).get(on.url("/execute/Tokens/list")).statusCode();
    }

    private static JsonNode userInformation(PackagedApp on, String auth) {
        String body = given().header("Authorization", auth).get(on.url("/execute/Variables/get_user_information")).then().statusCode(200)
                .extract().asString();
        return Uapi.success(body).get("data");
    }

    /** Ftp::list_ftp needs the ftpaccts feature. */
    private static JsonNode listFtp(PackagedApp on, String auth) {
        return Uapi.envelope(given().header("Authorization", auth).get(on.url("/execute/Ftp/list_ftp")).then().statusCode(200).extract()
                .asString());
    }

    private static boolean ftpAllowed(PackagedApp on, String auth) {
        return listFtp(on, auth).get("status").intValue() == 1;
    }

    /** Refused with cPanel's message for a missing feature (and nothing else). */
    private static boolean ftpRefused(PackagedApp on, String auth) {
        JsonNode answer = listFtp(on, auth);
        if (answer.get("status").intValue() == 1) {
            return false;
        }
        assertEquals(Dispatcher.noFeature("ftpaccts"), answer.get("errors").get(0).textValue(), answer.toString());
        return true;
    }

    private static PackagedApp start(String name) throws IOException {
        return PackagedApp.start("replica-" + name, PackagedApp.freePort(), PackagedApp.freePort(), DATABASE,
                List.of("-Dopenuapi.root-password=" + ROOT_PASSWORD, "-Dopenuapi.cphulk.enabled=false"));
    }
}
