package dev.openuapi.session;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Sessions;
import dev.openuapi.support.Sessions.Session;
import dev.openuapi.support.TestConfig;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * cPanel's session login end to end (issue 14 §1, spec §2.4): {@code POST /login/} with {@code user} and {@code pass},
 * calls under {@code /cpsessNNNNNNNNNN/} with the cookie, what is refused, and {@code /logout/}.
 *
 * <p>What we compare with: cPanel::PublicAPI and cPanel::APIClient post {@code user}/{@code pass} to
 * {@code /login/?login_only=1} and read the security token and the {@code cpsession} cookie; cpanel/p5-cPanel-APIClient's
 * {@code t/lib/MockCpsrvd.pm} answers {@code Location: /cpses123123123/wherever} and
 * {@code Set-Cookie: cpsession=johnny%3a3KCfM88PHoZ4MoUf%2ce95011e2b6a51118250861a505638a8c; HttpOnly; path=/; secure}.
 * A real 2083 refused a wrong password with {@code 401 {"status":0,"message":"invalid_login"}}; cpsrvd's login_log
 * (asmrdevelop/cpanel {@code logs/login_log}) shows a non-reseller refused on whostmgrd ("login attempt to whm by a
 * non-reseller/root") and a cookie without the URL's token deferred ("security token missing").
 */
@QuarkusTest
class SessionLoginTest {

    static final String UAPI = "/execute/Variables/get_user_information";
    /** cpsrvd's answer to a failed login on /json-api/ (spec §2.5). */
    static final String ACCESS_DENIED_JSON = "{\"cpanelresult\":{\"apiversion\":\"2\",\"error\":\"Access denied\",\"data\":{\"reason\":"
            + "\"Access denied\",\"result\":\"0\"},\"type\":\"text\"}}\n";

    @Test
    void aLoginGivesCpanelsJsonAnHttpOnlyStrictCookieAndAFreshSecurityTokenEachTime() {
        TestAccount alice = Fixtures.newAccount();
        Response first = Sessions.postLogin(null, alice.username(), alice.password(), true);
        assertEquals(200, first.statusCode());
        assertTrue(first.contentType().startsWith("application/json"), first.contentType());
        // {"status":1,"security_token":"/cpsess1234567890","redirect":"/cpsess1234567890/"}: keys, order and types
        JsonNode body = Fixtures.json(first.asString());
        assertEquals("[status, security_token, redirect]", iterableToString(body.fieldNames()));
        assertTrue(body.get("status").isInt());
        Session one = Sessions.fromLoginOnly(first, "cpsession");
        assertTrue(one.setCookie().contains("; Path=/"), one.setCookie());
        assertTrue(one.setCookie().contains("; HttpOnly"), one.setCookie());
        assertTrue(one.setCookie().contains("; SameSite=Strict"), one.setCookie());
        assertFalse(one.setCookie().contains("Secure"), "plain HTTP: no Secure attribute: " + one.setCookie());
        assertTrue(one.cookieValue().startsWith(alice.username() + "%3A"), "cpsrvd's USER%3a… shape: " + one.cookieValue());
        assertTrue(first.header("Cache-Control").contains("no-store"));

        Session two = Sessions.login(alice.username(), alice.password());
        assertNotEquals(one.securityToken(), two.securityToken(), "a fresh security token for each login");
        assertNotEquals(one.cookieValue(), two.cookieValue());
        // both sessions live, each only with its own token
        sessionCall(one, one.securityToken()).then().statusCode(200);
        sessionCall(two, two.securityToken()).then().statusCode(200);
        sessionCall(one, two.securityToken()).then().statusCode(401).body(equalTo("Access denied\n"));
    }

    @Test
    void overHttpsTheCookieIsSecure() {
        TestAccount alice = Fixtures.newAccount();
        Response https = given().relaxedHTTPSValidation().baseUri("https://localhost").port(TestConfig.tlsPort())
                .contentType("application/x-www-form-urlencoded").formParam("user", alice.username()).formParam("pass", alice.password())
                .post("/login/?login_only=1");
        String cookie = Sessions.setCookie(https, "cpsession");
        assertTrue(cookie.endsWith("; Secure"), cookie);
    }

    @Test
    void withoutLoginOnlyTheAnswerIsARedirectUnderTheToken() {
        TestAccount alice = Fixtures.newAccount();
        Response answer = Sessions.postLogin(null, alice.username(), alice.password(), false);
        assertEquals(302, answer.statusCode());
        String location = answer.header("Location");
        assertTrue(location.matches("/cpsess\\d{10}/"), location);
        String cookie = Sessions.cookieValue(answer, "cpsession");
        Session session = new Session("cpsession", cookie, location.substring(0, location.length() - 1), Sessions.setCookie(answer, "cpsession"));
        Uapi.success(sessionCall(session, session.securityToken()).then().statusCode(200).extract().asString());
    }

    @Test
    void aFailedLoginGetsCpanelsAnswer() {
        TestAccount alice = Fixtures.newAccount();
        Response loginOnly = Sessions.postLogin(null, alice.username(), "wrong-password", true);
        assertEquals(401, loginOnly.statusCode());
        assertEquals("{\"status\":0,\"message\":\"invalid_login\"}\n", loginOnly.asString());
        assertTrue(loginOnly.headers().getValues("Set-Cookie").isEmpty(), "no cookie");
        Response form = Sessions.postLogin(null, alice.username(), "wrong-password", false);
        assertEquals(401, form.statusCode());
        assertEquals("The login is invalid.\n", form.asString());
        // unknown users, missing fields and root on cPanel's port: the same answer
        assertEquals(401, Sessions.postLogin(null, "nosuchuser" + Fixtures.randomSuffix(4), "x", true).statusCode());
        assertEquals(401, Sessions.postLogin(null, alice.username(), "", true).statusCode());
        assertEquals(401, Sessions.postLogin(null, "root", Fixtures.ROOT_PASSWORD, true).statusCode(), "root logs in to WHM only");
    }

    @Test
    void everyCpanelApiPathWorksUnderTheTokenWithTheCookie() {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        // UAPI
        JsonNode uapi = Uapi.success(sessionCall(session, session.securityToken()).then().statusCode(200).extract().asString());
        assertEquals(alice.domain(), uapi.get("data").get("domain").textValue());
        // API 2 and UAPI through /json-api/cpanel
        String api2 = session.withCookie().get(session.under("/json-api/cpanel?cpanel_jsonapi_apiversion=2&cpanel_jsonapi_module=CustInfo"
                + "&cpanel_jsonapi_func=displaycontactinfo")).then().statusCode(200).extract().asString();
        assertEquals(1, Fixtures.json(api2).get("cpanelresult").get("event").get("result").intValue(), api2);
        String api3 = session.withCookie().get(session.under("/json-api/cpanel?cpanel_jsonapi_apiversion=3&cpanel_jsonapi_module=Tokens"
                + "&cpanel_jsonapi_func=list")).then().statusCode(200).extract().asString();
        assertEquals(1, Fixtures.json(api3).get("result").get("status").intValue(), api3);
        // POST with a form body, too
        String created = session.withCookie().contentType("application/x-www-form-urlencoded").formParam("name", "from-a-session")
                .post(session.under("/execute/Tokens/create_full_access")).then().statusCode(200).extract().asString();
        assertTrue(Uapi.success(created).get("data").get("token").textValue().matches("[0-9A-Z]{32}"), created);
        String listed = session.withCookie().get(session.under("/execute/Tokens/list")).then().statusCode(200).extract().asString();
        assertEquals(List.of("from-a-session"), Uapi.success(listed).get("data").findValuesAsText("name"));
        // a cpaneld session is not for WHM API 1: cpsrvd's JSON refusal
        session.withCookie().get(session.under("/json-api/listaccts?api.version=1")).then().statusCode(403).body(equalTo(ACCESS_DENIED_JSON));
        // nor for our REST API
        session.withCookie().get(session.under("/api/v1/tokens")).then().statusCode(401);
    }

    @Test
    void theCookieWithoutTheUrlsTokenIsRefusedAndSoIsTheTokenWithoutTheCookie() {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        session.withCookie().get(UAPI).then().statusCode(401).body(equalTo("Access denied\n"));
        session.withCookie().get("/json-api/cpanel?cpanel_jsonapi_module=CustInfo&cpanel_jsonapi_func=displaycontactinfo").then()
                .statusCode(403).body(equalTo(ACCESS_DENIED_JSON));
        given().get(session.under(UAPI)).then().statusCode(401).body(equalTo("Access denied\n"));
        // another number, a made-up cookie
        session.withCookie().get("/cpsess" + otherDigits(session) + UAPI).then().statusCode(401);
        given().header("Cookie", "cpsession=" + alice.username() + "%3AmadeUpSecretThatNobodyIssued00000").get(session.under(UAPI)).then()
                .statusCode(401);
        given().header("Cookie", "cpsession=garbage").get(session.under(UAPI)).then().statusCode(401);
    }

    @Test
    void aWhmSessionWorksOnWhmApi1AndActsAsAUserOnApi2ButIsRefusedOnCpanelPaths() {
        TestAccount bob = Fixtures.newAccount();
        Response login = Sessions.postLogin(Sessions.WHM_HOST, "root", Fixtures.ROOT_PASSWORD, true);
        Session root = Sessions.fromLoginOnly(login, "whostmgrsession");
        assertTrue(login.headers().getValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("cpsession=")), "only WHM's cookie");

        JsonNode listed = Fixtures.json(root.withCookie().get(root.under("/json-api/listaccts?api.version=1")).then().statusCode(200).extract()
                .asString());
        assertEquals(1, listed.get("metadata").get("result").intValue(), listed.toString());
        assertTrue(listed.get("data").get("acct").findValuesAsText("user").contains(bob.username()));
        // API 2 as one of its accounts, like a WHM token
        String acting = root.withCookie().get(root.under("/json-api/cpanel?cpanel_jsonapi_user=" + bob.username()
                + "&cpanel_jsonapi_apiversion=3&cpanel_jsonapi_module=Variables&cpanel_jsonapi_func=get_user_information")).then()
                .statusCode(200).extract().asString();
        assertEquals(bob.username(), Fixtures.json(acting).get("result").get("data").get("user").textValue(), acting);

        // a whostmgrd session on a cPanel path is refused
        root.withCookie().get(root.under("/execute/Tokens/list")).then().statusCode(401).body(equalTo("Access denied\n"));
        // the session's service is recorded: its secret under the cPanel cookie's name is the same whostmgrd session
        given().header("Cookie", "cpsession=" + root.cookieValue()).get(root.under("/execute/Tokens/list")).then().statusCode(401);
    }

    @Test
    void onWhmsPortsOnlyRootAndResellersLogIn() {
        TestAccount plain = Fixtures.newAccount();
        assertEquals(401, Sessions.postLogin(Sessions.WHM_HOST, plain.username(), plain.password(), true).statusCode(),
                "cpsrvd: login attempt to whm by a non-reseller/root");
        TestAccount carol = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", carol.username(), "makeowner", "1")));
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", carol.username(), "acl-list-accts", "1")));
        Session reseller = Sessions.loginWhm(carol.username(), carol.password());
        JsonNode privs = Fixtures.json(reseller.withCookie().get(reseller.under("/json-api/myprivs?api.version=1")).then().statusCode(200)
                .extract().asString());
        assertEquals(1, privs.get("metadata").get("result").intValue(), privs.toString());
        // on cPanel's port the same reseller gets a cpaneld session of its own account
        Session own = Sessions.login(carol.username(), carol.password());
        assertEquals(carol.username(), Uapi.success(sessionCall(own, own.securityToken()).then().statusCode(200).extract().asString())
                .get("data").get("user").textValue());
    }

    @Test
    void logoutEndsTheSessionAndClearsTheCookie() {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        Session other = Sessions.login(alice.username(), alice.password());
        sessionCall(session, session.securityToken()).then().statusCode(200);

        Response out = session.withCookie().get(session.under("/logout/"));
        assertEquals(200, out.statusCode());
        String cleared = Sessions.setCookie(out, "cpsession");
        assertTrue(cleared.startsWith("cpsession=;") && cleared.contains("Max-Age=0"), cleared);

        sessionCall(session, session.securityToken()).then().statusCode(401).body(equalTo("Access denied\n"));
        sessionCall(other, other.securityToken()).then().statusCode(200); // the other session of the same user lives on
        // logging out without the token works too
        other.withCookie().post("/logout").then().statusCode(200);
        sessionCall(other, other.securityToken()).then().statusCode(401);
    }

    @Test
    void tokensAndBasicMayCarryASecurityTokenWhichIsIgnored() {
        TestAccount alice = Fixtures.newAccount();
        String token = alice.newToken();
        alice.withToken(token).get("/cpsess0123456789" + UAPI).then().statusCode(200);
        alice.withPassword().get("/cpsess9876543210/execute/Tokens/list").then().statusCode(200);
        Fixtures.asRoot().get("/cpsess5555555555/json-api/myprivs?api.version=1").then().statusCode(200);
        // a path that only looks like one is no API path (not a token: letters), so a token is refused there
        alice.withToken(token).get("/cpsessabc" + UAPI).then().statusCode(403);
    }

    @Test
    void theAccessLogNeverShowsASecurityToken() throws Exception {
        TestAccount alice = Fixtures.newAccount();
        Session session = Sessions.login(alice.username(), alice.password());
        String marker = "/execute/Variables/get_user_information";
        sessionCall(session, session.securityToken()).then().statusCode(200);
        session.withCookie().get(session.securityToken() + "/json-api/listaccts").then().statusCode(403);
        session.withCookie().get(session.under("/logout/")).then().statusCode(200);
        String digits = Sessions.digits(session.securityToken());
        // the test profile's access log (openuapi.access-log.file), and the application's own log
        Path accessLog = Path.of("target/openuapi-access.log");
        long deadline = System.currentTimeMillis() + 5000;
        String text;
        do {
            Thread.sleep(100);
            text = Files.readString(accessLog, StandardCharsets.UTF_8);
        } while (!text.contains("\"GET /logout/ ") && System.currentTimeMillis() < deadline);
        assertTrue(text.contains("\"GET " + marker + " HTTP/1.1\" 200"), "the call is logged, under its own path");
        assertTrue(text.contains("\"GET /logout/ HTTP/1.1\" 200"), "so is the logout");
        text += Files.readString(Path.of("target/openuapi-test.log"), StandardCharsets.UTF_8);
        assertFalse(text.contains(digits), "the security token is never logged");
        assertFalse(text.contains(Sessions.cookieValueSecret(session)), "nor the cookie");
    }

    /** A UAPI call under {@code securityToken} with the session's cookie. */
    static Response sessionCall(Session session, String securityToken) {
        return session.withCookie().get(securityToken + UAPI);
    }

    private static String otherDigits(Session session) {
        String digits = Sessions.digits(session.securityToken());
        return (digits.charAt(0) == '1' ? "2" : "1") + digits.substring(1);
    }

    private static String iterableToString(java.util.Iterator<String> names) {
        java.util.List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list.toString();
    }
}
