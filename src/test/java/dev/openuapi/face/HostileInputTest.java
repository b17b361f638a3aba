package dev.openuapi.face;

import static dev.openuapi.support.Fixtures.asRoot;
import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 12 §2, rows 1, 3, 9 and 14: hostile input costs nothing and gets a clear answer in the face's own
 * envelope. The JUnit timeouts only guard against a hang (each of these took seconds to months before).
 */
@QuarkusTest
class HostileInputTest {

    /** The Content-Type exactly as written: no charset added. */
    private static final RestAssuredConfig AS_SENT = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    private static final String REDOS_NAME = "aaaaaaaaaaaaaaaaaaaaaaaaaaa-";
    private static final String LOG = "target/openuapi-test.log";

    private static List<String> names(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.forEach(row -> names.add(row.get("name").textValue()));
        return names;
    }

    private static JsonNode tokens(TestAccount account, String token, String encodedQuery) {
        return Uapi.envelope(account.withToken(token).urlEncodingEnabled(false).get("/execute/Tokens/list?" + encodedQuery).asString());
    }

    /** Row 1, the repro as filed: a backreference is not RE2 syntax, so the filter is reported invalid and not applied. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theReDoSReproAnswersAtOnceWithTheFilterReportedInvalid() {
        TestAccount alice = newAccount();
        String token = alice.newToken(REDOS_NAME);
        JsonNode root = tokens(alice, token,
                "api.filter_column=name&api.filter_type=matches&api.filter_term=%5E(a%2B)%2B%5C1%24");
        assertEquals(1, root.get("status").intValue(), root.toString());
        assertEquals(List.of(REDOS_NAME), names(root.get("data")), "the invalid filter is not applied");
        assertEquals("The following “filter” arguments are invalid: name matches \"^(a+)+\\1$\" (invalid regular expression: "
                + "invalid escape sequence: `\\1`).", root.get("messages").get(0).textValue());
        assertEquals(1, root.get("metadata").get("records_before_filter").intValue());
    }

    /** Row 1: patterns that backtrack exponentially on java.util.regex run in linear time and answer right. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void exponentialPatternsForBacktrackingAreLinearHere() {
        TestAccount alice = newAccount();
        String fifty = "a".repeat(49) + "-"; // the longest token name: 2^49 paths for ^(a+)+$ on java.util.regex
        String token = alice.newToken(fifty);
        alice.newToken("aaaa");
        JsonNode none = tokens(alice, token, "api.filter_column=name&api.filter_type=matches&api.filter_term=%5E(a%2B)%2B%24");
        assertEquals(List.of("aaaa"), names(none.get("data")), none.toString());
        assertTrue(none.get("messages").isNull(), none.toString());
        JsonNode fib = tokens(alice, token, "api.filter_column=name&api.filter_type=matches&api.filter_term=%5E(a%7Caa)%2B%24");
        assertEquals(List.of("aaaa"), names(fib.get("data")), fib.toString());
        JsonNode both = tokens(alice, token, "api.filter_column=name&api.filter_type=matches&api.filter_term=%5E(a%7Caa)%2B-%3F%24");
        assertEquals(List.of("aaaa", fifty), names(both.get("data")).stream().sorted().toList(), both.toString());
    }

    /** Row 1: WHM's listaccts search and Email::list_pops regex run on the same engine and refuse a backreference clearly. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void listacctsSearchAndListPopsRegexUseTheLinearEngine() {
        TestAccount alice = newAccount();
        String body = asRoot().urlEncodingEnabled(false)
                .get("/json-api/listaccts?api.version=1&search=%5E(" + alice.username().charAt(0) + "%2B%7C.)%2B%24").asString();
        assertTrue(body.contains("\"user\":\"" + alice.username() + "\""), body);
        JsonNode refused = Fixtures.json(asRoot().urlEncodingEnabled(false).get("/json-api/listaccts?api.version=1&search=(a)%5C1").asString());
        assertEquals(0, refused.get("metadata").get("result").intValue(), refused.toString());
        assertEquals("“(a)\\1” is not a valid regular expression (invalid escape sequence: `\\1`).",
                refused.get("metadata").get("reason").textValue());
        String pops = alice.withPassword().urlEncodingEnabled(false).get("/execute/Email/list_pops?regex=%5E(a%2B)%2B%5C1%24").asString();
        Uapi.failure(pops, "“^(a+)+\\1$” is not a valid regular expression (invalid escape sequence: `\\1`).");
    }

    private static String repeatedKeys(int count) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : "&").append("k=1");
        }
        return body.toString();
    }

    /** Row 3: 40,000 repeats of one key (33 s of CPU before) are refused at once, past the cap of 10,000. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBodyPastTheParameterCapIsRefusedInEachFacesEnvelope() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String body = repeatedKeys(40_000);
        Uapi.failure(alice.withToken(token).contentType("application/x-www-form-urlencoded").body(body).post("/execute/Tokens/list").asString(),
                "The request has more than 10000 parameters.");
        JsonNode api2 = Fixtures.json(alice.withToken(token).contentType("application/x-www-form-urlencoded").body(body)
                .post("/json-api/cpanel?cpanel_jsonapi_module=Email&cpanel_jsonapi_func=listpops").asString());
        assertEquals(0, api2.get("cpanelresult").get("event").get("result").intValue(), api2.toString());
        assertEquals("The request has more than 10000 parameters.", api2.get("cpanelresult").get("error").textValue());
        JsonNode whm = Fixtures.json(asRoot().contentType("application/x-www-form-urlencoded").body(body)
                .post("/json-api/listaccts?api.version=1").asString());
        assertEquals(0, whm.get("metadata").get("result").intValue(), whm.toString());
        assertEquals("The request has more than 10000 parameters.", whm.get("metadata").get("reason").textValue());
    }

    /** Row 3: just under the cap, 9,999 repeats are read (as k, k-0, …, k-9997) and the call runs. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aBodyUnderTheCapIsRead() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(alice.withToken(token).contentType("application/x-www-form-urlencoded").body(repeatedKeys(9_999))
                .post("/execute/Tokens/list").asString());
    }

    private static long unexpectedErrorsLogged() throws IOException {
        Path log = Path.of(LOG);
        if (!Files.exists(log)) {
            return 0;
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> l.contains("ERROR")).count();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A request with exactly this Content-Type and body, however malformed. */
    private static RequestSpecification raw(RequestSpecification spec, String contentType, String body) {
        return spec.config(AS_SENT).header("Content-Type", contentType).body(bytes(body));
    }

