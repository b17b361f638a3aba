package dev.openuapi.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.specification.RequestSpecification;

/**
 * Checks that a call did succeed, not just answer: WHM API 1 and UAPI answer HTTP 200 whether or not the function
 * worked, so a test must look at {@code metadata.result} (WHM) or {@code status} (UAPI).
 */
public final class WhmChecks {

    private WhmChecks() {
    }

    /**
     * Calls a WHM API 1 function and asserts {@code metadata.result} 1 with reason {@code OK} (cPanel's success reason in
     * every WHM API 1 example on api.docs.cpanel.net); returns the whole answer.
     */
    public static JsonNode ok(RequestSpecification as, String function, Map<String, ?> args) {
        JsonNode answer = Whm.json(as, function, args);
        assertEquals(1, answer.get("metadata").get("result").intValue(), function + ": " + answer);
        assertEquals("OK", answer.get("metadata").get("reason").textValue(), function + ": " + answer);
        return answer;
    }

    /** A UAPI call (GET) that must succeed: HTTP 200 and {@code status} 1. */
    public static void uapiOk(RequestSpecification as, String path) {
        as.get(path).then().statusCode(200).body("status", equalTo(1));
    }

    /** The account's password logs in: a UAPI call with it as HTTP Basic succeeds. */
    public static void passwordLogsIn(String user, String password) {
        uapiOk(given().auth().preemptive().basic(user, password), "/execute/Tokens/list");
    }

    /** The account's password is refused: the same UAPI call answers HTTP 401. */
    public static void passwordRefused(String user, String password) {
        given().auth().preemptive().basic(user, password).get("/execute/Tokens/list").then().statusCode(401);
    }
}
