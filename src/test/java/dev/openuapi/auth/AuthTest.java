package dev.openuapi.auth;

import static dev.openuapi.support.Fixtures.newAccount;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The authentication matrix of the cPanel face and our token API (spec §2). */
@QuarkusTest
class AuthTest {

    private static final String PATH = "/execute/Tokens/list";

    @Test
    void aValidTokenWorks() {
        TestAccount alice = newAccount();
        Uapi.success(alice.withToken(alice.newToken()).get(PATH).then().statusCode(200).extract().asString());
    }

    /** Spec §2: /execute with bad credentials gets 401 and a short text body such as "Access denied". */
    @Test
    void noHeaderIsRefusedWith401AndAShortBody() {
        given().get(PATH).then().statusCode(401).body(equalTo("Access denied\n"));
    }

    @Test
    void everyKindOfWrongCredentialGetsTheSameAnswer() {
        TestAccount alice = newAccount();
        TestAccount bob = newAccount();
        String token = alice.newToken();
        String bobsToken = bob.newToken();
        List<String> headers = List.of(
                "cpanel " + alice.username() + ":" + "A".repeat(32), // wrong token
                "cpanel nosuchuser:" + token, // unknown user, real token
                "cpanel " + alice.username() + ":" + bobsToken, // another account's token
                "cpanel " + alice.username() + ":", // empty token
                "cpanel " + alice.username(), // no colon
                "cpanel", // nothing
                "Bearer " + token, // another scheme
                "cpanel BAD USER:" + token, // invalid username
                "Basic !!!notbase64", // malformed Basic
                "Basic " + java.util.Base64.getEncoder().encodeToString((alice.username() + ":wrong-password").getBytes()));
        for (String header : headers) {
            given().header("Authorization", header).get(PATH).then().statusCode(401).body(equalTo("Access denied\n"));
        }
    }

    @Test
    void schemeWordIsCaseInsensitiveAndSpacesAreTrimmed() {
        TestAccount alice = newAccount();
        String token = alice.newToken("cased");
        for (String header : List.of("CPANEL " + alice.username() + ":" + token, "Cpanel   " + alice.username() + ":" + token + "  ",
                "cpanel " + alice.username() + " : " + token)) {
            given().header("Authorization", header).get(PATH).then().statusCode(200).body("status", equalTo(1))
                    .body("data.name", equalTo(List.of("cased")));
        }
    }

    @Test
    void basicWithTheAccountPasswordWorks() {
        TestAccount alice = newAccount();
        Uapi.success(alice.withPassword().get(PATH).then().statusCode(200).extract().asString());
    }

    @Test
    void anExpiredTokenFailsButStaysListed() throws InterruptedException {
        TestAccount alice = newAccount();
        String keeper = alice.newToken("keeper");
        // Five seconds ahead: enough for the create and the first use on a loaded two-core runner.
        long expiry = System.currentTimeMillis() / 1000 + 5;
        String shortLived = Uapi.success(alice.withToken(keeper).queryParam("name", "short").queryParam("expires_at", expiry)
                .get("/execute/Tokens/create_full_access").asString()).get("data").get("token").textValue();
        Uapi.success(alice.withToken(shortLived).get(PATH).then().statusCode(200).extract().asString());
        while (System.currentTimeMillis() / 1000 <= expiry) {
            Thread.sleep(200); // valid up to and including the expiry second
        }
        alice.withToken(shortLived).get(PATH).then().statusCode(401);
        alice.withToken(keeper).get(PATH).then().statusCode(200).body("status", equalTo(1)).body("data.find { it.name == 'short' }.expires_at",
                equalTo((int) expiry));
    }

    @Test
    void aRevokedTokenFailsAtOnce() {
        TestAccount alice = newAccount();
        String token = alice.newToken("gone");
        alice.withToken(token).get(PATH).then().statusCode(200).body("status", equalTo(1)).body("data.name", equalTo(List.of("gone")));
        alice.withPassword().delete("/api/v1/tokens/gone").then().statusCode(204);
        alice.withToken(token).get(PATH).then().statusCode(401);
        Uapi.success(alice.withPassword().get(PATH).asString()); // the account itself still works
        alice.withPassword().get(PATH).then().body("data", org.hamcrest.Matchers.empty());
    }

    @Test
    void aRenamedTokenKeepsWorking() {
        TestAccount alice = newAccount();
        String token = alice.newToken("before");
        alice.withPassword().contentType(ContentType.JSON).body(Map.of("new_name", "after")).patch("/api/v1/tokens/before")
                .then().statusCode(200).body("name", equalTo("after"));
        alice.withToken(token).get(PATH).then().statusCode(200).body("status", equalTo(1)).body("data.name", equalTo(List.of("after")));
    }

    @Test
    void aSuspendedAccountCannotUseItsTokensOrPassword() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        Fixtures.patchAccount(alice.username(), Map.of("suspended", true));
        alice.withToken(token).get(PATH).then().statusCode(401);
        alice.withPassword().get(PATH).then().statusCode(401);
        alice.withToken(token).get("/api/v1/tokens").then().statusCode(401);
        Fixtures.patchAccount(alice.username(), Map.of("suspended", false));
        alice.withToken(token).get(PATH).then().statusCode(200).body("status", equalTo(1));
    }

    @Test
    void aTokenIsForbiddenOutsideUapiApi2AndTheTokenApi() {
        TestAccount alice = newAccount();
        String token = alice.newToken();
        String message = "Token authentication allows access to UAPI or API 2 calls only."; // cPanel's wording (spec §2)
        alice.withToken(token).get("/api/v1/accounts").then().statusCode(403)
                .contentType("application/problem+json").body("detail", equalTo(message));
        for (String path : List.of("/q/openapi", "/q/health", "/frontend/jupiter/index.html", "/json-api/listaccts")) {
            alice.withToken(token).get(path).then().statusCode(403).body(equalTo(message + "\n"));
        }
        // a wrong token on a forbidden path is refused for the path, before it is even looked up
        alice.withToken("X".repeat(32)).get("/q/health").then().statusCode(403);
        alice.withToken(token).get("/api/v1/tokens").then().statusCode(200);
    }

    @Test
    void tokenApiRefusalsAreProblemJson() {
        given().get("/api/v1/tokens").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized")).body("detail", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "cpanel nobody:" + "A".repeat(32)).get("/api/v1/tokens").then().statusCode(401)
                .body("status", equalTo(401));
    }

    @Test
    void theAdminApiWantsRootNotAnAccount() {
        TestAccount alice = newAccount();
        alice.withPassword().get("/api/v1/accounts").then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("root", "wrong").get("/api/v1/accounts").then().statusCode(401);
        given().get("/api/v1/accounts").then().statusCode(401);
        Fixtures.asRoot().get("/api/v1/accounts").then().statusCode(200).body("find { it.username == '" + alice.username()
                + "' }.domain", equalTo(alice.domain())).body("find { it.username == 'nobody' }", nullValue());
    }
}
