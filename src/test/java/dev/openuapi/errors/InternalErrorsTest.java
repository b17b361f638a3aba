package dev.openuapi.errors;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * An unexpected exception never reaches the caller: not its message, not its class. Each API face answers in
 * its own envelope with a fixed text, and the detail goes to the log. The failures come from test-only code
 * ({@link TestBoomModule}, {@link ThrowingFilter}) that only this profile builds in; there is no *IT twin,
 * because the packaged jar does not contain them.
 */
@QuarkusTest
@TestProfile(InternalErrorsTest.WithBoomModule.class)
class InternalErrorsTest {

    public static class WithBoomModule implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(TestBoomModule.ENABLED, "true");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    static final Path LOG = Path.of("target/openuapi-test.log");
    /** OpenUAPI's own wording, not cPanel's: the Dispatcher's answer when a function throws. */
    static final String OPENUAPI_CHOICE_FUNCTION_FAILED = "The system encountered an internal error while running %s.";
    /** OpenUAPI's own wording, not cPanel's: ErrorMapper's answer on /execute when an exception escapes the resource. */
    static final String OPENUAPI_CHOICE_UAPI_ESCAPED = "The system encountered an internal error.";
    /** OpenUAPI's own wording: ErrorMapper's problem+json detail on /api/v1 for an unexpected exception. */
    static final String OPENUAPI_CHOICE_REST_ESCAPED = "The server could not complete the request.";

    static String nonce() {
        return "nonce" + Fixtures.randomSuffix(16);
    }

    /** Nothing of the exception in the answer; its message (with this nonce) in the log. */
    static void assertHidden(String body, String nonce) throws Exception {
        for (String leak : List.of(nonce, TestBoomException.SECRET, "TestBoomException", "internal detail", "dev.openuapi.",
                "java.lang", "Exploding", "at dev.")) {
            assertFalse(body.contains(leak), "the answer leaks “" + leak + "”: " + body);
        }
        assertTrue(logContains(nonce), "the log keeps the detail of " + nonce);
    }

    static boolean logContains(String text) throws IOException, InterruptedException {
        assertTrue(Files.exists(LOG), "the test profile logs to " + LOG);
        for (int i = 0; i < 50; i++) {
            if (Files.readString(LOG, StandardCharsets.UTF_8).contains(text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    static RequestSpecification asRootWithPassword() {
        return Fixtures.asRoot();
    }

    static String api2(TestAccount account, String token, String function, String nonce, String version) {
        return account.withToken(token).queryParam("cpanel_jsonapi_module", "TestBoom").queryParam("cpanel_jsonapi_func", function)
                .queryParam("cpanel_jsonapi_apiversion", version).queryParam("nonce", nonce).get("/json-api/cpanel").then()
                .statusCode(200).extract().asString();
    }

    @Test
    void aUapiFunctionThatThrowsAnswersStatusZeroAndHidesTheDetail() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String nonce = nonce();
        String body = alice.withToken(token).queryParam("nonce", nonce).get("/execute/TestBoom/fn").then().statusCode(200).extract()
                .asString();
        Uapi.failure(body, String.format(OPENUAPI_CHOICE_FUNCTION_FAILED, "TestBoom::fn"));
        assertHidden(body, nonce);

        // the same through /json-api/cpanel with cpanel_jsonapi_apiversion=3 (UAPI in API 2's wrapper)
        String viaJsonApi = nonce();
        String wrapped = api2(alice, token, "fn", viaJsonApi, "3");
        JsonNode result = Fixtures.json(wrapped).get("result");
        assertEquals(0, result.get("status").intValue(), wrapped);
        assertEquals(String.format(OPENUAPI_CHOICE_FUNCTION_FAILED, "TestBoom::fn"), result.get("errors").get(0).textValue(), wrapped);
        assertHidden(wrapped, viaJsonApi);
    }

    @Test
    void anApi2FunctionThatThrowsAnswersResultZeroAndHidesTheDetail() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String nonce = nonce();
        String body = api2(alice, token, "fn", nonce, "2");
        JsonNode result = Fixtures.json(body).get("cpanelresult");
        String expected = String.format(OPENUAPI_CHOICE_FUNCTION_FAILED, "TestBoom::fn");
        // API 2's failure shape (spec §8.2): event.result 0 with the reason, error, empty data
        assertEquals(0, result.get("event").get("result").intValue(), body);
        assertEquals(expected, result.get("event").get("reason").textValue(), body);
        assertEquals(expected, result.get("error").textValue(), body);
        assertEquals("[]", result.get("data").toString(), body);
        assertHidden(body, nonce);
    }

    @Test
    void aWhmFunctionThatThrowsAnswersResultZeroAndHidesTheDetail() throws Exception {
        String nonce = nonce();
        String body = asRootWithPassword().queryParam("api.version", "1").queryParam("nonce", nonce).get("/json-api/testboom_fn").then()
                .statusCode(200).extract().asString();
        JsonNode metadata = Fixtures.json(body).get("metadata");
        // WHM API 1's envelope (spec §10.1): metadata.result 0 and the reason
        assertEquals(0, metadata.get("result").intValue(), body);
        assertEquals(String.format(OPENUAPI_CHOICE_FUNCTION_FAILED, "WHM::testboom_fn"), metadata.get("reason").textValue(), body);
        assertEquals("testboom_fn", metadata.get("command").textValue(), body);
        assertHidden(body, nonce);
    }

    @Test
    void anExceptionEscapingTheUapiResourceIsAUapiFailure() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String nonce = nonce();
        // data that cannot be written as JSON fails inside the dispatcher, which turns every function's data into
        // plain JSON values: the function's own failure
        String body = alice.withToken(token).queryParam("nonce", nonce).get("/execute/TestBoom/unserialisable").then().statusCode(200)
                .extract().asString();
        Uapi.failure(body, String.format(OPENUAPI_CHOICE_FUNCTION_FAILED, "TestBoom::unserialisable"));
        assertHidden(body, nonce);

        String filterNonce = nonce();
        String filtered = alice.withToken(token).header(ThrowingFilter.HEADER, filterNonce).get("/execute/Tokens/list").then()
                .statusCode(200).extract().asString();
        Uapi.failure(filtered, OPENUAPI_CHOICE_UAPI_ESCAPED);
        assertHidden(filtered, filterNonce);
    }

    @Test
    void anExceptionEscapingTheRestApiIsAProblemWithoutTheDetail() throws Exception {
        TestAccount alice = newAccount();
        for (RequestSpecification request : List.of(alice.withPassword().basePath("/api/v1/tokens"),
                asRootWithPassword().basePath("/api/v1/accounts"), asRootWithPassword().basePath("/api/v1/plans"))) {
            String nonce = nonce();
            Response response = request.header(ThrowingFilter.HEADER, nonce).get();
            response.then().statusCode(500).contentType("application/problem+json");
            JsonNode problem = Fixtures.json(response.asString());
            assertEquals(500, problem.get("status").intValue());
            assertEquals(OPENUAPI_CHOICE_REST_ESCAPED, problem.get("detail").textValue());
            assertHidden(response.asString(), nonce);
        }
    }

    /** Today's answer on /json-api/ is problem+json (ErrorMapper knows only /execute and /api/): at least nothing leaks. */
    @Test
    void anExceptionEscapingJsonApiNeverEchoesTheDetail() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        List<RequestSpecification> requests = List.of(
                alice.withToken(token).queryParam("cpanel_jsonapi_module", "TestBoom").queryParam("cpanel_jsonapi_func", "unserialisable"),
                alice.withToken(token).queryParam("cpanel_jsonapi_module", "Tokens").queryParam("cpanel_jsonapi_func", "list")
                        .queryParam("cpanel_jsonapi_apiversion", "3"));
        for (int i = 0; i < requests.size(); i++) {
            String nonce = nonce();
            RequestSpecification request = requests.get(i);
            String body = (i == 0 ? request.queryParam("nonce", nonce) : request.header(ThrowingFilter.HEADER, nonce)).get("/json-api/cpanel")
                    .asString();
            assertHidden(body, nonce);
        }
        String nonce = nonce();
        assertHidden(asRootWithPassword().queryParam("api.version", "1").queryParam("nonce", nonce).get("/json-api/testboom_unserialisable")
                .asString(), nonce);
        String filterNonce = nonce();
        assertHidden(asRootWithPassword().queryParam("api.version", "1").header(ThrowingFilter.HEADER, filterNonce).get("/json-api/listaccts")
                .asString(), filterNonce);
    }

