package dev.openuapi.support;

import static io.restassured.RestAssured.given;

import java.security.SecureRandom;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Test data made through the public HTTP API only, so the same tests run against the packaged
 * application (*IT). Every test makes its own accounts: nothing is shared between tests.
 */
public final class Fixtures {

    /** The operator password of the test profile (application.properties, %test). */
    public static final String ROOT_PASSWORD = "test-root-password";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    public record TestAccount(String username, String password, String domain) {

        /** A request authenticated with {@code Authorization: cpanel USER:TOKEN}. */
        public RequestSpecification withToken(String token) {
            return given().header("Authorization", "cpanel " + username + ":" + token);
        }

        public RequestSpecification withPassword() {
            return given().auth().preemptive().basic(username, password);
        }

        /** Creates a token through our REST API and returns its value. */
        public String newToken(String name) {
            return withPassword().contentType(ContentType.JSON).body(Map.of("name", name))
                    .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        }

        public String newToken() {
            return newToken("t" + randomSuffix(8));
        }

        /**
         * The account's home directory as the API reports it (Variables::get_user_information {@code home}): the real
         * one, {@code <openuapi.homes.root>/<user>}, which must be a directory on this machine (the tests and the
         * application, packaged or not, run on the same one).
         */
        public String home() {
            return homeOf(withPassword());
        }
    }

    /** The home directory the API reports to {@code as} (an account's credentials), checked to be a directory here. */
    public static String homeOf(RequestSpecification as) {
        String body = as.get("/execute/Variables/get_user_information?name=home").then().statusCode(200).extract().asString();
        String home = json(body).path("data").path("home").textValue();
        if (home == null || !home.startsWith("/") || !java.nio.file.Files.isDirectory(java.nio.file.Path.of(home))) {
            throw new AssertionError("The reported home is not a directory on this machine: " + body);
        }
        return home;
    }

    private Fixtures() {
    }

    public static RequestSpecification asRoot() {
        return given().auth().preemptive().basic("root", ROOT_PASSWORD);
    }

    public static String uniqueUsername() {
        return "u" + randomSuffix(12);
    }

    public static String randomSuffix(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    public static TestAccount newAccount() {
        return newAccount(uniqueUsername());
    }

    /** A new account (through the admin API) with this username, a random password and {@code <username>.example}. */
    public static TestAccount newAccount(String username) {
        String password = "pw-" + randomSuffix(16);
        String domain = username + ".example";
        asRoot().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "domain", domain, "contact_email",
                        "owner@" + domain))
                .post("/api/v1/accounts").then().statusCode(201);
        return new TestAccount(username, password, domain);
    }

    public static void patchAccount(String username, Map<String, Object> changes) {
        asRoot().contentType(ContentType.JSON).body(changes).patch("/api/v1/accounts/" + username).then().statusCode(200);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }
}