    private static RequestSpecification anonymous() {
        return given();
    }

    /** Row 9 without credentials: a malformed request gets the face's ordinary refusal, because auth comes first. */
    @Test
    void malformedRequestsWithoutCredentialsGetTheOrdinaryRefusal() throws IOException {
        long errorsBefore = unexpectedErrorsLogged();
        assertEquals(401, raw(anonymous(), ";;;//", "x=1").post("/execute/Tokens/create_full_access").statusCode());
        assertEquals(403, raw(anonymous(), ";;;//", "x=1").post("/json-api/cpanel").statusCode());
        assertEquals(403, raw(anonymous(), ";;;//", "x=1").post("/json-api/listaccts").statusCode());
        assertEquals(401, raw(anonymous(), ";;;//", "x=1").post("/api/v1/tokens").statusCode());
        assertEquals(401, raw(anonymous(), "multipart/form-data; boundary=zzz", "--yyy\r\nbroken").post("/execute/Tokens/list")
                .statusCode());
        assertEquals(401, raw(anonymous(), "multipart/form-data", "x").post("/execute/Tokens/list").statusCode());
        assertEquals(errorsBefore, unexpectedErrorsLogged(), "client mistakes are not logged at ERROR");
    }

    private static void uapiClientError(Response response) {
        assertEquals(200, response.statusCode(), response.asString());
        JsonNode root = Uapi.envelope(response.asString());
        assertEquals(0, root.get("status").intValue(), response.asString());
        String error = root.get("errors").get(0).textValue();
        assertFalse(error.contains("internal error"), error);
    }

    private static final String CRLF = "\r\n";

