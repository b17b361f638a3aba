package dev.openuapi.session;

import static dev.openuapi.support.Fixtures.asRoot;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Sessions;
import dev.openuapi.support.Sessions.Session;
import dev.openuapi.support.Uapi;
import dev.openuapi.support.Whm;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * WHM API 1 {@code create_user_session} (issue 14 §1): its answer, the URL that logs in once without a password,
 * and who may call it.
 *
 * <p>cPanel's documented answer we compare with (create_user_session's page; its fields and types are the same as
 * wp_dashboard_create_login_link's "Response 200 fields": cp_security_token string, expires integer, service string,
 * session string, url string):
 *
 * <pre>
 * {"data":{"cp_security_token":"/cpsess1234567890","expires":1401993893,
 *          "session":"username:GHehYZ1GCxzmDATMmT1xT4rN0tiPGMWnKErPJdU3t6AGBx2LjQ3qB6Xih5naUh_4:create_user_session,5dc6…592a",
 *          "url":"https://example.com:2083/cpsess1234567890/login/?session=username%3a…","service":"cpaneld"},
 *  "metadata":{"version":1,"reason":"Created session","result":1,"command":"create_user_session"}}
 * </pre>
 *
 * Using such a URL on a real WHM (asmrdevelop/cpanel {@code logs/access_log} and {@code logs/session_log}): {@code GET
 * /cpsess1338213286/login/?session=root%3agRJ5lhG0d1eyZ1Ud%3acreate_user_session%2c4987…} answered 307, the
 * create_user_session session was purged and a new one made in its place.
 */
@QuarkusTest
class CreateUserSessionTest {

    /** create_user_session as root; returns {@code data}, after checking cPanel's shape and types. */
    static JsonNode create(String user, String service) {
        return created(Whm.json(asRoot(), "create_user_session", Map.of("user", user, "service", service)));
    }

