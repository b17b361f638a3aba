package dev.openuapi.face.uapi;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;

/** How {@code /execute} reads requests (spec §5) and shapes every answer (spec §6). */
@QuarkusTest
class ExecuteRequestTest {

    private static final String USER_INFO = "/execute/Variables/get_user_information";

    @Test
    void getReadsTheQueryStringAndNumbersRepeatedKeys() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode data = Uapi.success(alice.withToken(token).urlEncodingEnabled(false)
                .get(USER_INFO + "?name=user&name=domain&name=contact_email").asString()).get("data");
        assertEquals(List.of("user", "domain", "contact_email"), keys(data));
        assertEquals(alice.username(), data.get("user").textValue());
    }

    @Test
    void explicitIndexedNamesAreReadInNumericOrder() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode data = Uapi.success(alice.withToken(token).urlEncodingEnabled(false)
                .get(USER_INFO + "?name-10=created&name-2=domain&name=user").asString()).get("data");
        assertEquals(List.of("user", "domain", "created"), keys(data));
    }

    @Test
    void formPostMergesTheQueryStringFirstThenTheBody() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode data = Uapi.success(alice.withToken(token).contentType("application/x-www-form-urlencoded")
                .body("name=domain&name=contact_email&").post(USER_INFO + "?name=user").asString()).get("data");
        assertEquals(List.of("user", "domain", "contact_email"), keys(data));
    }

    @Test
    void urlDecodingAppliesToNamesAndValues() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(alice.withToken(token).contentType("application/x-www-form-urlencoded").body("n%61me=a%2Db%5Fc")
                .post("/execute/Tokens/create_full_access").asString());
        alice.withToken(token).get("/execute/Tokens/list").then().body("status", equalTo(1)).body("data.name", org.hamcrest.Matchers.hasItem("a-b_c"));
        JsonNode data = Uapi.success(alice.withToken(token).urlEncodingEnabled(false).get(USER_INFO + "?name=contact+email")
                .asString()).get("data");
        assertTrue(data.has("contact email"), "+ is a space: " + data);
    }

    @Test
    void multipartFieldsAndTheQueryStringAreRead() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        JsonNode data = Uapi.success(alice.withToken(token).multiPart("name", "domain").post(USER_INFO + "?name=user")
                .asString()).get("data");
        assertEquals(List.of("user", "domain"), keys(data));
    }

    @Test
    void anEmptyPostWithoutContentTypeWorks() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String body = alice.withToken(token).config(RestAssuredConfig.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .post("/execute/Tokens/list").then().statusCode(200).extract().asString();
        Uapi.success(body);
        Uapi.success(alice.withToken(token).post("/execute/Tokens/create_full_access?name=viaquery").asString());
        alice.withToken(token).get("/execute/Tokens/list").then().body("status", equalTo(1))
                .body("data.name", org.hamcrest.Matchers.hasItem("viaquery"));
    }

    @Test
    void aFlatJsonObjectBodyIsReadAndTheQueryStringIgnored() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.success(alice.withToken(token).contentType("application/json").body("{\"name\":\"from-json\",\"expires_at\":0}")
                .post("/execute/Tokens/create_full_access").asString());
        Uapi.failure(alice.withToken(token).contentType("application/json").body("{}")
                .post("/execute/Tokens/create_full_access?name=from-query").asString(), "Provide the “name” argument.");
        Uapi.success(alice.withToken(token).contentType("application/json; charset=utf-8").body("{\"name\":\"charset\"}")
                .post("/execute/Tokens/create_full_access").asString());
        alice.withToken(token).get("/execute/Tokens/list").then().body("status", equalTo(1)).body("data.name",
                org.hamcrest.Matchers.hasItems("from-json", "charset"));
    }

    @Test
    void badJsonBodiesAreRefusedInTheEnvelope() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        for (String bad : List.of("{nope", "[1,2]", "\"text\"", "")) {
            Uapi.failure(alice.withToken(token).contentType("application/json").body(bad)
                    .post("/execute/Tokens/create_full_access").then().statusCode(200).extract().asString(),
                    "parsejson(): Invalid JSON data.");
        }
        Uapi.failure(alice.withToken(token).contentType("application/json").body("{\"name\":[\"a\",\"b\"]}")
                .post("/execute/Tokens/create_full_access").asString(),
                "Tokens::create_full_access does not expect nested data structures.");
    }

    @Test
    void everyExecutedCallIsHttp200WithCpanelsNoCacheHeaders() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        // The headers are cPanel's (spec §6.1); the call's own outcome is in the envelope's status.
        for (Map.Entry<String, Integer> call : Map.of("/execute/Tokens/list", 1, "/execute/Tokens/nope", 0, "/execute/Nope/list", 0)
                .entrySet()) {
            alice.withToken(token).get(call.getKey()).then().statusCode(200).contentType(startsWith("application/json"))
                    .header("Cache-Control", "no-cache, no-store, must-revalidate, private").header("Pragma", "no-cache")
                    .body("status", equalTo(call.getValue()));
        }
    }

    @Test
    void standardErrors() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Uapi.failure(alice.withToken(token).get("/execute/Variables/nope").asString(),
                "The system could not find the function “nope” in the module “Variables”.");
        String unknownModule = alice.withToken(token).get("/execute/Nope/list").asString();
        assertEquals(0, Uapi.envelope(unknownModule).get("status").intValue(), unknownModule);
        // cPanel's wording up to the module name (spec §6.3); what follows names cPanel's Perl internals.
        assertTrue(Uapi.envelope(unknownModule).get("errors").get(0).textValue().startsWith("Failed to load module “Nope”"),
                unknownModule);
        JsonNode lowercase = Uapi.envelope(alice.withToken(token).get("/execute/tokens/list").asString());
        assertEquals(0, lowercase.get("status").intValue(), lowercase.toString());
        assertTrue(lowercase.get("errors").get(0).textValue().startsWith("Failed to load module “tokens”"), "module names are case-sensitive");
        for (String illegal : List.of("_private", "foo.bar", "x".repeat(1025))) {
            // at most 100 characters of the name are echoed (issue 12 row 14)
            Uapi.failure(alice.withToken(token).get("/execute/Tokens/" + illegal).asString(), "Illegal function name: "
                    + (illegal.length() > 100 ? illegal.substring(0, 100) + "…" : illegal));
        }
        Uapi.success(alice.withToken(token).get("/execute/Tokens/list?api.paginate=1&api.sort=1&api.filter=1").asString());
    }

    @Test
    void nullListsAreNullAndArrayDataIsTransformed() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String list = alice.withToken(token).get("/execute/Tokens/list").asString();
        assertTrue(list.startsWith("{\"status\":1,\"errors\":null,\"warnings\":null,\"messages\":null,\"metadata\":{\"transformed\":1},\"data\":["),
                list);
        String object = alice.withToken(token).get(USER_INFO).asString();
        assertTrue(object.contains("\"metadata\":{}"), object);
    }

    @Test
    void basicAuthWorksOnExecuteToo() {
        TestAccount alice = newAccount();
        alice.withPassword().get(USER_INFO).then().statusCode(200).body("status", equalTo(1)).body("data.user", equalTo(alice.username()));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
