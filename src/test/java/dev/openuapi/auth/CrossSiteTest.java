package dev.openuapi.auth;

import static dev.openuapi.support.Fixtures.asRoot;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestConfig;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 12 row 4: a request that carries browser credentials (HTTP Basic, a cookie) and that the browser marks
 * as sent by another site is refused on every face, in that face's refusal; programs (no such headers), the
 * service's own pages (same origin, on either port) and tokens are unaffected.
 */
@QuarkusTest
class CrossSiteTest {

    private static final String EVIL = "https://evil.example";
    private static final String REFUSED = CrossSiteRequests.REFUSED;

    private static String ownOrigin() {
        return "http://localhost:" + TestConfig.httpPort();
    }

    private static List<String> tokenNames(TestAccount account) {
        return Uapi.success(account.withPassword().get("/execute/Tokens/list").then().statusCode(200).extract().asString())
                .get("data").findValuesAsText("name");
    }

    private static RequestSpecification createFullAccess(TestAccount alice, Map<String, String> headers, String name) {
        RequestSpecification request = alice.withPassword().contentType(ContentType.URLENC).formParam("name", name);
        headers.forEach(request::header);
        return request;
    }

    /** The repro of row 4: cURL's -u, Origin evil, Sec-Fetch-Site cross-site, a form POST to create_full_access. */
    @Test
    void aCrossSiteFormPostWithBasicCredentialsCreatesNoToken() {
        TestAccount alice = Fixtures.newAccount();
        createFullAccess(alice, Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site"), "csrf1")
                .post("/execute/Tokens/create_full_access").then().statusCode(403).body(containsString(REFUSED));
        createFullAccess(alice, Map.of("Origin", EVIL), "csrf2").post("/execute/Tokens/create_full_access").then().statusCode(403);
        createFullAccess(alice, Map.of("Sec-Fetch-Site", "cross-site"), "csrf3").post("/execute/Tokens/create_full_access").then()
                .statusCode(403);
        // A sandboxed frame or a cross-site redirect sends "Origin: null": not one of ours either.
        createFullAccess(alice, Map.of("Origin", "null"), "csrf4").post("/execute/Tokens/create_full_access").then().statusCode(403);
        // Our own host on another port is another origin.
        createFullAccess(alice, Map.of("Origin", "http://localhost:1"), "csrf5").post("/execute/Tokens/create_full_access").then()
                .statusCode(403);
        List<String> names = tokenNames(alice);
        for (String name : List.of("csrf1", "csrf2", "csrf3", "csrf4", "csrf5")) {
            assertFalse(names.contains(name), name + " was created: " + names);
        }
    }

    @Test
    void sameOriginAndHeaderlessRequestsStillWork() {
        TestAccount alice = Fixtures.newAccount();
        // A program: no Origin, no Sec-Fetch-Site.
        createFullAccess(alice, Map.of(), "program").post("/execute/Tokens/create_full_access").then().statusCode(200)
                .body("status", equalTo(1));
        // The service's own page, on this port and on the HTTPS port, and the origin the test profile trusts.
        createFullAccess(alice, Map.of("Origin", ownOrigin(), "Sec-Fetch-Site", "same-origin"), "same1")
                .post("/execute/Tokens/create_full_access").then().statusCode(200).body("status", equalTo(1));
        createFullAccess(alice, Map.of("Origin", "https://localhost:" + TestConfig.tlsPort(), "Sec-Fetch-Site", "same-site"), "same2")
                .post("/execute/Tokens/create_full_access").then().statusCode(200).body("status", equalTo(1));
        createFullAccess(alice, Map.of("Origin", "https://panel.example.net", "Sec-Fetch-Site", "same-site"), "listed")
                .post("/execute/Tokens/create_full_access").then().statusCode(200).body("status", equalTo(1));
        // The user typed the address (Sec-Fetch-Site: none): a top-level navigation of their own.
        alice.withPassword().header("Sec-Fetch-Site", "none").get("/execute/Tokens/list").then().statusCode(200).body("status", equalTo(1));
        List<String> names = tokenNames(alice);
        assertTrue(names.containsAll(List.of("program", "same1", "same2", "listed")), names.toString());
    }

    /** The second repro: as root, a cross-site GET of removeacct (an image tag would do) removes nothing. */
    @Test
    void aCrossSiteGetAsRootRemovesNoAccount() {
        TestAccount bob = Fixtures.newAccount();
        asRoot().header("Sec-Fetch-Site", "cross-site").header("Origin", EVIL).queryParam("api.version", "1")
                .queryParam("username", bob.username()).get("/json-api/removeacct").then().statusCode(403).body(containsString(REFUSED));
        asRoot().header("Sec-Fetch-Site", "cross-site").queryParam("api.version", "1").queryParam("username", bob.username())
                .get("/json-api/removeacct").then().statusCode(403);
        asRoot().get("/api/v1/accounts/" + bob.username()).then().statusCode(200);
        // API 2 acting as the account, through root's password: the same.
        asRoot().header("Origin", EVIL).queryParam("cpanel_jsonapi_user", bob.username()).queryParam("cpanel_jsonapi_apiversion", "3")
                .queryParam("cpanel_jsonapi_module", "Tokens").queryParam("cpanel_jsonapi_func", "create_full_access").queryParam("name", "viaapi2")
                .get("/json-api/cpanel").then().statusCode(403).body(containsString(REFUSED));
        assertFalse(tokenNames(bob).contains("viaapi2"));
        // And the operator's REST API answers in problem+json.
        asRoot().header("Origin", EVIL).delete("/api/v1/accounts/" + bob.username()).then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo(REFUSED));
        asRoot().get("/api/v1/accounts/" + bob.username()).then().statusCode(200);
        // Without the browser's marks, root's program still works.
        asRoot().queryParam("api.version", "1").queryParam("username", bob.username()).get("/json-api/removeacct").then().statusCode(200)
                .body("metadata.result", equalTo(1));
        asRoot().get("/api/v1/accounts/" + bob.username()).then().statusCode(404);
    }