    static JsonNode created(JsonNode answer) {
        assertEquals(1, answer.get("metadata").get("result").intValue(), answer.toString());
        JsonNode data = answer.get("data");
        List<String> keys = new ArrayList<>();
        data.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("cp_security_token", "expires", "service", "session", "url"), keys, data.toString());
        assertTrue(data.get("cp_security_token").textValue().matches("/cpsess\\d{10}"), data.toString());
        assertTrue(data.get("expires").isIntegralNumber(), "expires is an integer: " + data);
        assertTrue(data.get("session").isTextual() && data.get("url").isTextual() && data.get("service").isTextual());
        String url = data.get("url").textValue();
        assertTrue(url.matches("https://[^/]+:\\d+" + data.get("cp_security_token").textValue() + "/login/\\?session=.+"), url);
        return data;
    }

    /** The path and query of the URL, to send to the application under test. */
    static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** Opens the URL as a browser would (without following the redirect), its query sent as it is (already encoded). */
    static Response open(String url) {
        return openPath(pathOf(url));
    }

    static Response openPath(String pathAndQuery) {
        return given().urlEncodingEnabled(false).redirects().follow(false).get(pathAndQuery);
    }

    @Test
    void theUrlLogsInOnceWithoutAPasswordAsTheAccount() {
        TestAccount alice = Fixtures.newAccount();
        long before = System.currentTimeMillis() / 1000;
        JsonNode data = create(alice.username(), "cpaneld");
        assertEquals("cpaneld", data.get("service").textValue());
        assertTrue(data.get("session").textValue().startsWith(alice.username() + ":"), data.toString());
        assertTrue(data.get("session").textValue().contains(":create_user_session,"), data.toString());
        long expires = data.get("expires").longValue();
        assertTrue(expires >= before + 15 * 60 && expires <= before + 15 * 60 + 5, "15 minutes of idle time: " + expires);

        String token = data.get("cp_security_token").textValue();
        Response opened = open(data.get("url").textValue());
        assertEquals(307, opened.statusCode());
        assertEquals(token + "/", opened.header("Location"));
        String cookie = Sessions.cookieValue(opened, "cpsession");
        assertTrue(Sessions.setCookie(opened, "cpsession").contains("; HttpOnly; SameSite=Strict"));
        Session session = new Session("cpsession", cookie, token, Sessions.setCookie(opened, "cpsession"));
        JsonNode info = Uapi.success(session.withCookie().get(session.under(SessionLoginTest.UAPI)).then().statusCode(200).extract()
                .asString());
        assertEquals(alice.username(), info.get("data").get("user").textValue());

        assertEquals(401, open(data.get("url").textValue()).statusCode(), "once only");
        // the one-time string is no cookie
        given().header("Cookie", "cpsession=" + java.net.URLEncoder.encode(data.get("session").textValue(), java.nio.charset.StandardCharsets.UTF_8)).get(token + SessionLoginTest.UAPI).then()
                .statusCode(401);
    }

    @Test
    void theUrlNeedsItsOwnSecurityToken() {
        TestAccount alice = Fixtures.newAccount();
        JsonNode data = create(alice.username(), "cpaneld");
        String path = pathOf(data.get("url").textValue());
        String digits = Sessions.digits(data.get("cp_security_token").textValue());
        String other = (digits.charAt(0) == '1' ? "2" : "1") + digits.substring(1);
        assertEquals(401, openPath(path.replace(digits, other)).statusCode());
        assertEquals(401, openPath(path.substring(path.indexOf("/login/"))).statusCode(), "nor without one");
        assertEquals(307, open(data.get("url").textValue()).statusCode(), "the failed tries did not use it up");
    }

    @Test
    void aWhostmgrdSessionForRootWorksOnWhmApi1() {
        JsonNode data = create("root", "whostmgrd");
        assertEquals("whostmgrd", data.get("service").textValue());
        Response opened = open(data.get("url").textValue());
        assertEquals(307, opened.statusCode());
        Session root = new Session("whostmgrsession", Sessions.cookieValue(opened, "whostmgrsession"), data.get("cp_security_token").textValue(),
                Sessions.setCookie(opened, "whostmgrsession"));
        JsonNode privs = Fixtures.json(root.withCookie().get(root.under("/json-api/myprivs?api.version=1")).then().statusCode(200).extract()
                .asString());
        assertEquals(1, privs.get("metadata").get("result").intValue(), privs.toString());
        root.withCookie().get(root.under(SessionLoginTest.UAPI)).then().statusCode(401);
    }

    @Test
    void aResellerNeedsTheAclAndReachesOnlyItsOwnAccounts() {
        TestAccount carol = Fixtures.newAccount();
        assertEquals("OK", Whm.reason(asRoot(), "setupreseller", Map.of("user", carol.username(), "makeowner", "1")));
        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", carol.username(), "acl-list-accts", "1")));
        String owned = Fixtures.uniqueUsername();
        JsonNode createdAccount = Whm.json(asRoot(), "createacct", Map.of("username", owned, "domain", owned + ".example", "password",
                "pw-" + Fixtures.randomSuffix(12), "owner", carol.username()));
        assertEquals(1, createdAccount.get("metadata").get("result").intValue(), createdAccount.toString());
        assertTrue(listedUsers(carol.withPassword()).contains(owned));
        TestAccount foreign = Fixtures.newAccount();

        RequestSpecification asCarol = carol.withPassword();
        assertEquals(Dispatcher.permissionDenied("create_user_session", "create-user-session"),
                Whm.reason(asCarol, "create_user_session", Map.of("user", owned, "service", "cpaneld")));

        assertEquals("OK", Whm.reason(asRoot(), "setacls", Map.of("reseller", carol.username(), "acl-list-accts", "1",
                "acl-create-user-session", "1")));
        created(Whm.json(carol.withPassword(), "create_user_session", Map.of("user", owned, "service", "cpaneld")));
        assertEquals("The account “" + foreign.username() + "” does not exist.",
                Whm.reason(carol.withPassword(), "create_user_session", Map.of("user", foreign.username(), "service", "cpaneld")));
        // a WHM session of its own, but not of root's
        created(Whm.json(carol.withPassword(), "create_user_session", Map.of("user", carol.username(), "service", "whostmgrd")));
        assertTrue(Whm.reason(carol.withPassword(), "create_user_session", Map.of("user", "root", "service", "whostmgrd"))
                .startsWith("Permission denied"));
        // a token limited to create-user-session cannot make a WHM session, which would hold more
        String limited = Whm.rootToken("create-user-session");
        assertTrue(Whm.reason(Whm.withToken("root", limited), "create_user_session", Map.of("user", "root", "service", "whostmgrd"))
                .startsWith("Permission denied"));
        created(Whm.json(Whm.withToken("root", limited), "create_user_session", Map.of("user", foreign.username(), "service", "cpaneld")));
    }

    @Test
    void badArgumentsGetClearErrors() {
        TestAccount alice = Fixtures.newAccount();
        assertEquals("Provide the “user” argument.", Whm.reason(asRoot(), "create_user_session", Map.of("service", "cpaneld")));
        assertEquals("Provide the “service” argument.", Whm.reason(asRoot(), "create_user_session", Map.of("user", alice.username())));
        assertEquals("The service “webmaild” is not available: OpenUAPI has no Webmail.",
                Whm.reason(asRoot(), "create_user_session", Map.of("user", alice.username(), "service", "webmaild")));
        assertEquals("“ftpd” is not a valid service: use cpaneld or whostmgrd.",
                Whm.reason(asRoot(), "create_user_session", Map.of("user", alice.username(), "service", "ftpd")));
        assertEquals("The account “nosuchuser” does not exist.",
                Whm.reason(asRoot(), "create_user_session", Map.of("user", "nosuchuser", "service", "cpaneld")));
        assertEquals("“" + alice.username() + "” is not a reseller.",
                Whm.reason(asRoot(), "create_user_session", Map.of("user", alice.username(), "service", "whostmgrd")));
        Fixtures.patchAccount(alice.username(), Map.of("suspended", true));
        assertEquals("The account “" + alice.username() + "” is suspended.",
                Whm.reason(asRoot(), "create_user_session", Map.of("user", alice.username(), "service", "cpaneld")));
    }

    @Test
    void openApiListsTheFunctionWithItsParametersAndAnswer() {
        JsonNode doc = Fixtures.json(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
        JsonNode op = doc.get("paths").get("/json-api/create_user_session").get("get");
        assertEquals(List.of("api.version", "user", "service"), op.get("parameters").findValuesAsText("name"), op.toString());
        assertTrue(op.get("description").textValue().contains("create-user-session"), op.toString());
        JsonNode media = op.get("responses").get("200").get("content").get("application/json");
        String schema = media.get("schema").toString();
        for (String field : List.of("cp_security_token", "expires", "service", "session", "url")) {
            assertTrue(schema.contains("\"" + field + "\""), field + " in " + schema);
        }
        // the example answer, in WHM API 1's envelope, with the fields and types of a real one
        JsonNode example = media.get("example");
        assertEquals(1, example.get("metadata").get("result").intValue(), example.toString());
        created(example);
    }

    private static List<String> listedUsers(RequestSpecification as) {
        return Whm.json(as, "listaccts", Map.of()).get("data").get("acct").findValuesAsText("user");
    }
}