    @Test
    void anExceptionEscapingApi2IsAnApi2Failure() throws Exception {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String nonce = nonce();
        Response response = alice.withToken(token).queryParam("cpanel_jsonapi_module", "TestBoom")
                .queryParam("cpanel_jsonapi_func", "unserialisable").queryParam("nonce", nonce).get("/json-api/cpanel");
        assertApi2Failure(response, nonce);
        String filterNonce = nonce();
        assertApi2Failure(alice.withToken(token).queryParam("cpanel_jsonapi_module", "Tokens").queryParam("cpanel_jsonapi_func", "list")
                .header(ThrowingFilter.HEADER, filterNonce).get("/json-api/cpanel"), filterNonce);
    }

    /** API 2's envelope (spec §8.2) with an error and no data. */
    static void assertApi2Failure(Response response, String nonce) throws Exception {
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        JsonNode result = Fixtures.json(body).get("cpanelresult");
        assertTrue(result != null && result.get("error").isTextual(), body);
        assertEquals(0, result.get("event").get("result").intValue(), body);
        assertHidden(body, nonce);
    }

    @Test
    void anExceptionEscapingWhmApi1IsAWhmFailure() throws Exception {
        String nonce = nonce();
        assertWhmFailure(asRootWithPassword().queryParam("api.version", "1").queryParam("nonce", nonce).get("/json-api/testboom_unserialisable"),
                nonce);
        String filterNonce = nonce();
        assertWhmFailure(asRootWithPassword().queryParam("api.version", "1").header(ThrowingFilter.HEADER, filterNonce).get("/json-api/listaccts"),
                filterNonce);
    }

    /** WHM API 1's envelope (spec §10.1): metadata with result 0 and a reason. */
    static void assertWhmFailure(Response response, String nonce) throws Exception {
        String body = response.asString();
        assertEquals(200, response.statusCode(), body);
        JsonNode metadata = Fixtures.json(body).get("metadata");
        assertTrue(metadata != null && metadata.get("reason").isTextual(), body);
        assertEquals(0, metadata.get("result").intValue(), body);
        assertHidden(body, nonce);
    }
}
