package dev.openuapi.ops;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestConfig;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Health and metrics live on the management interface, its own port ({@code quarkus.management.test-port} in tests, 9000 otherwise),
 * not on the API port.
 */
@QuarkusTest
class ManagementTest {

    /** The management interface of the running test configuration. */
    static String management() {
        return TestConfig.managementUrl();
    }

    @Test
    void healthIsOnTheManagementPortOnly() {
        given().get(management() + "/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get(management() + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void metricsCountCallsAuthFailuresAndTokens() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200).body("status", equalTo(1));
        alice.withToken(token).get("/execute/NoSuchModule" + System.nanoTime() + "/f").then().statusCode(200).body("status", equalTo(0));
        alice.withToken("Z".repeat(32)).get("/execute/Tokens/list").then().statusCode(401);
        given().get("/execute/Tokens/list").then().statusCode(401);
        String before = metrics();
        alice.withToken(token).get("/execute/Tokens/list").then().statusCode(200).body("status", equalTo(1));
        alice.withToken("Z".repeat(32)).get("/execute/Tokens/list").then().statusCode(401);
        String after = metrics();

        String call = "openuapi_api_calls_seconds_count{api=\"uapi\",function=\"list\",module=\"Tokens\",result=\"ok\"}";
        assertTrue(value(after, call) == value(before, call) + 1, "one more Tokens::list call counted");
        assertTrue(after.contains("openuapi_api_calls_seconds_bucket{api=\"uapi\",function=\"list\",module=\"Tokens\",result=\"ok\","),
                "latency is a histogram");
        assertTrue(after.contains("openuapi_api_calls_seconds_count{api=\"uapi\",function=\"unknown\",module=\"unknown\",result=\"failed\"}"),
                "made-up names are not tags");
        String failure = "openuapi_auth_failures_total{reason=\"unknown_token\"}";
        assertTrue(value(after, failure) == value(before, failure) + 1, "one more unknown token counted");
        assertTrue(after.contains("openuapi_auth_failures_total{reason=\"no_credentials\"}"));
        assertTrue(value(after, "openuapi_tokens_created_total{kind=\"cpanel\"}") >= 1);
        assertTrue(!after.contains(token) && !after.contains(alice.username()), "never a token or a user in a metric");
    }

    static String metrics() {
        return given().get(management() + "/q/metrics").then().statusCode(200).extract().asString();
    }

    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
