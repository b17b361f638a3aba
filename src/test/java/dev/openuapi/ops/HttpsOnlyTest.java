package dev.openuapi.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code quarkus.http.insecure-requests=disabled}: plain HTTP (2082) answers nothing useful; HTTPS works. */
@QuarkusTest
@TestProfile(HttpsOnlyTest.HttpsOnly.class)
class HttpsOnlyTest {

    public static class HttpsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.insecure-requests", "disabled");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Test
    void plainHttpIsOffAndHttpsServesTokens() {
        TestAccount alice = newAccountOverHttps();
        String token = given().relaxedHTTPSValidation().baseUri("https://localhost").port(TlsTest.TLS_PORT)
                .auth().preemptive().basic(alice.username(), alice.password()).contentType("application/json")
                .body(Map.of("name", "tls-only")).post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        given().relaxedHTTPSValidation().baseUri("https://localhost").port(TlsTest.TLS_PORT)
                .header("Authorization", "cpanel " + alice.username() + ":" + token).get("/execute/Tokens/list").then().statusCode(200);
        int plain;
        try {
            plain = given().header("Authorization", "cpanel " + alice.username() + ":" + token).get("/execute/Tokens/list").then()
                    .extract().statusCode();
        } catch (Exception refused) {
            plain = -1; // nothing listens: as good as off
        }
        assertNotEquals(200, plain, "plain HTTP must not serve the API");
    }

    private static TestAccount newAccountOverHttps() {
        String user = "h" + Fixtures.randomSuffix(10);
        given().relaxedHTTPSValidation().baseUri("https://localhost").port(TlsTest.TLS_PORT).auth().preemptive()
                .basic("root", Fixtures.ROOT_PASSWORD).contentType("application/json")
                .body(Map.of("username", user, "password", "https-only-pass", "domain", user + ".example", "contact_email", "o@" + user + ".example"))
                .post("/api/v1/accounts").then().statusCode(201);
        return new TestAccount(user, "https-only-pass", user + ".example");
    }
}