    /** Row 9 with credentials: each malformed body gets a clear error in the UAPI envelope, never "internal error". */
    @Test
    void malformedRequestsWithCredentialsGetAClearErrorInTheEnvelope() throws IOException {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        long errorsBefore = unexpectedErrorsLogged();
        Uapi.failure(raw(alice.withToken(token), ";;;//", "x=1").post("/execute/Tokens/create_full_access").asString(),
                "The Content-Type header “;;;//” is not a valid media type.");
        String part = "Content-Disposition: form-data; name=\"name\"" + CRLF + CRLF;
        Uapi.failure(raw(alice.withToken(token), "multipart/form-data; boundary=right", "--wrong" + CRLF + part + "v" + CRLF + "--wrong--" + CRLF)
                .post("/execute/Tokens/create_full_access").asString(), FaceErrors.BODY_NOT_READ);
        Uapi.failure(raw(alice.withToken(token), "multipart/form-data; boundary=b", "--b" + CRLF + part + "trunc")
                .post("/execute/Tokens/create_full_access").asString(), FaceErrors.BODY_NOT_READ);
        uapiClientError(raw(alice.withToken(token), "multipart/form-data; boundary=b",
                "--b" + CRLF + "Content-Disposition: form-data" + CRLF + CRLF + "v" + CRLF + "--b--" + CRLF).post("/execute/Tokens/create_full_access"));
        Uapi.failure(raw(alice.withToken(token), "multipart/form-data", "x").post("/execute/Tokens/list").asString(),
                "The Content-Type header “multipart/form-data” has no boundary.");
        Uapi.failure(alice.withToken(token).contentType("application/json").body(bytes("{\"name\":")).post("/execute/Tokens/create_full_access")
                .asString(), "parsejson(): Invalid JSON data.");
        assertEquals(errorsBefore, unexpectedErrorsLogged(), "client mistakes are not logged at ERROR");
    }

    /** Row 9 with credentials on API 2, WHM API 1 and REST: each face's own error, never HTTP 500. */
    @Test
    void malformedRequestsOnTheOtherFaces() throws IOException {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        long errorsBefore = unexpectedErrorsLogged();
        Response api2 = raw(alice.withToken(token), ";;;//", "x=1")
                .post("/json-api/cpanel?cpanel_jsonapi_module=Email&cpanel_jsonapi_func=listpops");
        assertEquals(200, api2.statusCode(), api2.asString());
        JsonNode event = Fixtures.json(api2.asString()).get("cpanelresult");
        assertEquals(0, event.get("event").get("result").intValue(), api2.asString());
        assertFalse(event.get("error").textValue().contains("internal error"), api2.asString());

        Response whm = raw(asRoot(), "multipart/form-data; boundary=b", "--b" + CRLF + "trunc").post("/json-api/listaccts?api.version=1");
        assertEquals(200, whm.statusCode(), whm.asString());
        JsonNode metadata = Fixtures.json(whm.asString()).get("metadata");
        assertEquals(0, metadata.get("result").intValue(), whm.asString());
        assertFalse(metadata.get("reason").textValue().contains("internal error"), whm.asString());

        Response rest = raw(alice.withPassword(), ";;;//", "{}").post("/api/v1/tokens");
        assertTrue(rest.statusCode() == 400 || rest.statusCode() == 415, rest.statusCode() + " " + rest.asString());
        assertEquals("application/problem+json", rest.contentType().replaceAll(";.*", ""), rest.asString());
        Response restJson = alice.withPassword().contentType("application/json").body(bytes("{\"name\":")).post("/api/v1/tokens");
        assertEquals(400, restJson.statusCode(), restJson.asString());
        assertEquals(errorsBefore, unexpectedErrorsLogged(), "client mistakes are not logged at ERROR");
    }

    /** Row 14: a refused 200 KB name is quoted in at most 100 characters. */
    @Test
    void anErrorQuotesAtMostOneHundredCharactersOfTheRefusedInput() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String huge = "x".repeat(200_000) + "!";
        JsonNode root = Uapi.envelope(alice.withToken(token).contentType("application/x-www-form-urlencoded").body("name=" + huge)
                .post("/execute/Tokens/create_full_access").asString());
        assertEquals(0, root.get("status").intValue());
        String error = root.get("errors").get(0).textValue();
        assertTrue(error.startsWith("“" + "x".repeat(100) + "…” is not a valid API token name."), error);
        assertTrue(error.length() < 400, "length " + error.length());
        Response rest = alice.withPassword().contentType("application/json").body("{\"name\":\"" + huge + "\"}").post("/api/v1/tokens");
        assertEquals(400, rest.statusCode());
        assertTrue(rest.asString().length() < 1000, "length " + rest.asString().length());
        JsonNode listed = tokens(alice, token, "api.filter_column=" + "c".repeat(5000) + "&api.filter_type=matches&api.filter_term=x");
        assertNotEquals(null, listed.get("messages").get(0));
        assertTrue(listed.get("messages").get(0).textValue().length() < 400, listed.get("messages").get(0).textValue());
    }
}
