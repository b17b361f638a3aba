package dev.openuapi.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.TestConfig;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code quarkus.http.insecure-requests=disabled}: plain HTTP (2082) is not even opened; HTTPS works. */
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
        String token = given().relaxedHTTPSValidation().baseUri("https://localhost").port(TestConfig.tlsPort())
                .auth().preemptive().basic(alice.username(), alice.password()).contentType("application/json")
                .body(Map.of("name", "tls-only")).post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        String listed = given().relaxedHTTPSValidation().baseUri("https://localhost").port(TestConfig.tlsPort())
                .header("Authorization", "cpanel " + alice.username() + ":" + token).get("/execute/Tokens/list").then().statusCode(200)
                .extract().asString();
        assertEquals(List.of("tls-only"), Uapi.success(listed).get("data").findValuesAsText("name"), "HTTPS serves the API");
        // Plain HTTP is not opened at all: the connection is refused, not answered with some error. (With the plain
        // port off, Quarkus points RestAssured at the HTTPS port, so the plain port is named explicitly.)
        int plain = TestConfig.httpPort();
        assertNotEquals(TestConfig.tlsPort(), plain);
        assertThrows(ConnectException.class, () -> given().baseUri("http://localhost").port(plain)
                .header("Authorization", "cpanel " + alice.username() + ":" + token).get("/execute/Tokens/list"),
                "nothing listens on the plain port " + plain);
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), plain).close());
    }

    private static TestAccount newAccountOverHttps() {
        String user = "h" + Fixtures.randomSuffix(10);
        given().relaxedHTTPSValidation().baseUri("https://localhost").port(TestConfig.tlsPort()).auth().preemptive()
                .basic("root", Fixtures.ROOT_PASSWORD).contentType("application/json")
                .body(Map.of("username", user, "password", "https-only-pass", "domain", user + ".example", "contact_email", "o@" + user + ".example"))
                .post("/api/v1/accounts").then().statusCode(201);
        return new TestAccount(user, "https-only-pass", user + ".example");
    }
}