    @Test
    void ourRestApiRefusesInProblemJson() {
        TestAccount alice = Fixtures.newAccount();
        alice.withPassword().header("Origin", EVIL).contentType(ContentType.JSON).body(Map.of("name", "restcsrf")).post("/api/v1/tokens")
                .then().statusCode(403).contentType("application/problem+json").body("detail", equalTo(REFUSED));
        assertFalse(tokenNames(alice).contains("restcsrf"));
        alice.withPassword().header("Origin", ownOrigin()).contentType(ContentType.JSON).body(Map.of("name", "restok")).post("/api/v1/tokens")
                .then().statusCode(201);
    }

    /** A browser cannot add a token header across sites without a preflight; a cookie beside it is refused all the same. */
    @Test
    void tokensAreUnaffectedButACookieCounts() {
        TestAccount alice = Fixtures.newAccount();
        String token = alice.newToken();
        alice.withToken(token).header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site").get("/execute/Tokens/list").then()
                .statusCode(200).body("status", equalTo(1));
        alice.withToken(token).header("Cookie", "session=x").header("Origin", EVIL).get("/execute/Tokens/list").then().statusCode(403)
                .body(containsString(REFUSED));
        // The static token page and the OpenAPI document take no credentials: a link from another site opens them.
        RestAssured.given().auth().preemptive().basic(alice.username(), alice.password()).header("Sec-Fetch-Site", "cross-site")
                .get("/tokens/").then().statusCode(200);
    }

    /** Behind the trusted proxy (127.0.0.2 in the test profile) the public host is X-Forwarded-Host's; from anyone else it is ignored. */
    @Test
    void theTrustedProxysForwardedHostIsOurOwn() throws IOException {
        TestAccount alice = Fixtures.newAccount();
        String basic = "Basic " + Base64.getEncoder().encodeToString((alice.username() + ":" + alice.password()).getBytes(StandardCharsets.UTF_8));
        String path = "/execute/Tokens/list";
        assertEquals(200, status("127.0.0.2", path, basic, "panel.example.com", "https://panel.example.com"));
        assertEquals(200, status("127.0.0.2", path, basic, "panel.example.com:2083", "https://panel.example.com:2083"));
        assertEquals(403, status("127.0.0.2", path, basic, "panel.example.com", "https://evil.example"));
        assertEquals(403, status("127.0.0.1", path, basic, "panel.example.com", "https://panel.example.com"),
                "X-Forwarded-Host from a client that is not a trusted proxy is ignored");
    }

    private static int status(String source, String path, String authorization, String forwardedHost, String origin) throws IOException {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName(source), 0)) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\nAuthorization: " + authorization
                    + "\r\nX-Forwarded-Host: " + forwardedHost + "\r\nOrigin: " + origin + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return Integer.parseInt(raw.substring(9, 12));
        }
    }
}
